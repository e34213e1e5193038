import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from './language.js';

test('Russian, Kazakh, informal Kazakh, Latin Kazakh, English and code-switching are told apart', () => {
  assert.equal(detectLanguage('Прошу принять меры, сосед избивает жену каждый вечер.').language, 'ru');
  assert.equal(detectLanguage('Менің баламды мектепте ұрып жатыр, көмектесіңіздер.').language, 'kk');
  assert.equal(detectLanguage('Менин баламды мектепте урып жатыр комектесиниздер').language, 'kk');
  assert.equal(detectLanguage('Meniñ balamdy mektepte ūryp jatyr, kömektesıñızder.').language, 'kk-latn');
  assert.equal(detectLanguage('Please help, my neighbour threatens to kill me.').language, 'en');
  assert.equal(
    detectLanguage(
      'Сәлеметсіз бе, мен жалоба жазайын деп едім, у нас в подъезде продают наркотики и полиция ничего не делает, біз қорқамыз',
    ).language,
    'mixed',
  );
});
