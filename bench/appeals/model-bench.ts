/**
 * Quality on the fixed held-out split and on the independent set, and screening throughput on one core: our model,
 * the plain bag-of-words baseline, fastText and two scikit-learn peers, all trained on the same training split. The
 * peers' probabilities come back to Node and are scored by `evaluatePredictions`, so every row is measured by the
 * same metric code.
 */
import { present } from '../../src/core/lang/index.js';
import { trainBaseline } from '../../src/modules/appeals/model/baseline.js';
import { AppealClassifier } from '../../src/modules/appeals/model/classifier.js';
import { hasRiskLabels, loadIndependentSet, type Example } from '../../src/modules/appeals/model/corpus.js';
import {
  evaluatePredictions,
  type Evaluation,
  type Prediction,
} from '../../src/modules/appeals/model/evaluate.js';
import { riskLabels, type RiskLabel } from '../../src/modules/appeals/model/labels.js';
import { trainModel } from '../../src/modules/appeals/model/train.js';
import { tokenize } from '../../src/modules/appeals/text/normalize.js';
import { heldOutSplit, meanLength, screeningTexts, type TempDir } from './data.js';
import { runPeer, type PeerOutput, type PeerQualityModel } from './sklearn-peer.js';
import { trainFastText } from './fasttext-peer.js';

export interface QualityRow {
  name: string;
  trainSeconds: number;
  /** On the held-out quarter of the corpus. */
  evaluation: Evaluation;
  /** On the independent set (never trained or tuned on). */
  independent: Evaluation;
  /** Average precision per label (area under the precision-recall curve): ranking quality, whatever the threshold. */
  averagePrecision: Record<RiskLabel, number>;
  macroAveragePrecision: number;
  /** Share of real ordinary appeals (St Petersburg, assumed risk-free) given at least one risk label: false alarms. */
  ordinaryFlagged: number | null;
}

export interface ThroughputRow {
  name: string;
  texts: number;
  seconds: number;
  perSecond: number;
}

export interface ModelBench {
  trainSize: number;
  riskTrainSize: number;
  testSize: number;
  independentSize: number;
  ordinaryAppeals: number;
  quality: QualityRow[];
  throughput: ThroughputRow[];
  screeningTexts: { count: number; meanChars: number };
  /** Our model's per-label decision thresholds, chosen at training time. */
  oursThresholds: Record<RiskLabel, number>;
  peer: PeerOutput<PeerQualityModel>['versions'] | null;
  peerWarnings: string[];
}

const seconds = (started: number) => (performance.now() - started) / 1000;

/** Per-text calls in a loop, as intake makes them; a short warm-up first so the JIT has compiled the hot path. */
function timePerText(name: string, texts: readonly string[], work: (text: string) => unknown): ThroughputRow {
  for (const text of texts.slice(0, Math.min(2000, texts.length))) work(text);
  const started = performance.now();
  let sink = 0;
  for (const text of texts) sink += work(text) ? 1 : 0;
  const elapsed = seconds(started);
  if (sink < 0) console.log(sink);
  return { name, texts: texts.length, seconds: elapsed, perSecond: texts.length / elapsed };
}

/** Average precision as sklearn's average_precision_score computes it (ties broken by order), per label. */
function averagePrecision(
  predictions: readonly Prediction[],
): Pick<QualityRow, 'averagePrecision' | 'macroAveragePrecision'> {
  const perLabel = Object.fromEntries(
    riskLabels.map((label) => {
      const ranked = predictions
        .map(({ truth, scores }) => ({
          positive: truth.includes(label),
          score: scores[label],
        }))
        .sort((a, b) => b.score - a.score);
      const positives = ranked.filter((item) => item.positive).length;
      let found = 0;
      let sum = 0;
      ranked.forEach((item, rank) => {
        if (!item.positive) return;
        found++;
        sum += found / (rank + 1);
      });
      return [label, positives ? sum / positives : 0];
    }),
  ) as Record<RiskLabel, number>;
  return {
    averagePrecision: perLabel,
    macroAveragePrecision:
      riskLabels.reduce((total, label) => total + perLabel[label], 0) / riskLabels.length,
  };
}

const asScores = (labels: readonly string[], row: readonly number[]) =>
  Object.fromEntries(riskLabels.map((label) => [label, row[labels.indexOf(label)] ?? 0])) as Record<
    RiskLabel,
    number
  >;

