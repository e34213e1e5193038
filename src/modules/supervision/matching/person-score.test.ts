import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ALERT_THRESHOLD,
  scorePerson,
  type ListedPersonFields,
  type PersonIdentifiers,
} from './person-score.js';

// Valid IINs for 12 March 1985, male (century digit 3): another serial, and one off in the digit the check cannot see.
const iin = '850312300012';
const otherIin = '850312412351';
const iinOneOff = '850312300022';
const kasymov: ListedPersonFields = { fullName: 'Қасымов Нұрсұлтан Серікұлы', birthDate: '1985-03-12', iin };

function alerts(identifiers: PersonIdentifiers, entry: ListedPersonFields, ...reasons: string[]) {
  const result = scorePerson(identifiers, entry);
  assert.ok(
    result.score >= ALERT_THRESHOLD,
    `${JSON.stringify(identifiers)} scored ${result.score.toFixed(3)}: ${result.reasons.join('; ')}`,
  );
  for (const reason of reasons)
    assert.ok(result.reasons.includes(reason), `missing "${reason}" in ${result.reasons.join('; ')}`);
  return result;
}

function staysQuiet(identifiers: PersonIdentifiers, entry: ListedPersonFields, ...reasons: string[]) {
  const result = scorePerson(identifiers, entry);
  assert.ok(
    result.score < ALERT_THRESHOLD,
    `${JSON.stringify(identifiers)} scored ${result.score.toFixed(3)}: ${result.reasons.join('; ')}`,
  );
  for (const reason of reasons)
    assert.ok(result.reasons.includes(reason), `missing "${reason}" in ${result.reasons.join('; ')}`);
  return result;
}

test('a passport spelling (ICAO, Soviet double s) matches the Kazakh entry as a transliteration', () => {
  alerts(
    { name: 'KASSYMOV NURSULTAN', birthDate: '1985-03-12' },
    kasymov,
    'surname KASSYMOV ≈ Қасымов (transliteration)',
    'given name NURSULTAN ≈ Нұрсұлтан (transliteration)',
    'birth date matches',
  );
});

test('the 2021 Latin alphabet matches, patronymic included', () => {
  alerts(
    { name: 'Qasymov Nūrsūltan Serıkūly', birthDate: '1985-03-12' },
    kasymov,
    'surname Qasymov ≈ Қасымов (transliteration)',
    'patronymic Serıkūly ≈ Серікұлы (same father’s name)',
  );
});

test('the 2017 apostrophe alphabet matches', () => {
  alerts(
    { name: "A'benov S'yn'g'ys", birthDate: '1990-01-05' },
    { fullName: 'Әбенов Шыңғыс', birthDate: '1990-01-05' },
    "surname A'benov ≈ Әбенов (transliteration)",
    "given name S'yn'g'ys ≈ Шыңғыс (transliteration)",
  );
});

test('Kazakh letters written as their Russian look-alikes match', () => {
  alerts(
    { name: 'Касымов Нурсултан', birthDate: '1985-03-12' },
    kasymov,
    'surname Касымов ≈ Қасымов (Kazakh letters)',
    'given name Нурсултан ≈ Нұрсұлтан (Kazakh letters)',
  );
  alerts(
    { name: 'Жаксылык Омаров', birthDate: '1979-11-30' },
    { fullName: 'Омаров Жақсылық', birthDate: '1979-11-30' },
    'given name Жаксылык ≈ Жақсылық (Kazakh letters)',
  );
});

test('the Russian form of a Kazakh name matches (ө written у)', () => {
  alerts(
    { name: 'Тулегенов Ержан', birthDate: '1974-03-19' },
    { fullName: 'Төлегенов Ержан Қайратұлы', birthDate: '1974-03-19' },
    'surname Тулегенов ≈ Төлегенов (Russian form of the Kazakh name)',
  );
});

test('a Kazakh surname without the Russian ending matches the -ов and -ев forms', () => {
  alerts(
    { name: 'Қасым Нұрсұлтан', birthDate: '1985-03-12' },
    { fullName: 'Касымов Нурсултан', birthDate: '1985-03-12' },
    'surname Қасым ≈ Касымов (Kazakh form without the Russian ending)',
  );
  alerts(
    { name: 'Жұмабай Ерлан', birthDate: '1970-07-07' },
    { fullName: 'Жумабаев Ерлан Болатович', birthDate: '1970-07-07' },
    'surname Жұмабай ≈ Жумабаев (Kazakh form without the Russian ending)',
  );
});

