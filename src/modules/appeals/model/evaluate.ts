import { calibrationReport } from './calibration.js';
import { riskLabels, type RiskLabel } from './labels.js';

export interface Prediction {
  truth: readonly RiskLabel[];
  scores: Record<RiskLabel, number>;
  lang: string;
  /** The labels the model decided, when it decides otherwise than by one threshold per label (classifier.decide). */
  decided?: readonly RiskLabel[];
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const prf = ({ tp, fp, fn }: Counts) => {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    support: tp + fn,
  };
};

/** Per-label and macro scores, "any risk" detection, confusion between labels, calibration, per-language recall. */
export function evaluatePredictions(
  predictions: readonly Prediction[],
  thresholdOf: (label: RiskLabel) => number = () => 0.5,
) {
  const isPredicted = (prediction: Prediction, label: RiskLabel) =>
    prediction.decided ? prediction.decided.includes(label) : prediction.scores[label] >= thresholdOf(label);
  const perLabel = Object.fromEntries(
    riskLabels.map((label) => {
      const counts: Counts = { tp: 0, fp: 0, fn: 0 };
      for (const prediction of predictions) {
        const predicted = isPredicted(prediction, label);
        const actual = prediction.truth.includes(label);
        if (predicted && actual) counts.tp++;
        else if (predicted) counts.fp++;
        else if (actual) counts.fn++;
      }
      return [label, prf(counts)];
    }),
  ) as Record<RiskLabel, ReturnType<typeof prf>>;
  const macroF1 = riskLabels.reduce((sum, label) => sum + perLabel[label].f1, 0) / riskLabels.length;
  const any: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const prediction of predictions) {
    const predicted = riskLabels.some((label) => isPredicted(prediction, label));
    if (predicted && prediction.truth.length) any.tp++;
    else if (predicted) any.fp++;
    else if (prediction.truth.length) any.fn++;
  }
  // confusion[true][predicted]: how often an appeal of one label was also (or instead) given another.
  const confusion = Object.fromEntries(
    riskLabels.map((actual) => [
      actual,
      Object.fromEntries([...riskLabels, 'none'].map((other) => [other, 0])),
    ]),
  ) as Record<RiskLabel, Record<RiskLabel | 'none', number>>;
  for (const prediction of predictions) {
    const predicted = riskLabels.filter((label) => isPredicted(prediction, label));
    for (const actual of prediction.truth) {
      if (predicted.length === 0) confusion[actual].none++;
      for (const label of predicted) confusion[actual][label]++;
    }
  }
  const byLanguage: Record<string, { appeals: number; anyRiskRecall: number }> = {};
  for (const lang of new Set(predictions.map((prediction) => prediction.lang))) {
    const risky = predictions.filter((prediction) => prediction.lang === lang && prediction.truth.length > 0);
    const found = risky.filter((prediction) =>
      riskLabels.some((label) => isPredicted(prediction, label)),
    ).length;
    byLanguage[lang] = {
      appeals: predictions.filter((prediction) => prediction.lang === lang).length,
      anyRiskRecall: risky.length ? found / risky.length : 1,
    };
  }
  const calibration = calibrationReport(
    predictions.flatMap(({ scores }) => riskLabels.map((label) => scores[label])),
    predictions.flatMap(({ truth }) => riskLabels.map((label) => (truth.includes(label) ? 1 : 0))),
  );
  return {
    appeals: predictions.length,
    macroF1,
    perLabel,
    anyRisk: prf(any),
    confusion,
    byLanguage,
    calibration,
  };
}

export type Evaluation = ReturnType<typeof evaluatePredictions>;

export function formatEvaluation(title: string, evaluation: Evaluation): string {
  const pct = (value: number) => (value * 100).toFixed(1).padStart(6);
  const lines = [
    `${title}: ${evaluation.appeals} appeals`,
    `${'label'.padEnd(12)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'F1'.padStart(6)} support`,
  ];
  for (const label of riskLabels) {
    const row = evaluation.perLabel[label];
    lines.push(
      `${label.padEnd(12)} ${pct(row.precision)} ${pct(row.recall)} ${pct(row.f1)} ${String(row.support).padStart(7)}`,
    );
  }
  lines.push(`${'macro-F1'.padEnd(12)} ${''.padStart(6)} ${''.padStart(6)} ${pct(evaluation.macroF1)}`);
  const any = evaluation.anyRisk;
  lines.push(
    `${'any risk'.padEnd(12)} ${pct(any.precision)} ${pct(any.recall)} ${pct(any.f1)} ${String(any.support).padStart(7)}`,
  );
  lines.push(`calibration: expected calibration error ${(evaluation.calibration.ece * 100).toFixed(2)} %`);
  lines.push(
    `any-risk recall by language: ${Object.entries(evaluation.byLanguage)
      .map(([lang, row]) => `${lang} ${(row.anyRiskRecall * 100).toFixed(1)} % (${row.appeals})`)
      .join(', ')}`,
  );
  return lines.join('\n');
}
