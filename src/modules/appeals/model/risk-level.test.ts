import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggravatingSignals, defaultRiskThresholds, riskLevel } from './risk-level.js';
import { normalizeText } from '../text/normalize.js';
import type { RiskLabel } from './labels.js';

const none: Record<RiskLabel, number> = {
  violence: 0,
  threat: 0,
  self_harm: 0,
  corruption: 0,
  bullying: 0,
  fraud: 0,
  drugs: 0,
};

test('aggravating signals are found in Cyrillic and folded Kazakh', () => {
  const kinds = (text: string) => aggravatingSignals(normalizeText(text)).map((signal) => signal.kind);
  assert.deepEqual(kinds('Он снова пришёл с ножом к ребёнку'), ['minor', 'weapon', 'repeat']);
  assert.deepEqual(kinds('Балам 15 жаста, пышақпен қорқытты'), ['minor', 'weapon']);
  assert.deepEqual(kinds('Участковый вымогает деньги'), ['official']);
  assert.deepEqual(kinds('Прошу отремонтировать дорогу'), []);
});

test('a life-threatening label with a minor is critical; without it, high; other labels medium', () => {
  const minor = aggravatingSignals(normalizeText('мой сын'));
  assert.equal(riskLevel({ ...none, violence: 0.6 }, minor, defaultRiskThresholds), 'critical');
  assert.equal(riskLevel({ ...none, violence: 0.6 }, [], defaultRiskThresholds), 'high');
  assert.equal(riskLevel({ ...none, violence: 0.9 }, [], defaultRiskThresholds), 'critical');
  assert.equal(riskLevel({ ...none, fraud: 0.7 }, [], defaultRiskThresholds), 'medium');
  assert.equal(
    riskLevel(
      { ...none, corruption: 0.7 },
      aggravatingSignals(normalizeText('участковый')),
      defaultRiskThresholds,
    ),
    'high',
  );
  assert.equal(riskLevel(none, minor, defaultRiskThresholds), 'low');
});
