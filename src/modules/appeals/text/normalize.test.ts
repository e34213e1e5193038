import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldWord, normalizeText, tokenize } from './normalize.js';

test('formal, informal and Latin-script Kazakh meet in one form', () => {
  assert.equal(foldWord('менің'), foldWord('менин'));
  assert.equal(foldWord('meniñ'), foldWord('менин'));
  assert.equal(foldWord('qorqytady'), foldWord('қорқытады'));
  assert.equal(foldWord('shagym'), foldWord('шағым'));
});

test('Russian keeps its words; ё and digits are folded', () => {
  assert.equal(normalizeText('Ещё 25 раз!'), 'еще 00 раз');
});

test('tokens keep their offsets in the original text', () => {
  const text = 'Мені  ұрады, көмектесіңіз';
  const [first, second] = tokenize(text);
  assert.equal(text.slice(first!.start, first!.end), 'Мені');
  assert.equal(text.slice(second!.start, second!.end), 'ұрады');
});

test('links and handles are not words', () => {
  assert.deepEqual(
    tokenize('пишите @shop_kz или https://t.me/x сюда').map((token) => token.norm),
    ['пишите', 'или', 'сюда'],
  );
});

test('the 2017, 2018 and 2021 Latin alphabets and informal Latin meet the Cyrillic form', () => {
  const cyrillic = foldWord('шағым');
  for (const latin of ['shag’ym', "shag'ym", 'şağym', 'shaǵym', 'shagym'])
    assert.equal(foldWord(latin), cyrillic);
  assert.equal(foldWord('meniń'), foldWord('менің'));
  assert.equal(foldWord('kúieýim'), foldWord('күйеуім'));
  assert.equal(foldWord('ólt'), foldWord('өлт'));
});

test('a letter typed with a combining accent is the same letter and the same word', () => {
  const decomposed = 'men\u0069n\u0301'; // "meniń" with a combining acute
  assert.deepEqual(
    tokenize(`${decomposed} úiim`).map((token) => token.norm),
    [foldWord('meniń'), foldWord('úiim')],
  );
});
