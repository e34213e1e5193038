import { ARTIFACT_FORMAT, quantise, type ModelArtifact } from './artifact.js';
import { calibrate, fitPlatt, type Platt } from './calibration.js';
import {
  DEFAULT_BUCKETS,
  hashFeatures,
  inverseDocumentFrequency,
  packIdf,
  sentenceVectors,
  unpackIdf,
  weighFeatures,
  withStrongestSentence,
  type SparseVector,
} from './features.js';
import { riskLabels } from './labels.js';
import { defaultLinearOptions, score, trainLinear, type LinearOptions } from './linear.js';
import { tokenize } from '../text/normalize.js';
import { present } from '../../../core/lang/index.js';
import { hasRiskLabels, type Example } from './corpus.js';

export interface TrainOptions {
  /** Weight of an example in the risk model (default 1). */
  weightOf?: (example: Example) => number;
  buckets?: number;
  folds?: number;
  linear?: Partial<Omit<LinearOptions, 'buckets'>>;
  version?: string;
}

const FOLDS = 4;

/**
 * Trains the risk model (one-vs-rest logistic regressions on hashed word and character n-grams), calibrates each label
 * with Platt scaling on out-of-fold scores, and trains the topic router; returns the artifact to store or ship.
 */
export function trainModel(examples: readonly Example[], options: TrainOptions = {}): ModelArtifact {
  const buckets = options.buckets ?? DEFAULT_BUCKETS;
  const linear: LinearOptions = { ...defaultLinearOptions, ...options.linear, buckets };
  const riskExamples = examples.filter(hasRiskLabels);
  // Each text is tokenised and hashed once; the hashes give the document frequencies and then the weighted vectors.
  const tokenized = new Map(examples.map((example) => [example, tokenize(example.text)]));
  const tokensOf = (example: Example) =>
    present(tokenized.get(example), `the tokens of example ${example.id}`);
  const hashed = examples.map((example) => ({ example, hashes: hashFeatures(tokensOf(example)) }));
  const idf = unpackIdf(
    packIdf(
      inverseDocumentFrequency(
        hashed.map(({ hashes }) => hashes),
        buckets,
      ),
    ),
  );
  const vectorOf = new Map(
    hashed.map(({ example, hashes }) => [example, weighFeatures(hashes, buckets, idf)]),
  );
  const featuresOf = (example: Example) =>
    present(vectorOf.get(example), `the features of example ${example.id}`);
  const xs = riskExamples.map(featuresOf);
  const sentencesOf = riskExamples.map((example) => sentenceVectors(tokensOf(example), buckets, idf));
  const ys = riskExamples.map((example) =>
    Uint8Array.from(riskLabels, (label) => (example.labels.includes(label) ? 1 : 0)),
  );
  const labels = [...riskLabels];
  // Every example counts the same by default; lowering the public set's weight was measured and cost quality.
  const weightOf = options.weightOf ?? (() => 1);
  const weights = riskExamples.map(weightOf);

  // Out-of-fold scores only need to be honest, not many: on a large corpus two folds calibrate as well as four, in half the time.
  const folds = options.folds ?? (riskExamples.length > 20_000 ? 2 : FOLDS);
  // Per label: the out-of-fold score of every example and of its sentences, and its target.
  const outOfFold = labels.map((_, label) => ({
    scores: new Float64Array(riskExamples.length),
    sentenceScores: riskExamples.map((): number[] => []),
    targets: ys.map((y) => y[label] ?? 0),
  }));
  for (let fold = 0; fold < folds; fold++) {
    const inFold = (index: number) => index % folds === fold;
    const model = trainLinear(
      xs.filter((_, i) => !inFold(i)),
      ys.filter((_, i) => !inFold(i)),
      labels,
      linear,
      weights.filter((_, i) => !inFold(i)),
    );
    xs.forEach((x, i) => {
      if (!inFold(i)) return;
      const sentences = sentencesOf[i] ?? [];
      outOfFold.forEach((heldOut, label) => {
        heldOut.scores[i] = score(model, x, label);
        heldOut.sentenceScores[i] = sentences.map((sentence) => score(model, sentence, label));
      });
    });
  }
  const calibrations = outOfFold.map(({ scores, sentenceScores, targets }) => {
    const { weight, platt, combined } = bestSentenceWeight(Array.from(scores), sentenceScores, targets);
    return {
      platt,
      sentenceWeight: weight,
      threshold: bestThreshold(
        combined.map((z) => calibrate(platt, z)),
        targets,
      ),
    };
  });
  const risk = trainLinear(xs, ys, labels, linear, weights);

  const routed = examples.filter((example): example is Example & { topic: string } => example.topic !== null);
  const topics = [...new Set(routed.map((example) => example.topic))].sort();
  const routingXs: SparseVector[] = routed.map(featuresOf);
  const routingYs = routed.map((example) =>
    Uint8Array.from(topics, (topic) => (topic === example.topic ? 1 : 0)),
  );
  const routing = trainLinear(routingXs, routingYs, topics, { ...linear, epochs: 8 });

  const createdAt = new Date().toISOString();
  return {
    format: ARTIFACT_FORMAT,
    version: options.version ?? `appeals-${createdAt.slice(0, 19).replace(/[-:T]/g, '')}`,
    createdAt,
    buckets,
    idf: packIdf(idf),
    risk: {
      ...quantise(risk),
      platt: calibrations.map(({ platt }) => platt),
      sentenceWeights: calibrations.map(({ sentenceWeight }) => sentenceWeight),
      thresholds: calibrations.map(({ threshold }) => threshold),
    },
    routing: quantise(routing),
    card: { trainingAppeals: riskExamples.length, routingAppeals: routed.length, topics, options: linear },
  };
}

