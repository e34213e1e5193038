import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fnv1a, pushFeatureHashes, tokenFeatures, vectorize } from './features.js';
import { tokenize } from '../text/normalize.js';

test('the fast feature hashes equal the hashes of the feature names', () => {
  const tokens = tokenize('Мені күйеуім ұрады, selo Qarasu');
  for (let i = 0; i < tokens.length; i++) {
    const fast: number[] = [];
    pushFeatureHashes(tokens, i, fast);
    assert.deepEqual(fast, tokenFeatures(tokens, i).map(fnv1a));
  }
});

test('vectors are L2-normalised and sorted by slot', () => {
  const x = vectorize(tokenize('угрожает угрожает убить'), 1 << 12);
  const norm = Math.sqrt(Array.from(x.values).reduce((sum, value) => sum + value * value, 0));
  assert.ok(Math.abs(norm - 1) < 1e-5);
  for (let i = 1; i < x.indices.length; i++) assert.ok(x.indices[i]! > x.indices[i - 1]!);
});
