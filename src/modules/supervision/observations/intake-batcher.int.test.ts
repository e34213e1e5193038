import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform } from '../../../core/testing/index.js';
import { supervisionModule } from '../module.js';
import { IntakeBatcher } from './intake-batcher.js';

const good = (id: string) =>
  JSON.stringify({
    externalId: id,
    observedAt: new Date().toISOString(),
    kind: 'vehicle',
    identifiers: { plate: '123ABC02' },
  });

test(
  'messages holding text the database cannot hold become dead letters and never stall the feed',
  { timeout: 60_000 },
  async () => {
    const qg = await startTestPlatform({ modules: [supervisionModule] });
    try {
      await qg.db.query(
        `insert into agencies (id, kind, name_kk, name_ru, name_en) values ('poison-police', 'police', 'П', 'П', 'P') on conflict do nothing`,
      );
      await qg.db.query(
        `insert into supervision_sources (id, kind, name, agency_id, region) values ('poison-cam', 'camera', 'camera', 'poison-police', 'KZ-75')`,
      );
      const batcher = new IntakeBatcher(qg.db, 'mqtt', qg.log, () => undefined);
      const payloads = [
        good('before'),
        JSON.stringify({ externalId: 'nul\u0000id', observedAt: new Date().toISOString(), kind: 'vehicle' }),
        JSON.stringify({
          externalId: 'nul-attribute',
          observedAt: new Date().toISOString(),
          kind: 'activity',
          attributes: { activity: 'x\u0000' },
        }),
        JSON.stringify({ externalId: 'year-zero', observedAt: '0000-01-01T00:00:00Z', kind: 'vehicle' }),
        JSON.stringify({
          externalId: 'lone-surrogate',
          observedAt: new Date().toISOString(),
          kind: 'activity',
          attributes: { activity: 'x\ud800' },
        }),
        good('between'),
      ];
      const binary = Buffer.from([0xff, 0x00, 0x7b]);
      await Promise.all([
        ...payloads.map((payload) =>
          batcher.store({ sourceId: 'poison-cam', payload: Buffer.from(payload) }),
        ),
        batcher.store({ sourceId: 'poison-cam', payload: binary }),
      ]);
      await batcher.store({ sourceId: 'poison-cam', payload: Buffer.from(good('after')) });
      await batcher.stop();

      const stored = await qg.db.query<{ external_id: string }>(
        `select external_id from observations where source_id = 'poison-cam' order by external_id`,
      );
      assert.deepEqual(
        stored.map((row) => row.external_id),
        ['after', 'before', 'between'],
      );
      const letters = await qg.db.query<{ reason: string }>(
        `select reason from observation_dead_letters where source_id = 'poison-cam' order by reason`,
      );
      assert.equal(letters.length, 5);
      // Two NULs and a lone surrogate: refused when checked, before the database sees them.
      assert.equal(
        letters.filter((letter) =>
          letter.reason.endsWith('must not contain NUL characters or unpaired surrogates'),
        ).length,
        3,
      );
      assert.ok(
        letters.some((letter) => letter.reason.startsWith('/observedAt')),
        'year 0 is no moment a sensor saw',
      );
      assert.ok(letters.some((letter) => letter.reason === 'not JSON'));
    } finally {
      await qg.stop();
    }
  },
);
