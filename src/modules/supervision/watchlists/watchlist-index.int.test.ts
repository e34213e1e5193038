import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../../core/testing/index.js';
import { supervisionModule } from '../module.js';
import { closeEntry, createEntry, type NewEntry } from './watchlists.repository.js';
import { WatchlistIndex } from './watchlist-index.js';

const person = (id: string, fullName: string, birthDate: string): NewEntry => ({
  id,
  kind: 'person',
  fullName,
  birthDate,
  warrantBasis: 'art. 188, arrest warrant',
  issuingAgency: 'MVD Almaty',
  dangerLevel: 'medium',
  region: 'KZ-75',
});

describe('the watchlist index follows the list', () => {
  let qg: TestPlatform;
  let index: WatchlistIndex;
  const matchIds = async (name: string, birthDate: string) => {
    const { matcher } = await qg.db.tx((sql) => index.current(sql));
    return matcher.match({ name, birthDate }).map((match) => match.entryId);
  };

  before(async () => {
    qg = await startTestPlatform({ modules: [supervisionModule] });
    await qg.db.tx((sql) => createEntry(sql, person('I-1', 'Омаров Бекзат', '1991-06-15')));
    index = new WatchlistIndex(qg.db);
  });
  after(() => qg.stop());

  test('a warrant added, changed or closed is applied in place, without building the index afresh', async () => {
    const { matcher: first } = await qg.db.tx((sql) => index.current(sql));
    assert.deepEqual(
      first.match({ name: 'Omarov Bekzat', birthDate: '1991-06-15' }).map((match) => match.entryId),
      ['I-1'],
    );

    await qg.db.tx((sql) => createEntry(sql, person('I-2', 'Сейітқали Дамир', '1990-04-04')));
    assert.deepEqual(await matchIds('Seitkali Damir', '1990-04-04'), ['I-2']);
    await qg.db.tx((sql) => createEntry(sql, person('I-2', 'Сейітқали Дамир', '1990-04-05')));
    assert.deepEqual(await matchIds('Seitkali Damir', '1990-04-05'), ['I-2'], 'the corrected birth date');
    await qg.db.tx((sql) => closeEntry(sql, null, 'I-1', 'detained', true));
    assert.deepEqual(await matchIds('Omarov Bekzat', '1991-06-15'), []);

    const { matcher, entries } = await qg.db.tx((sql) => index.current(sql));
    assert.equal(matcher, first, 'the same index, updated');
    assert.equal(matcher.size, 1);
    assert.deepEqual([...entries.keys()], ['I-2']);
  });

  test('a deleted entry makes the index be built afresh', async () => {
    const { matcher: before } = await qg.db.tx((sql) => index.current(sql));
    await qg.db.query(`delete from watchlist_entries where id = 'I-2'`);
    await qg.db.tx((sql) => index.current(sql));
    for (
      let tries = 0;
      tries < 100 && (await qg.db.tx((sql) => index.current(sql))).matcher === before;
      tries++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const { matcher } = await qg.db.tx((sql) => index.current(sql));
    assert.notEqual(matcher, before);
    assert.deepEqual(matcher.match({ name: 'Seitkali Damir', birthDate: '1990-04-05' }), []);
  });
});
