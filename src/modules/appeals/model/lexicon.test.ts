import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lexiconHits } from './lexicon.js';
import { normalizeText } from '../text/normalize.js';

test('stems match word beginnings in Russian, Kazakh and Latin-script Kazakh', () => {
  assert.deepEqual(lexiconHits(normalizeText('Он угрожает и избивает')).sort(), ['threat', 'violence']);
  assert.deepEqual(lexiconHits(normalizeText('Мені өлтіремін деп қорқытады')), ['threat', 'threat']);
});

test('multi-word stems match as phrases only', () => {
  assert.deepEqual(lexiconHits(normalizeText('Я не хочу жить так')), ['self_harm']);
  assert.deepEqual(lexiconHits(normalizeText('хочу жить не')), []);
});

test('ordinary words do not match', () => {
  assert.deepEqual(lexiconHits(normalizeText('Прошу отремонтировать крышу дома')), []);
});
