import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Matcher } from './matcher.js';
import { ALERT_THRESHOLD } from './person-score.js';
import { syntheticObservations, syntheticWatchlist } from './synthetic/dataset.js';
import { evaluateMatches } from './synthetic/evaluate.js';

// Floors on the fixed generated set (seeds below): 5,000 listed people; 5,000 observations, 30 % of them listed
// people under varied spellings, the rest unlisted people, a fifth of those namesakes or relatives of listed ones.
const PRECISION_FLOOR = 0.95;
const RECALL_FLOOR = 0.9;

test('on generated data, alerts at the threshold keep precision ≥ 0.95 and recall ≥ 0.9', (t) => {
  const watchlist = syntheticWatchlist(20_240_501, 5_000, 0);
  const observations = syntheticObservations(watchlist, 20_240_502, 5_000, {
    planted: 0.3,
    hardNegatives: 0.2,
  });
  const matcher = new Matcher(watchlist.entries);
  const quality = evaluateMatches(observations, (observation) => matcher.match(observation.identifiers));
  t.diagnostic(
    `threshold ${String(ALERT_THRESHOLD)}: precision ${quality.precision.toFixed(4)} (${String(quality.truePositives)}/${String(quality.alerts)} alerts), ` +
      `recall ${quality.recall.toFixed(4)} (${String(quality.found)}/${String(quality.planted)} planted)`,
  );
  for (const [variant, row] of Object.entries(quality.byVariant).sort()) {
    t.diagnostic(
      `  ${variant.padEnd(16)} ${String(row.found).padStart(4)}/${String(row.planted).padEnd(4)} found`,
    );
  }
  assert.ok(quality.planted > 1_000 && quality.observations === 5_000);
  assert.ok(quality.precision >= PRECISION_FLOOR, `precision ${quality.precision.toFixed(4)}`);
  assert.ok(quality.recall >= RECALL_FLOOR, `recall ${quality.recall.toFixed(4)}`);
});

test('the index finds exactly what scoring every entry finds', () => {
  const watchlist = syntheticWatchlist(20_240_503, 2_000, 1_000);
  const observations = syntheticObservations(watchlist, 20_240_504, 600, {
    planted: 0.5,
    hardNegatives: 0.3,
  });
  for (const threshold of [0.85, 0.6]) {
    const matcher = new Matcher(watchlist.entries, { threshold });
    for (const observation of observations) {
      assert.deepEqual(
        matcher.match(observation.identifiers),
        matcher.matchByScan(observation.identifiers),
        `${observation.id} at ${String(threshold)}`,
      );
    }
  }
});
