import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalPlate, comparePlates, isPlateLayout } from './plates.js';
import { ALERT_THRESHOLD } from './person-score.js';

test('plates lose spaces, separators, case, flag codes and Cyrillic look-alikes', () => {
  assert.equal(canonicalPlate('123 ABC 02'), '123ABC02');
  assert.equal(canonicalPlate('123-abc-02'), '123ABC02');
  assert.equal(canonicalPlate('KZ 123 ABC 02'), '123ABC02');
  assert.equal(canonicalPlate('А 123 ВС 77 RUS'), 'A123BC77');
  assert.equal(canonicalPlate('а123вс777'), 'A123BC777');
  assert.equal(
    canonicalPlate('A 123 RUS'),
    'A123RUS',
    'an old Kazakh plate whose letters are RUS keeps them',
  );
});

test('the Kazakh and Russian layouts are recognised', () => {
  for (const plate of ['123 ABC 02', '123 AB 02', 'A 123 BCD', 'А 123 ВС 77', 'А 123 ВС 777'])
    assert.ok(isPlateLayout(canonicalPlate(plate)), plate);
  assert.equal(isPlateLayout('I23ABC02'), false);
});

test('the same plate in Cyrillic and Latin letters is a strong match', () => {
  const result = comparePlates('A123BC77', 'А 123 ВС 77');
  assert.ok(result && result.score >= 0.99);
  assert.deepEqual(result.reasons, ['plate matches (Cyrillic/Latin look-alikes)']);
  assert.deepEqual(comparePlates('123abc02', '123 ABC 02')?.reasons, ['plate matches']);
});

test('one recogniser confusion is a medium match that still alerts, and says which', () => {
  for (const [read, listed, swap] of [
    ['123A8C02', '123 ABC 02', 'B read as 8'],
    ['I23ABC02', '123 ABC 02', '1 read as I'],
    ['123ABC0Z', '123 ABC 02', '2 read as Z'],
    ['A 12O BCD', 'A 120 BCD', '0 read as O'],
    ['A 123 B5D', 'A 123 BSD', 'S read as 5'],
    ['123 AGC 02', '123 A6C 02', '6 read as G'],
  ] as const) {
    const result = comparePlates(read, listed);
    assert.ok(result && result.score >= ALERT_THRESHOLD && result.score < 0.99, read);
    assert.ok(result.reasons[0]!.includes(swap), `${read}: ${result.reasons[0]!}`);
  }
});

test('a reading that breaks the plate layout is the more likely misread', () => {
  const broken = comparePlates('123A8C02', '123 ABC 02')!;
  const wellFormed = comparePlates('123 AOC 02', '123 ADC 02')!;
  assert.ok(broken.score > wellFormed.score);
});

test('two confusions stay below the threshold; other differences do not match at all', () => {
  const two = comparePlates('I23A8C02', '123 ABC 02');
  assert.ok(two && two.score < ALERT_THRESHOLD);
  assert.equal(comparePlates('124 ABC 02', '123 ABC 02'), null);
  assert.equal(comparePlates('123 ABC 03', '123 ABC 02'), null);
  assert.equal(comparePlates('123 ABD 02', '123 ABC 02'), null);
  assert.equal(comparePlates('123 ABC 002', '123 ABC 02'), null);
});