const SENTENCE_WEIGHTS = [0, 0.25, 0.5, 0.75, 1];

/**
 * How much a label's strongest sentence counts beside the whole text (features.ts withStrongestSentence): the
 * weight whose calibrated out-of-fold scores have the lowest log-loss, so a label where single sentences mislead
 * (a bare "убью" in a joke) keeps to the whole text and one where the risk hides in a long appeal does not.
 */
export function bestSentenceWeight(
  scores: readonly number[],
  sentenceScores: readonly (readonly number[])[],
  targets: readonly number[],
) {
  let best: { weight: number; platt: Platt; combined: number[]; loss: number } | undefined;
  for (const weight of SENTENCE_WEIGHTS) {
    const combined = scores.map((z, i) => withStrongestSentence(z, sentenceScores[i] ?? [], weight));
    const platt = fitPlatt(combined, targets);
    const loss = logLoss(
      combined.map((z) => calibrate(platt, z)),
      targets,
    );
    if (!best || loss < best.loss - 1e-9) best = { weight, platt, combined, loss };
  }
  return present(best, 'a sentence weight (the list of candidates is empty)');
}

const logLoss = (probabilities: readonly number[], targets: readonly number[]) =>
  probabilities.reduce((sum, p, i) => {
    const clipped = Math.min(1 - 1e-7, Math.max(1e-7, p));
    return sum - (targets[i] ? Math.log(clipped) : Math.log(1 - clipped));
  }, 0) / (probabilities.length || 1);

/**
 * The decision threshold of a label: the calibrated probability that maximises F1 on out-of-fold predictions,
 * within [0.2, 0.8] so a small fold cannot push it to an extreme. F2 (recall counted double) was used before the
 * sentence scores and the wider corpus; with them, F1 thresholds keep any-risk recall above 0.95 across writers and
 * cost far fewer false alarms. Tried and dropped: folds of whole writers (their models, each missing a third of the
 * positives, are weaker than the final one, and thresholds chosen on them flag too much), and an any-risk gate that
 * flagged an appeal's likeliest label under its threshold (on ordinary St Petersburg appeals it doubled the false
 * alarms, to 14.5 %).
 */
const BETA2 = 1;
const MIN_THRESHOLD = 0.2;
const MAX_THRESHOLD = 0.8;

export function bestThreshold(probabilities: readonly number[], targets: readonly number[]): number {
  let best = { threshold: 0.5, score: -1 };
  for (let threshold = MIN_THRESHOLD; threshold <= MAX_THRESHOLD + 1e-4; threshold += 0.025) {
    let tp = 0,
      fp = 0,
      fn = 0;
    probabilities.forEach((p, i) => {
      if (p >= threshold && targets[i]) tp++;
      else if (p >= threshold) fp++;
      else if (targets[i]) fn++;
    });
    const score = tp ? ((1 + BETA2) * tp) / ((1 + BETA2) * tp + BETA2 * fn + fp) : 0;
    if (score > best.score) best = { threshold: Number(threshold.toFixed(3)), score };
  }
  return best.threshold;
}
