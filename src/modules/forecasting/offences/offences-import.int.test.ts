import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestPlatform, type TestPlatform } from '../../../core/testing/index.js';
import { forecastingModule } from '../module.js';
import { importOffences } from './offences-import.js';

let qg: TestPlatform;
const dir = mkdtempSync(join(tmpdir(), 'qg-offences-'));

before(async () => {
  qg = await startTestPlatform({ modules: [forecastingModule] });
});
after(() => qg.stop());

test('importing records lists the bad lines, keeps the good ones, and a second import changes nothing', async () => {
  const file = join(dir, 'records.csv');
  writeFileSync(
    file,
    [
      'record_id,registered_on,region,district,chapter,article,severity,lat,lon',
      'ERDR-1,2025-03-02,KZ-75,KZ-75-02,06,188,medium,43.25,76.92',
      'ERDR-2,2025-03-09,KZ-75,,,190,,,',
      'ERDR-3,2025-03-09,KZ-75,,,999,,,',
      'ERDR-4,2031-01-01,KZ-75,,,190,,,',
      'ERDR-5,2025-03-10,KZ-99,,,190,,,',
    ].join('\n'),
  );
  const first = await importOffences(qg, file, 'erdr', () => undefined);
  assert.deepEqual([first.created, first.duplicates], [2, 0]);
  assert.deepEqual(
    first.rejected.map((row) => row.line),
    [4, 5, 6],
  );
  assert.match(first.rejected[0]!.reason, /article 999 is not in the Criminal Code/);
  const second = await importOffences(qg, file, 'erdr', () => undefined);
  assert.deepEqual([second.created, second.duplicates], [0, 2]);
  const [row] = await qg.db.query<{ count: number }>(
    `select sum(count)::int as count from offence_counts where frequency = 'monthly' and period = '2025-03'`,
  );
  assert.equal(row!.count, 2);
});

test('importing published totals from JSONL replaces the source’s earlier figures', async () => {
  const file = join(dir, 'totals.jsonl');
  const write = (count: number) =>
    writeFileSync(
      file,
      [JSON.stringify({ region: 'KZ-71', chapter: '15', period: '2024-05', count }), '{not json'].join('\n'),
    );
  write(12);
  const first = await importOffences(qg, file, 'kpssu-3k', () => undefined);
  assert.deepEqual([first.stored, first.rejected.length], [1, 1]);
  write(14);
  await importOffences(qg, file, 'kpssu-3k', () => undefined);
  const [row] = await qg.db.query<{ count: number }>(
    `select sum(count)::int as count from offence_counts where region = 'KZ-71' and chapter = '15'`,
  );
  assert.equal(row!.count, 14);
});
