import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../../core/index.js';
import { startTestPlatform, waitFor } from '../../../core/testing/index.js';
import { seedDemoSupervision } from '../demo/demo-supervision.js';
import { demoSupervisionWorld } from '../demo/demo-world.js';
import { checkSilences } from '../probation/silence.job.js';
import { supervisionModule } from '../module.js';
import { Traffic } from './traffic.js';
import { supervisionContext } from '../testing.js';

test(
  'a demo platform’s devices keep sending through the broker, so none of its sources falls silent',
  { timeout: 60_000 },
  async () => {
    const qg = await startTestPlatform({
      modules: [supervisionModule],
      config: { demo: true, demoSeed: 42 },
      settings: { supervision: { demoFeedRate: 20 } },
    });
    try {
      const since = new Date();
      await seedDemoSupervision(supervisionContext(qg), new Rng(42));
      const world = demoSupervisionWorld(new Rng(42));
      const probe = new Traffic(world, new Rng(1), { plantedShare: 0, runId: 'probe', startedAt: since });
      const talking = [...world.cameras, ...world.otherSources]
        .filter((source) => probe.ordinary(source.id) !== undefined)
        .map((source) => source.id);
      assert.ok(talking.length >= 70, `most demo sources have something to send (${String(talking.length)})`);

      const heard = await waitFor(
        async () => {
          const rows = await qg.db.query<{ id: string }>(
            'select id from supervision_sources where last_message_at >= $1',
            [since],
          );
          const ids = new Set(rows.map((row) => row.id));
          return talking.every((id) => ids.has(id)) ? ids : undefined;
        },
        30_000,
        'message from every demo source',
      );
      assert.ok(heard.size >= talking.length);

      const [flying] = await qg.db.query<{ n: number }>(
        `select count(distinct drone_id)::int as n from drone_flights where ended_at is null and planned_start <= now() and planned_end > now()`,
      );
      assert.equal(flying!.n, world.zones.length, 'every demo drone is up on a filed flight');
      await checkSilences(qg, new Date(Date.now() + 4 * 60_000));
      const [silent] = await qg.db.query<{ n: number }>(
        `select count(*)::int as n from alerts where kind = 'source_silent'`,
      );
      assert.equal(silent!.n, 0);
      const [observed] = await qg.db.query<{ n: number }>(
        `select count(*)::int as n from observations where received_at >= $1 and external_id like 'demo%'`,
        [since],
      );
      assert.ok(observed!.n >= talking.length, `the feed's observations are stored (${String(observed!.n)})`);
    } finally {
      await qg.stop();
    }
  },
);
