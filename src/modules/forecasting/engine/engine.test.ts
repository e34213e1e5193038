import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forecastSeries } from './forecast.js';
import { coverage, mase } from './metrics.js';
import { ets, seasonalNaive, tsb } from './models.js';
import { reconcileTotal } from './reconcile.js';
import { nextPeriod, periodsBetween } from './periods.js';

const seasonalSeries = (years: number, noise = 0) => {
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31 - 0.5;
  return Array.from(
    { length: years * 12 },
    (_, t) => 100 + t * 0.5 + 20 * Math.sin((2 * Math.PI * t) / 12) + noise * random(),
  );
};

test('periods step across years and weeks', () => {
  assert.equal(nextPeriod('2024-11', 'monthly', 3), '2025-02');
  assert.equal(nextPeriod('2024-12-30', 'weekly'), '2025-01-06');
  assert.equal(periodsBetween('2023-10', '2024-02', 'monthly'), 4);
});

test('seasonal naive repeats last year', () => {
  const y = seasonalSeries(3);
  assert.deepEqual(seasonalNaive(y, 12, 12).mean, y.slice(-12));
});

test('ETS finds trend and season and beats seasonal naive on a trending seasonal series', () => {
  const y = seasonalSeries(8, 4);
  const history = y.slice(0, -12);
  const actual = y.slice(-12);
  const fit = ets(history, 12, 12);
  assert.match(fit.model, /ets\(A,(A|Ad),(A|M)\)/);
  assert.ok(
    mase(actual, fit.mean, history, 12) < mase(actual, seasonalNaive(history, 12, 12).mean, history, 12),
  );
});

test('TSB forecasts an intermittent series at its rate, and decays when counts stop', () => {
  const sparse = Array.from({ length: 60 }, (_, t) => (t % 5 === 0 ? 3 : 0));
  assert.ok(Math.abs(tsb(sparse, 12, 1).mean[0]! - 0.6) < 0.2);
  const stopped = [...sparse, ...Array(24).fill(0)];
  assert.ok(tsb(stopped, 12, 1).mean[0]! < tsb(sparse, 12, 1).mean[0]!);
});

test('the chosen model says why, and 80 % intervals cover most of a noisy future', () => {
  const y = seasonalSeries(10, 30);
  const history = y.slice(0, -12);
  const result = forecastSeries(history, 12, 12);
  assert.ok(Object.keys(result.validation).includes(result.model.startsWith('ets') ? 'ets' : result.model));
  const share = coverage(y.slice(-12), result.lo80, result.hi80);
  assert.ok(share >= 0.5, `80 % interval covered ${share}`);
  result.mean.forEach((value, i) =>
    assert.ok(
      result.lo95[i]! <= result.lo80[i]! &&
        result.lo80[i]! <= value &&
        value <= result.hi80[i]! &&
        result.hi80[i]! <= result.hi95[i]!,
    ),
  );
});

test('reconciled parts sum to the total, and the gap is shared n + 1 ways', () => {
  const { total, parts } = reconcileTotal([100], [[30], [40], [20]]);
  assert.deepEqual(
    parts.map((part) => part[0]),
    [32.5, 42.5, 22.5],
  );
  assert.equal(total[0], 97.5);
});
