import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calibrate, fitPlatt } from './calibration.js';

test('Platt scaling maps over-confident scores to observed frequencies', () => {
  // Scores of 4 are right 75 % of the time, scores of -4 are wrong 25 % of the time.
  const scores = [...Array(100).fill(4), ...Array(100).fill(-4)] as number[];
  const targets = [
    ...Array(75).fill(1),
    ...Array(25).fill(0),
    ...Array(25).fill(1),
    ...Array(75).fill(0),
  ] as number[];
  const platt = fitPlatt(scores, targets);
  assert.ok(Math.abs(calibrate(platt, 4) - 0.75) < 0.02);
  assert.ok(Math.abs(calibrate(platt, -4) - 0.25) < 0.02);
});

test('perfectly separated scores keep a finite, increasing calibration', () => {
  const scores = [...Array(20).fill(3), ...Array(200).fill(-3)] as number[];
  const targets = [...Array(20).fill(1), ...Array(200).fill(0)] as number[];
  const platt = fitPlatt(scores, targets);
  assert.ok(platt.a > 0 && Number.isFinite(platt.b));
  assert.ok(calibrate(platt, 3) > 0.5 && calibrate(platt, -3) < 0.1);
});

test('too few positives leave the scores as they are', () => {
  assert.deepEqual(fitPlatt([1, 2, -1], [1, 0, 0]), { a: 1, b: 0 });
});
