import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ModelArtifact } from './artifact.js';
import { trainBaseline } from './baseline.js';
import { AppealClassifier } from './classifier.js';
import {
  hasRiskLabels,
  loadIndependentSet,
  loadKzgov,
  loadSeedCorpus,
  loadSpbTextsForEvaluation,
  type Example,
  type LabelledExample,
} from './corpus.js';
import { evaluatePredictions, type Evaluation, type Prediction } from './evaluate.js';
import { isHeldOut } from './split.js';
import { trainModel, type TrainOptions } from './train.js';
import { tokenize } from '../text/normalize.js';
import { isRiskLabel, riskLabels } from './labels.js';

export const shippedModelPath = fileURLToPath(new URL('./shipped-model.json', import.meta.url));

export function loadShippedModel(path = shippedModelPath): AppealClassifier {
  return new AppealClassifier(JSON.parse(readFileSync(path, 'utf8')) as ModelArtifact);
}

export function trainingExamples(): Example[] {
  return [...loadSeedCorpus(), ...loadKzgov()];
}

export interface HeldOutReport {
  /** Share of real ordinary appeals (St Petersburg portal, never trained on) given any risk label, when available. */
  ordinaryFalseAlarms: { appeals: number; share: number } | null;
  /** The held-out quarter of the corpus. */
  model: Evaluation;
  /** The same model on the independent set (evaluation/README.md). */
  independent: Evaluation;
  baseline: Evaluation;
  trainSize: number;
  testSize: number;
  trainSeconds: number;
}

/** A model's decisions on labelled appeals, at its own per-label thresholds (what screening does). */
export function evaluateClassifier(
  classifier: AppealClassifier,
  examples: readonly LabelledExample[],
): Evaluation {
  return evaluatePredictions(
    examples.map((example) => {
      const scores = classifier.probabilities(tokenize(example.text));
      return { truth: example.labels, scores, lang: example.lang, decided: classifier.decide(scores) };
    }),
  );
}

/** Share of real ordinary appeals (St Petersburg portal, evaluation only) the model gives any risk label. */
export function ordinaryFalseAlarms(
  classifier: AppealClassifier,
  ordinary = loadSpbTextsForEvaluation(3000),
): { appeals: number; share: number } | null {
  if (ordinary.length === 0) return null;
  const flagged = ordinary.filter((text) => classifier.screen(text).labels.length > 0).length;
  return { appeals: ordinary.length, share: flagged / ordinary.length };
}

/** Trains on the fixed training split and scores the held-out quarter, beside the plain bag-of-words baseline. */
export function evaluateHeldOut(examples = trainingExamples(), options: TrainOptions = {}): HeldOutReport {
  const train = examples.filter((example) => !isHeldOut(example.id));
  const test = examples.filter(hasRiskLabels).filter((example) => isHeldOut(example.id));
  const started = performance.now();
  const classifier = new AppealClassifier(trainModel(train, options));
  const trainSeconds = (performance.now() - started) / 1000;
  const baseline = trainBaseline(train);
  return {
    ordinaryFalseAlarms: ordinaryFalseAlarms(classifier),
    model: evaluateClassifier(classifier, test),
    independent: evaluateClassifier(classifier, loadIndependentSet()),
    baseline: evaluatePredictions(
      test.map((example) => ({ truth: example.labels, scores: baseline(example.text), lang: example.lang })),
    ),
    trainSize: train.length,
    testSize: test.length,
    trainSeconds,
  };
}

export interface WriterFold {
  writer: string;
  appeals: number;
  evaluation: Evaluation;
}

/**
 * Cross-writer validation: for each set written by other hands to its own brief (corpus/varied-*.jsonl, and the
 * first seed set), train on the rest and score it. What a model learns of one writer's habits does not help here,
 * so this is the estimate that model choices (features, thresholds) are made on; the independent set never is.
 */
export function crossWriterValidation(
  examples = trainingExamples(),
  options: TrainOptions = {},
): { folds: WriterFold[]; pooled: Evaluation } {
  const writers = [
    ...new Set(
      examples
        .filter(hasRiskLabels)
        .filter((e) => e.source === 'seed')
        .map((e) => e.writer),
    ),
  ].sort();
  const pooled: Prediction[] = [];
  const folds = writers.map((writer) => {
    const classifier = new AppealClassifier(
      trainModel(
        examples.filter((example) => example.writer !== writer),
        options,
      ),
    );
    const heldOut = examples.filter(hasRiskLabels).filter((example) => example.writer === writer);
    // Each fold's model decides with its own thresholds; the pooled figures count those decisions.
    for (const example of heldOut) {
      const scores = classifier.probabilities(tokenize(example.text));
      pooled.push({ truth: example.labels, lang: example.lang, scores, decided: classifier.decide(scores) });
    }
    return { writer, appeals: heldOut.length, evaluation: evaluateClassifier(classifier, heldOut) };
  });
  return { folds, pooled: evaluatePredictions(pooled) };
}

