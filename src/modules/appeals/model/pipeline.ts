import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ModelArtifact } from './artifact.js';
import { trainBaseline } from './baseline.js';
import { AppealClassifier } from './classifier.js';
import {
  hasRiskLabels,
  loadKzgov,
  loadSeedCorpus,
  loadSpbTextsForEvaluation,
  type Example,
} from './corpus.js';
import { evaluatePredictions, type Evaluation } from './evaluate.js';
import { isHeldOut } from './split.js';
import { trainModel, type TrainOptions } from './train.js';
import { tokenize } from '../text/normalize.js';
import { isRiskLabel } from './labels.js';

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
  model: Evaluation;
  baseline: Evaluation;
  trainSize: number;
  testSize: number;
  trainSeconds: number;
}

/** Trains on the fixed training split and scores the held-out quarter, beside the plain bag-of-words baseline. */
export function evaluateHeldOut(examples = trainingExamples(), options: TrainOptions = {}): HeldOutReport {
  const train = examples.filter((example) => !isHeldOut(example.id));
  const test = examples.filter(hasRiskLabels).filter((example) => isHeldOut(example.id));
  const started = performance.now();
  const classifier = new AppealClassifier(trainModel(train, options));
  const trainSeconds = (performance.now() - started) / 1000;
  const baseline = trainBaseline(train);
  const ordinary = loadSpbTextsForEvaluation(3000);
  const flagged = ordinary.filter((text) => classifier.screen(text).labels.length > 0).length;
  return {
    ordinaryFalseAlarms: ordinary.length
      ? { appeals: ordinary.length, share: flagged / ordinary.length }
      : null,
    model: evaluatePredictions(
      test.map((example) => ({
        truth: example.labels,
        scores: classifier.probabilities(tokenize(example.text)),
        lang: example.lang,
      })),
      (label) => classifier.threshold(label),
    ),
    baseline: evaluatePredictions(
      test.map((example) => ({ truth: example.labels, scores: baseline(example.text), lang: example.lang })),
    ),
    trainSize: train.length,
    testSize: test.length,
    trainSeconds,
  };
}

/** Trains on everything for release, with the held-out evaluation written into the model card. */
export function trainRelease(
  output = shippedModelPath,
  version?: string,
  corrections: readonly Example[] = [],
): { artifact: ModelArtifact; report: HeldOutReport } {
  const examples = [...trainingExamples(), ...corrections];
  const report = evaluateHeldOut(examples);
  const artifact = trainModel(examples, { version });
  artifact.card = {
    ...artifact.card,
    data: describeData(examples),
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
  return { artifact, report };
}

function describeData(examples: readonly Example[]) {
  const count = (predicate: (example: Example) => boolean) => examples.filter(predicate).length;
  return {
    seedCorpus: {
      appeals: count((e) => e.source === 'seed'),
      licence: 'project-written (Apache-2.0)',
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
  }));
}
