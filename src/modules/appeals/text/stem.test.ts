import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldWord } from './normalize.js';
import { stems } from './stem.js';

const kazakhStem = (word: string) => stems(foldWord(word)).kazakh;
const russianStem = (word: string) => stems(foldWord(word)).russian;

test('inflected forms of a Kazakh root share a stem', () => {
  assert.equal(kazakhStem('параны'), kazakhStem('параға'));
  assert.equal(kazakhStem('қорқытты'), kazakhStem('қорқытып'));
  assert.equal(kazakhStem('балаларымыздың'), kazakhStem('балалар'));
  assert.equal(kazakhStem('өлтіремін'), kazakhStem('өлтіреді'));
});

test('inflected forms of a Russian word share a stem', () => {
  assert.equal(russianStem('угрожает'), russianStem('угрожают'));
  assert.equal(russianStem('взятку'), russianStem('взятка'));
  assert.equal(russianStem('избиения'), russianStem('избиение'));
});

test('short words and numbers are left as they are', () => {
  assert.deepEqual(stems('ур'), { kazakh: 'ур', russian: 'ур' });
  assert.deepEqual(stems('бил'), { kazakh: 'бил', russian: 'бил' });
  assert.deepEqual(stems('0000'), { kazakh: '0000', russian: '0000' });
});
