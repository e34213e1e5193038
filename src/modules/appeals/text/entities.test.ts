import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEntities } from './entities.js';

const kinds = (text: string) => extractEntities(text).map((entity) => `${entity.kind}:${entity.value}`);

test('Kazakh and Russian phone numbers in the usual spellings', () => {
  assert.deepEqual(kinds('звонили с +7 (701) 234-56-78 и 8 905 123 45 67'), [
    'phone:+77012345678',
    'phone:+79051234567',
  ]);
});

test('a card number counts only if it passes Luhn', () => {
  assert.deepEqual(kinds('переведи на 4400 4302 1234 5679 срочно'), ['card:4400430212345679']);
  assert.deepEqual(kinds('номер 4400 4302 1234 5675'), []);
});

test('an IIN counts only with a valid checksum', () => {
  assert.deepEqual(kinds('ИИН 900101300015'), []);
  assert.ok(kinds('ЖСН 850312300123 деп жазды').length <= 1);
});

test('links, handles, wallets and plates', () => {
  const found = kinds(
    'бот @zakladki_almaty, сайт https://shop-kz.top/buy, кошелек TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7, машина 777ABC02',
  );
  assert.deepEqual(found, [
    'handle:@zakladki_almaty',
    'url:https://shop-kz.top/buy',
    'crypto_wallet:TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7',
    'plate:777ABC02',
  ]);
  assert.deepEqual(kinds('канал t.me/Soli_Kz'), ['telegram:@soli_kz']);
});
