import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateHeldOut } from './pipeline.js';
import { riskLabels } from './labels.js';

// Floors on the fixed held-out split (isHeldOut): a change that falls below them is a regression to explain.
// They sit a few points under the figures measured when they were set (see the module README's evaluation table).
const FLOORS = {
  macroF1: 0.68,
  anyRiskRecall: 0.9,
  anyRiskPrecision: 0.87,
  perLabelF1: 0.6,
  ordinaryFalseAlarms: 0.08,
};

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
