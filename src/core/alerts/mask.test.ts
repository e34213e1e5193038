import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskCard, maskIin, maskName, maskPhone } from './mask.js';

test('masked names keep initials only', () => {
  assert.equal(maskName('Асанов Болат Серикович'), 'А***** Б. С.');
  assert.doesNotMatch(maskName('Асанов Болат'), /Асанов|Болат/);
});

test('masked identifiers keep only what tells records apart', () => {
  assert.equal(maskIin('850312300123'), '85********23');
  assert.equal(maskPhone('+7 701 123 45 67'), '+7 *** *** ** 67');
  assert.equal(maskCard('4400 4301 2345 6789'), '440043******6789');
});

test('a name written in characters outside the BMP keeps whole initials, never half a surrogate pair', () => {
  const masked = maskName('𝐀𝐬𝐚𝐧𝐨𝐯 𝐁𝐨𝐥𝐚𝐭');
  assert.equal(masked, '𝐀***** 𝐁.');
  assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(masked));
});
