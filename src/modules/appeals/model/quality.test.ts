import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  evaluateClassifier,
  evaluateHeldOut,
  loadShippedModel,
  ordinaryFalseAlarms,
  trainingExamples,
} from './pipeline.js';
import { loadIndependentSet, loadSpbTextsForEvaluation } from './corpus.js';
import { riskLabels } from './labels.js';

// Floors on the fixed held-out split (isHeldOut): a change that falls below them is a regression to explain.
// They sit a few points under the figures measured when they were set (the project README's appeals table): macro-F1
// 0.814, any-risk recall 0.952 at precision 0.924, the weakest label (violence) 0.770.
const FLOORS = {
  macroF1: 0.77,
  anyRiskRecall: 0.92,
  anyRiskPrecision: 0.88,
  perLabelF1: 0.72,
  // The split model, trained on three quarters, flags 8.6 % of the St Petersburg sample; the shipped one 2.9 %.
  ordinaryFalseAlarms: 0.1,
};

// Floors for the shipped model on the independent set, a few points under what it measured: macro-F1 0.825, any-risk
// recall 0.967 at precision 0.933, violence 0.857, the weakest label (corruption) 0.692; and 2.9 % of 5,000 ordinary
// St Petersburg appeals flagged (the ceiling: 6.1 %).
const INDEPENDENT_FLOORS = {
  macroF1: 0.79,
  anyRiskRecall: 0.94,
  anyRiskPrecision: 0.9,
  violenceF1: 0.82,
  perLabelF1: 0.65,
  ordinaryFalseAlarms: 0.061,
};

test('the shipped model stays above its floors on the independent set', () => {
  const evaluation = evaluateClassifier(loadShippedModel(), loadIndependentSet());
  const floor = INDEPENDENT_FLOORS;
  assert.ok(evaluation.macroF1 >= floor.macroF1, `macro-F1 ${evaluation.macroF1.toFixed(3)}`);
  assert.ok(
    evaluation.anyRisk.recall >= floor.anyRiskRecall,
    `recall ${evaluation.anyRisk.recall.toFixed(3)}`,
  );
  assert.ok(
    evaluation.anyRisk.precision >= floor.anyRiskPrecision,
    `precision ${evaluation.anyRisk.precision.toFixed(3)}`,
  );
  assert.ok(
    evaluation.perLabel.violence.f1 >= floor.violenceF1,
    `violence ${evaluation.perLabel.violence.f1}`,
  );
  for (const label of riskLabels)
    assert.ok(
      evaluation.perLabel[label].f1 >= floor.perLabelF1,
      `${label} F1 ${evaluation.perLabel[label].f1}`,
    );
  const falseAlarms = ordinaryFalseAlarms(loadShippedModel(), loadSpbTextsForEvaluation(5000));
  if (falseAlarms)
    assert.ok(falseAlarms.share <= floor.ordinaryFalseAlarms, `false alarms ${falseAlarms.share}`);
});

test(
  'held-out quality stays above its floors and above the bag-of-words baseline',
  { timeout: 120_000 },
  () => {
    const report = evaluateHeldOut();
    assert.ok(report.model.macroF1 >= FLOORS.macroF1, `macro-F1 ${report.model.macroF1.toFixed(3)}`);
    assert.ok(
      report.model.anyRisk.recall >= FLOORS.anyRiskRecall,
      `any-risk recall ${report.model.anyRisk.recall.toFixed(3)}`,
    );
    assert.ok(
      report.model.anyRisk.precision >= FLOORS.anyRiskPrecision,
      `any-risk precision ${report.model.anyRisk.precision.toFixed(3)}`,
    );
    for (const label of riskLabels)
      assert.ok(
        report.model.perLabel[label].f1 >= FLOORS.perLabelF1,
        `${label} F1 ${report.model.perLabel[label].f1.toFixed(3)}`,
      );
    assert.ok(report.model.macroF1 > report.baseline.macroF1, 'better than the baseline');
    // Measured only where the shared St Petersburg set is present (evaluation use only).
    if (report.ordinaryFalseAlarms)
      assert.ok(
        report.ordinaryFalseAlarms.share <= FLOORS.ordinaryFalseAlarms,
        `false alarms ${report.ordinaryFalseAlarms.share.toFixed(3)}`,
      );
  },
);

test('no appeal of the independent set is in the training data', () => {
  const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
  const training = new Set(trainingExamples().map((example) => normalise(example.text)));
  const independent = loadIndependentSet();
  assert.ok(independent.length >= 400, `${independent.length} appeals in the independent set`);
  const leaked = independent.filter((example) => training.has(normalise(example.text)));
  assert.deepEqual(
    leaked.map((example) => example.id),
    [],
  );
  assert.ok(trainingExamples().every((example) => example.source !== 'independent'));
});