test('a Russian patronymic agrees with the Kazakh one on the father’s name; a missing one costs nothing', () => {
  const withPatronymic = alerts(
    { name: 'Касымов Нурсултан Серикович', birthDate: '1985-03-12' },
    kasymov,
    'patronymic Серикович ≈ Серікұлы (same father’s name)',
  );
  const without = alerts({ name: 'Касымов Нурсултан', birthDate: '1985-03-12' }, kasymov);
  assert.ok(without.reasons.every((reason) => !reason.startsWith('patronymic')));
  assert.ok(withPatronymic.score >= without.score);
});

test('a different patronymic counts against the match', () => {
  const other = scorePerson({ name: 'Касымов Нурсултан Маратович', birthDate: '1985-03-12' }, kasymov);
  assert.ok(other.reasons.includes('patronymic differs (Маратович vs Серікұлы)'));
  assert.ok(other.score < scorePerson({ name: 'Касымов Нурсултан', birthDate: '1985-03-12' }, kasymov).score);
});

test('the given name may come first', () => {
  alerts(
    { name: 'Nursultan Kasymov', birthDate: '1985-03-12' },
    kasymov,
    'surname Kasymov ≈ Қасымов (transliteration)',
    'given name Nursultan ≈ Нұрсұлтан (transliteration)',
  );
});

test('double letters, hyphens, Ye- and case do not matter', () => {
  alerts(
    { name: 'ZHANA YESSENOVA', birthDate: '1988-02-29' },
    { fullName: 'Есенова Жанна', birthDate: '1988-02-29' },
    'given name ZHANA ≈ Жанна (transliteration)',
    'surname YESSENOVA ≈ Есенова (transliteration)',
  );
  alerts(
    { name: 'касымов нур-султан', birthDate: '1985-03-12' },
    { fullName: 'Касымов Нурсултан', birthDate: '1985-03-12' },
    'surname matches',
    'given name matches',
  );
  alerts(
    { name: 'Kassymov Nursultan', birthDate: '1985-03-12' },
    { fullName: 'Kasymov Nursultan', birthDate: '1985-03-12' },
    'surname Kassymov ≈ Kasymov (spelling variant)',
  );
});

test('a typo in one word still matches, said as a spelling difference', () => {
  const result = alerts({ name: 'Kasymov Nursultna', birthDate: '1985-03-12' }, kasymov);
  assert.ok(
    result.reasons.some((reason) =>
      /^given name Nursultna ≈ Нұрсұлтан \(spelling differs, similarity 0\.9\d\)$/.test(reason),
    ),
  );
});

test('a day–month swap or a one-digit date is weaker evidence than the same date', () => {
  const same = scorePerson({ name: 'Касымов Нурсултан Серикович', birthDate: '1985-03-12' }, kasymov);
  const swapped = alerts(
    { name: 'Касымов Нурсултан Серикович', birthDate: '1985-12-03' },
    kasymov,
    'birth date matches with day and month swapped (1985-12-03 vs 1985-03-12)',
  );
  const oneDigit = alerts(
    { name: 'Касымов Нурсултан Серикович', birthDate: '12.03.1986' },
    kasymov,
    'birth date one digit off (1986-03-12 vs 1985-03-12)',
  );
  assert.ok(swapped.score < same.score && oneDigit.score < same.score);
});

test('an equal valid IIN is decisive, whatever the spelling', () => {
  const result = scorePerson({ name: 'Nūrsūltan Qasym', iin }, kasymov);
  assert.equal(result.score, 1);
  assert.equal(result.reasons[0], 'IIN matches');
  assert.equal(scorePerson({ iin: '8503 1230 0012' }, kasymov).score, 1);
});

test('an IIN whose birth date contradicts the stated one is not decisive', () => {
  const result = scorePerson({ iin, birthDate: '1985-07-22' }, kasymov);
  assert.ok(result.score < 1);
  assert.ok(
    result.reasons.includes(
      'IIN matches, but the observed birth date 1985-07-22 contradicts the one in it (1985-03-12)',
    ),
  );
  assert.ok(result.score < ALERT_THRESHOLD, 'no name to back it up');
  alerts({ iin, name: 'Kasymov Nursultan', birthDate: '1985-07-22' }, kasymov);
});

test('an IIN whose listed birth date contradicts it is not decisive either', () => {
  const listed = { ...kasymov, birthDate: '1958-03-12' };
  const result = scorePerson({ iin }, listed);
  assert.ok(result.score < 1);
  assert.deepEqual(result.reasons, [
    'IIN matches, but the listed birth date 1958-03-12 contradicts the one in it (1985-03-12)',
  ]);
  alerts({ iin, name: 'Касымов Нурсултан' }, listed);
});

