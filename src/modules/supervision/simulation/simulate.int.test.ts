import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../../../core/index.js';
import { startTestPlatform, type TestPlatform, waitFor } from '../../../core/testing/index.js';
import { seedDemoSupervision } from '../demo/demo-supervision.js';
import { supervisionModule } from '../module.js';
import { evaluateSimulation, formatQuality } from './evaluate.js';
import type { TruthEvent } from './planted.js';
import { httpSink, mqttSink, simulate, type Poster } from './simulate.js';
import { supervisionContext } from '../testing.js';

const SEED = 42;

describe('simulated traffic over the demo world, evaluated against its planted truth', () => {
  let qg: TestPlatform;
  let poster: Poster;
  const drained = () =>
    waitFor(
      async () =>
        (
          await qg.db.query<{ n: number }>(
            `select count(*)::int as n from observations where state = 'pending'`,
          )
        )[0]!.n === 0
          ? true
          : undefined,
      20_000,
      'pipeline drained',
    );

  before(async () => {
    qg = await startTestPlatform({ modules: [supervisionModule] });
    await seedDemoSupervision(supervisionContext(qg), new Rng(SEED));
    const key = await qg.apiKey(['observations.ingest']);
    poster = async (body) => {
      const response = await qg.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: { authorization: `Bearer ${key}` },
        payload: body,
      });
      return { status: response.statusCode, text: response.body };
    };
  });
  after(() => qg.stop());

  test('through HTTP: planted watchlist, probation, zone and public-order events are found, and little else alerts', async () => {
    const truth: TruthEvent[] = [];
    const result = await simulate(
      {
        rate: 2000,
        durationSeconds: 0.15,
        seed: SEED,
        plantedShare: 0.3,
        runId: 'http',
        onTruth: (event) => truth.push(event),
      },
      httpSink(poster),
    );
    assert.equal(result.sent, 300);
    await drained();
    const quality = await evaluateSimulation(qg.db, truth, new Date(result.startedAt.getTime() - 1000));
    console.log(formatQuality(quality));
    assert.ok(truth.length >= 60, `planted ${String(truth.length)}`);
    assert.ok(new Set(truth.map((event) => event.kind)).size >= 6);
    assert.ok(quality.recall! >= 0.9, `recall ${String(quality.recall)}`);
    assert.ok(quality.precision! >= 0.8, `precision ${String(quality.precision)}`);
    const [dead] = await qg.db.query<{ n: number }>(
      'select count(*)::int as n from observation_dead_letters',
    );
    assert.equal(dead!.n, 0);
  });

  test('through the device broker with QoS 1: every observation is stored once, resent ones included', async () => {
    const broker = await qg.devices();
    const before = (await qg.db.query<{ n: number }>('select count(*)::int as n from observations'))[0]!.n;
    // The simulator is a connector publishing for many sources: its API key is its password.
    const login = { username: 'simulator', password: await qg.apiKey(['observations.ingest']) };
    const result = await simulate(
      { rate: 1000, durationSeconds: 0.2, seed: SEED + 1, plantedShare: 0.1, runId: 'mqtt' },
      await mqttSink(broker.url, supervisionContext(qg).settings.topicPrefix, { login }),
    );
    // An external broker hands the messages over at its own pace: wait until the count stops growing and all is judged.
    let last = -1;
    let steady = 0;
    await waitFor(
      async () => {
        const [row] = await qg.db.query<{ n: number; pending: number }>(
          `select count(*)::int as n, count(*) filter (where state = 'pending')::int as pending from observations`,
        );
        steady = row!.n === last && row!.pending === 0 && row!.n > before ? steady + 1 : 0;
        last = row!.n;
        return steady >= 10 ? true : undefined;
      },
      20_000,
      'the MQTT observations, all stored and judged',
    );
    const stored =
      (await qg.db.query<{ n: number }>('select count(*)::int as n from observations'))[0]!.n - before;
    assert.ok(
      stored > 0.85 * result.sent && stored <= result.sent,
      `stored ${String(stored)} of ${String(result.sent)}`,
    );
  });
});