/** Trains on everything for release, with the held-out evaluation written into the model card. */
export function trainRelease(
  output = shippedModelPath,
  version?: string,
  corrections: readonly Example[] = [],
): { artifact: ModelArtifact; report: HeldOutReport; independent: Evaluation } {
  const examples = [...trainingExamples(), ...corrections];
  const report = evaluateHeldOut(examples);
  const crossWriter = crossWriterValidation(examples);
  const artifact = trainModel(examples, { version });
  const released = new AppealClassifier(artifact);
  const independentSet = loadIndependentSet();
  const independent = evaluateClassifier(released, independentSet);
  artifact.card = {
    ...artifact.card,
    data: describeData(examples),
    // The released model itself, on text written to another brief by other hands and never trained or tuned on.
    independent: {
      appeals: independent.appeals,
      ordinaryFalseAlarms: ordinaryFalseAlarms(released),
      ...summary(independent),
      perLabel: independent.perLabel,
      confusion: independent.confusion,
      calibration: { ece: independent.calibration.ece },
      byLanguage: perLanguage(released, independentSet),
    },
    crossWriter: {
      folds: crossWriter.folds.map((fold) => ({
        writer: fold.writer,
        appeals: fold.appeals,
        ...summary(fold.evaluation),
      })),
      pooled: { ...summary(crossWriter.pooled), perLabel: crossWriter.pooled.perLabel },
    },
    heldOut: {
      appeals: report.testSize,
      ordinaryFalseAlarms: report.ordinaryFalseAlarms,
      macroF1: report.model.macroF1,
      anyRisk: report.model.anyRisk,
      perLabel: report.model.perLabel,
      confusion: report.model.confusion,
      calibration: report.model.calibration,
      byLanguage: report.model.byLanguage,
    },
    baseline: { macroF1: report.baseline.macroF1, anyRisk: report.baseline.anyRisk },
  };
  writeFileSync(output, `${JSON.stringify(artifact)}\n`);
  return { artifact, report, independent };
}

const summary = (evaluation: Evaluation) => ({
  macroF1: evaluation.macroF1,
  anyRisk: evaluation.anyRisk,
  f1: Object.fromEntries(riskLabels.map((label) => [label, evaluation.perLabel[label].f1])),
});

/** Each language's own figures, so a weak language is not hidden by a strong one. */
export function perLanguage(classifier: AppealClassifier, examples: readonly LabelledExample[]) {
  const languages = [...new Set(examples.map((example) => example.lang))].sort();
  return Object.fromEntries(
    languages.map((lang) => {
      const evaluation = evaluateClassifier(
        classifier,
        examples.filter((example) => example.lang === lang),
      );
      return [lang, { appeals: evaluation.appeals, ...summary(evaluation) }];
    }),
  );
}

function describeData(examples: readonly Example[]) {
  const count = (predicate: (example: Example) => boolean) => examples.filter(predicate).length;
  return {
    seedCorpus: {
      appeals: count((e) => e.source === 'seed'),
      licence: 'project-written (Apache-2.0)',
      byWriter: Object.fromEntries(
        [...new Set(examples.filter((e) => e.source === 'seed').map((e) => e.writer))]
          .sort()
          .map((writer) => [writer, count((e) => e.source === 'seed' && e.writer === writer)]),
      ),
      byLanguage: Object.fromEntries(
        ['ru', 'kk', 'kk-latn', 'mixed'].map((lang) => [
          lang,
          count((e) => e.source === 'seed' && e.lang === lang),
        ]),
      ),
    },
    kzgov: { appeals: count((e) => e.source === 'kzgov'), licence: 'MIT (AdilzhanB/KZgovData)' },
  };
}

/** Appeals whose labels an analyst corrected or confirmed (appeals.repository.ts), as examples for the next training run. */
export function correctionExamples(
  corrected: readonly { id: string; text: string; labels: readonly string[]; language: string }[],
): Example[] {
  return corrected.map((row) => ({
    id: `correction-${row.id}`,
    text: row.text,
    labels: row.labels.filter(isRiskLabel),
    topic: null,
    lang: row.language,
    source: 'seed' as const,
    writer: 'analysts',
  }));
}