test('a different valid IIN keeps even the same name and birth date below the threshold', () => {
  staysQuiet({ name: 'Касымов Нурсултан', birthDate: '1985-03-12', iin: otherIin }, kasymov, 'IIN differs');
});

test('an IIN one digit off (check digit fails) still supports a name match', () => {
  alerts(
    { name: 'Kasymov Nursultan', birthDate: '1985-03-12', iin: '850312300013' },
    kasymov,
    'IIN one digit off the listed one (its check digit fails: likely misread)',
  );
});

test('the birth date is read from the IIN when none is given', () => {
  alerts(
    { name: 'Kasymov Nursultan', iin: otherIin },
    { fullName: 'Касымов Нурсултан', birthDate: '1985-03-12' },
    'birth date matches (from the IIN)',
  );
});

test('same surname, different given name and birth date: a relative, not a match', () => {
  staysQuiet(
    { name: 'Касымов Ерлан', birthDate: '1990-06-21' },
    kasymov,
    'given name differs (Ерлан vs Нұрсұлтан)',
    'birth date differs (1990-06-21 vs 1985-03-12)',
  );
});

test('a common name with another birth date: a namesake, not a match', () => {
  staysQuiet(
    { name: 'Ахметов Нурлан Серикович', birthDate: '1979-10-04' },
    { fullName: 'Ахметов Нурлан Серикович', birthDate: '1985-03-12' },
    'surname matches',
    'given name matches',
    'patronymic matches',
    'birth date differs (1979-10-04 vs 1985-03-12)',
  );
});

test('a different known name is not taken for a typo, however close its letters', () => {
  staysQuiet(
    { name: 'Ахметов Ержан', birthDate: '1985-03-12' },
    { fullName: 'Ахметов Ерлан', birthDate: '1985-03-12' },
    'given name differs (Ержан vs Ерлан)',
  );
  staysQuiet(
    { name: 'Ахметова Алия', birthDate: '1985-03-12' },
    { fullName: 'Ахметова Алина', birthDate: '1985-03-12' },
    'given name differs (Алия vs Алина)',
  );
});

test('a name alone, or a surname with the birth date, is not enough to alert', () => {
  staysQuiet({ name: 'Касымов Нурсултан Серикович' }, kasymov, 'no birth date observed');
  staysQuiet({ name: 'Касымов', birthDate: '1985-03-12' }, kasymov, 'no given name in the observation');
});

test('the other gender’s form of the surname is weak evidence only', () => {
  staysQuiet({ name: 'Касымова Нурсултан' }, kasymov);
  const result = scorePerson({ name: 'Kasymova Nursultan', birthDate: '1985-03-12' }, kasymov);
  assert.ok(result.reasons.includes('surname Kasymova ≈ Қасымов (other gender form)'));
});

test('a valid IIN one digit off (a misread the check digit cannot catch) is weak support, not a veto', () => {
  alerts(
    { name: 'Kasymov Nursultan', birthDate: '1985-03-12', iin: iinOneOff },
    kasymov,
    'IIN one digit off the listed one (both valid: a misread, or someone born the same day)',
  );
});

test('one typing error in a surname or a given name of five letters or more still matches', () => {
  alerts(
    { name: 'Еселов Айдос', birthDate: '2005-05-10' },
    { fullName: 'Есенов Айдос', birthDate: '2005-05-10' },
    'given name matches',
  );
  alerts(
    { name: 'MSUIN AIDOS', birthDate: '1992-03-26' },
    { fullName: 'Мусин Айдос', birthDate: '1992-03-26' },
  );
});

test('a mistyped patronymic is neutral, not evidence of another father', () => {
  const result = alerts(
    { name: 'Калиева Сауле Мраатовна', birthDate: '1973-10-16' },
    { fullName: 'Калиева Сауле Маратовна', birthDate: '1973-10-16' },
  );
  assert.ok(
    result.reasons.some((reason) => reason.startsWith('patronymic Мраатовна is only similar to Маратовна')),
  );
});

test('an initial agreeing with the given name, with the surname and birth date, is enough (ФИО с инициалами)', () => {
  alerts(
    { name: 'Касымов Н. С.', birthDate: '1985-03-12' },
    kasymov,
    'given name initial Н agrees with Нұрсұлтан',
  );
  staysQuiet({ name: 'Касымов Е.', birthDate: '1985-03-12' }, kasymov, 'given name differs (Е vs Нұрсұлтан)');
});
