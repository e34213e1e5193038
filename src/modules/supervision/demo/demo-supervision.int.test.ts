import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { insideGeometry, isValidIin, regionAt, Rng } from '../../../core/index.js';
import { startTestPlatform, type TestPlatform } from '../../../core/testing/index.js';
import { supervisionModule } from '../module.js';
import { seedDemoSupervision, type DemoSupervisionCounts } from './demo-supervision.js';
import { demoSupervisionWorld } from './demo-world.js';
import { supervisionContext } from '../testing.js';

describe('the supervision demo world', () => {
  let qg: TestPlatform;
  let counts: DemoSupervisionCounts;
  let seconds: number;

  before(async () => {
    qg = await startTestPlatform({ modules: [supervisionModule] });
    const started = performance.now();
    counts = await seedDemoSupervision(supervisionContext(qg), new Rng(42));
    seconds = (performance.now() - started) / 1000;
  });
  after(() => qg.stop());

  test('is the same world for the same seed, and a different one for another', () => {
    const strip = (seed: number) =>
      JSON.stringify({ ...demoSupervisionWorld(new Rng(seed)), listedIins: null });
    assert.equal(strip(42), strip(42));
    assert.notEqual(strip(42), strip(43));
  });

  test('places people, cameras and homes where they belong', () => {
    const world = demoSupervisionWorld(new Rng(42));
    assert.ok(
      [
        ...world.wantedPersons.map((entry) => entry.person),
        ...world.probationers.map((item) => item.person),
      ].every((person) => isValidIin(person.iin)),
    );
    for (const camera of world.cameras)
      assert.equal(regionAt(camera.location.lon, camera.location.lat), camera.region, camera.id);
    for (const person of world.probationers) {
      assert.equal(regionAt(person.home.lon, person.home.lat), person.region, person.id);
      for (const zone of world.zones)
        assert.ok(!insideGeometry(person.home.lon, person.home.lat, zone.geometry));
    }
  });

  test('inserts the expected counts and history', async () => {
    // How long it took is printed, not asserted: a loaded CI machine would fail a timed assertion for nothing.
    console.log(`seeded in ${seconds.toFixed(2)} s`, counts);
    const count = async (sql: string) => (await qg.db.query<{ n: number }>(sql))[0]!.n;
    assert.equal(await count('select count(*)::int as n from supervision_sources'), counts.sources);
    assert.ok(counts.sources >= 70);
    assert.equal(await count(`select count(*)::int as n from watchlist_entries where kind = 'person'`), 300);
    assert.equal(await count(`select count(*)::int as n from watchlist_entries where kind = 'vehicle'`), 40);
    assert.equal(await count('select count(*)::int as n from probation_persons'), 30);
    assert.equal(await count('select count(*)::int as n from restricted_zones'), 6);
    assert.equal(await count('select count(*)::int as n from public_order_rules'), 4);
    // The wanted-persons list falls by about a quarter over the 90 days the dashboard shows.
    const start = await count(
      `select count(*)::int as n from watchlist_entries where kind = 'person' and created_at < now() - interval '90 days' and (closed_at is null or closed_at >= now() - interval '90 days')`,
    );
    const end = await count(
      `select count(*)::int as n from watchlist_entries where kind = 'person' and status = 'active'`,
    );
    assert.ok(end / start > 0.65 && end / start < 0.85, `wanted persons ${String(start)} → ${String(end)}`);
    assert.ok(counts.closedThroughSystem > 40, JSON.stringify(counts));
    assert.ok(counts.pastHits >= 70, JSON.stringify(counts));
    for (const outcome of ['detained', 'not_found', 'false_match'])
      assert.ok(
        (await count(`select count(*)::int as n from supervision_hits where outcome = '${outcome}'`)) > 0,
        outcome,
      );
    for (const rule of [
      'watchlist_person',
      'watchlist_vehicle',
      'probation_curfew',
      'probation_exclusion',
      'zone_incursion',
      'public_order',
    ]) {
      assert.ok(
        (await count(
          `select count(*)::int as n from supervision_hits where rule = '${rule}' and created_at < now() - interval '12 hours'`,
        )) > 0,
        rule,
      );
    }
  });

  test('the drones flew filed flights: every past detection names its flight, and the flights landed with their tally', async () => {
    assert.ok(counts.pastFlights >= 30, JSON.stringify(counts));
    const incursions = await qg.db.query<{ flight: { purpose: string } | null }>(
      `select evidence->'flight' as flight from alerts where kind = 'zone_incursion'`,
    );
    assert.ok(incursions.length > 0);
    assert.ok(
      incursions.every(
        (alert) =>
          alert.flight?.purpose.includes('Патрулирование') || alert.flight?.purpose.includes('Охрана'),
      ),
      JSON.stringify(incursions.slice(0, 3)),
    );
    const [tally] = await qg.db.query<{ open: number; observations: number; hits: number }>(
      `select count(*) filter (where ended_at is null)::int as open, sum(observations)::int as observations, sum(hits)::int as hits from drone_flights`,
    );
    assert.equal(tally!.open, 0);
    assert.ok(
      tally!.observations > 0 && tally!.hits > 0 && tally!.hits <= tally!.observations,
      JSON.stringify(tally),
    );
  });
});
