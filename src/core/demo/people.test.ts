import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoPerson, isValidIin } from './people.js';
import { Rng } from './rng.js';

test('generated IINs pass the checksum and encode the birth date', () => {
  const rng = new Rng(7);
  for (let i = 0; i < 200; i++) {
    const person = demoPerson(rng);
    assert.ok(isValidIin(person.iin), person.iin);
    assert.equal(person.iin.slice(0, 6), person.birthDate.slice(2).replaceAll('-', ''));
  }
});

test('a mistyped IIN fails the checksum', () => {
  const person = demoPerson(new Rng(1));
  const typo = `${person.iin.slice(0, 11)}${(Number(person.iin[11]) + 1) % 10}`;
  assert.ok(!isValidIin(typo));
});

test('the same seed gives the same people', () => {
  assert.deepEqual(demoPerson(new Rng(42)), demoPerson(new Rng(42)));
});