export async function benchModels(options: {
  texts: number;
  single: number;
  ordinary: number;
  spb: readonly Example[];
  tmp: TempDir;
  withPeer: boolean;
}): Promise<ModelBench> {
  const { train, test } = heldOutSplit();
  const independentSet = loadIndependentSet();
  // Out of the training split by construction: no model here sees St Petersburg appeals in training.
  const ordinary = options.spb.slice(0, options.ordinary);
  const riskTrain = train.filter(hasRiskLabels);

  let started = performance.now();
  const classifier = new AppealClassifier(trainModel(train));
  const oursSeconds = seconds(started);
  started = performance.now();
  const baseline = trainBaseline(train);
  const baselineSeconds = seconds(started);
  const row = (
    name: string,
    trainSeconds: number,
    scoresOf: (example: Example) => Record<RiskLabel, number>,
    ordinaryScores: Record<RiskLabel, number>[],
    thresholdOf: (label: RiskLabel) => number = () => 0.5,
  ): QualityRow => {
    const predictionsOf = (examples: typeof test) =>
      examples.map((example) => ({ truth: example.labels, scores: scoresOf(example), lang: example.lang }));
    const predictions = predictionsOf(test);
    const evaluation = evaluatePredictions(predictions, thresholdOf);
    const independent = evaluatePredictions(predictionsOf(independentSet), thresholdOf);
    const flagged = ordinaryScores.filter((scores) =>
      riskLabels.some((label) => scores[label] >= thresholdOf(label)),
    ).length;
    return {
      name,
      trainSeconds,
      evaluation,
      independent,
      ...averagePrecision(predictions),
      ordinaryFlagged: ordinaryScores.length ? flagged / ordinaryScores.length : null,
    };
  };
  const ours = (example: Example) => classifier.probabilities(tokenize(example.text));
  const oursOrdinary = ordinary.map(ours);
  const quality: QualityRow[] = [
    row('ours: trainModel, at 0.5', oursSeconds, ours, oursOrdinary),
    // What screen() assigns: each label at the threshold chosen at training time (F2 on out-of-fold predictions).
    row('ours: trainModel, at its per-label thresholds', oursSeconds, ours, oursOrdinary, (label) =>
      classifier.threshold(label),
    ),
    row(
      'baseline.ts: bag of words, at 0.5',
      baselineSeconds,
      (example) => baseline(example.text),
      ordinary.map((example) => baseline(example.text)),
    ),
  ];

  const fastText = await trainFastText(riskTrain);
  const fastTextScores = (example: Example) => fastText.scores(example.text);
  quality.push(
    row(`${fastText.name}, at 0.5`, fastText.trainSeconds, fastTextScores, ordinary.map(fastTextScores)),
  );

  const texts = screeningTexts(options.texts, options.spb);
  const throughput: ThroughputRow[] = [
    timePerText('ours: screen(text), full screening', texts, (text) => classifier.screen(text)),
    timePerText('ours: probabilities(tokenize(text))', texts, (text) =>
      classifier.probabilities(tokenize(text)),
    ),
    timePerText('baseline.ts: scores(text)', texts, (text) => baseline(text)),
    timePerText('fastText (wasm): predict(text), one text a call', texts, (text) => fastText.scores(text)),
  ];

  let peer: PeerOutput<PeerQualityModel> | null = null;
  if (options.withPeer) {
    const args = [
      'quality',
      '--labels',
      riskLabels.join(','),
      '--train',
      options.tmp.writeJsonl('split-train.jsonl', riskTrain),
      '--test',
      // Both test sets in one file; their rows are told apart by position.
      options.tmp.writeJsonl('split-test.jsonl', [...test, ...independentSet]),
      '--ordinary',
      options.tmp.writeJsonl('ordinary.jsonl', ordinary),
      '--texts',
      options.tmp.writeJsonl(
        'screening.jsonl',
        texts.map((text) => ({ text })),
      ),
      '--single',
      String(options.single),
    ];
    const output = await runPeer<PeerQualityModel>(args, options.tmp.file('quality.json'));
    const testRow = new Map<Example, number>(
      [...test, ...independentSet].map((example, index) => [example, index]),
    );
    peer = output;
    for (const [name, model] of Object.entries(output.models)) {
      const ordinaryScores = model.ordinaryProbabilities.map((probabilities) =>
        asScores(output.labels, probabilities),
      );
      quality.push(
        row(
          `${name}, at 0.5`,
          model.fitSeconds,
          (example) =>
            asScores(
              output.labels,
              present(
                model.testProbabilities[present(testRow.get(example), 'a test example')],
                'a peer probability row',
              ),
            ),
          ordinaryScores,
        ),
      );
      throughput.push({
        name: `${name}: predict_proba, all texts in one call`,
        ...model.throughput.batch,
        perSecond: model.throughput.batch.perSecond ?? 0,
      });
      throughput.push({
        name: `${name}: predict_proba, one text a call`,
        ...model.throughput.single,
        perSecond: model.throughput.single.perSecond ?? 0,
      });
    }
  }
  return {
    trainSize: train.length,
    riskTrainSize: riskTrain.length,
    testSize: test.length,
    independentSize: independentSet.length,
    ordinaryAppeals: ordinary.length,
    quality,
    throughput,
    screeningTexts: { count: texts.length, meanChars: meanLength(texts) },
    oursThresholds: Object.fromEntries(
      riskLabels.map((label) => [label, classifier.threshold(label)]),
    ) as Record<RiskLabel, number>,
    peer: peer?.versions ?? null,
    peerWarnings: peer?.warnings ?? [],
  };
}
