import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalToken, surnameStem } from './canonical.js';
import { parseName } from './names.js';

const sameKey = (spellings: string[]) => {
  const keys = new Set(spellings.map((spelling) => canonicalToken(spelling)));
  assert.equal(keys.size, 1, `${spellings.join(' / ')} gave ${[...keys].join(', ')}`);
};

test('Kazakh letters and their Russian look-alikes give one key', () => {
  sameKey(['Нұрсұлтан', 'Нурсултан']);
  sameKey(['Жақсылық', 'Жаксылык']);
  sameKey(['Әсел', 'Асель']);
  sameKey(['Айгерім', 'Айгерим']);
  sameKey(['Ғалым', 'Галым']);
});

test('passport (ICAO), 2021, 2017 and 2018 Latin spellings meet the Cyrillic one', () => {
  sameKey(['Нұрсұлтан', 'NURSULTAN', 'Nūrsūltan']);
  sameKey(['Жақсылық', 'ZHAKSYLYK', 'Jaqsylyq']);
  sameKey(['Қасымов', 'KASYMOV', 'KASSYMOV', 'Qasymov']);
  sameKey(['Шыңғыс', 'SHYNGYS', 'Şyñğys', "S'yn'g'ys"]);
  sameKey(['Шоқан', 'Shoqan', 'Şoqan']);
  sameKey(['Ғалым', 'Ǵalym', 'GHALYM']);
  sameKey(['Айгерім', 'Aigerım', 'AIGERIM', 'Aygerim']);
});

test('double letters, Ye- and -iy spellings collapse', () => {
  sameKey(['Жанна', 'ZHANNA', 'Zhana', 'Janna']);
  sameKey(['Ерлан', 'YERLAN', 'Erlan']);
  sameKey(['Есенов', 'YESSENOV']);
  sameKey(['Дмитрий', 'Dmitriy', 'DMITRII', 'Dmitry']);
  sameKey(['Алиев', 'Aliyev', 'ALIEV']);
});

test('the 2021 alphabet reads sh as two letters when the name carries its marks', () => {
  const name = parseName('Ahmetov Ashat Talğatūly');
  assert.equal(name.tokens[1]!.key, canonicalToken('Асхат'));
  assert.equal(name.patronymic?.father, canonicalToken('Талгат'));
});

test('surname stems drop the Russian endings and give -аев its Kazakh -ай', () => {
  assert.deepEqual(surnameStem(canonicalToken('Касымов')), { stem: 'kasim', form: 'male' });
  assert.deepEqual(surnameStem(canonicalToken('Касымова')), { stem: 'kasim', form: 'female' });
  assert.equal(surnameStem(canonicalToken('Жумабаев')).stem, canonicalToken('Жұмабай'));
  assert.equal(surnameStem(canonicalToken('Қалиев')).stem, canonicalToken('Қали'));
  assert.deepEqual(surnameStem(canonicalToken('Ким')), { stem: 'kim', form: 'none' });
});

test('patronymics are recognised in Russian and Kazakh forms, joined or apart, and give the father’s name', () => {
  for (const [name, father] of [
    ['Касымов Нурсултан Серикович', 'Серик'],
    ['Касымова Айгерим Сериковна', 'Серик'],
    ['Қасымов Нұрсұлтан Серікұлы', 'Серік'],
    ['Қасымова Айгерім Серік қызы', 'Серік'],
    ['Nursultan Serikuly Kasymov', 'Serik'],
    ['Kasymova Aigerim Serikqyzy', 'Serik'],
  ] as const) {
    const parsed = parseName(name);
    assert.equal(parsed.patronymic?.father, canonicalToken(father), name);
    assert.equal(parsed.tokens.length, 2, name);
  }
});

test('a -ұлы word written first in a two-word name is a surname, not a patronymic', () => {
  const parsed = parseName('Нұрланұлы Ерлан');
  assert.equal(parsed.patronymic, null);
  assert.equal(parsed.tokens.length, 2);
});

test('hyphenated names join, and case does not matter', () => {
  sameKey(['Нур-Султан', 'Нурсултан', 'NUR-SULTAN']);
  assert.deepEqual(
    parseName('КАСЫМОВ нурсултан').tokens.map((t) => t.key),
    parseName('Касымов Нурсултан').tokens.map((t) => t.key),
  );
});
