import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform, waitFor } from '../../../core/testing/index.js';
import { checkSilences } from '../probation/silence.job.js';
import { supervisionModule } from '../module.js';

interface Flight {
  id: string;
  status: string;
  observations: number;
  hits: number;
  endReason: string | null;
  purpose: string;
}

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const insideZone = { lat: 48.05, lon: 67.05 };

describe('drone flights: filed with a purpose, silence counted only in the air, hits carry their flight', () => {
  let qg: TestPlatform;
  let key: string;
  let sequence = 0;
  const file = (payload: Record<string, unknown>, as = 'duty.almaty') =>
    qg.request(as, { method: 'POST', url: '/api/supervision/flights', payload });
  const detect = (drone: string, location = insideZone, observedAt = new Date().toISOString()) =>
    qg.request(null, {
      method: 'POST',
      url: '/api/observations',
      headers: { authorization: `Bearer ${key}` },
      payload: {
        source: drone,
        observations: [
          {
            externalId: `f-${String(++sequence)}`,
            kind: 'activity',
            observedAt,
            attributes: { activity: 'excavation', count: 2 },
            location,
            confidence: 0.9,
          },
        ],
      },
    });
  const settled = () =>
    waitFor(
      async () =>
        (
          await qg.db.query<{ n: number }>(
            `select count(*)::int as n from observations where state = 'pending'`,
          )
        )[0]!.n === 0
          ? true
          : undefined,
      5000,
      'pipeline drained',
    );
  const incursions = () =>
    qg.db.query<{ summary: string; evidence: { flight: { purpose: string } | null }; subject_id: string }>(
      `select summary, evidence, subject_id from alerts where kind = 'zone_incursion' order by created_at`,
    );

  before(async () => {
    qg = await startTestPlatform({ modules: [supervisionModule] });
    key = await qg.apiKey(['observations.ingest']);
    for (const [id, kind] of [
      ['drone-a', 'drone'],
      ['drone-b', 'drone'],
      ['drone-c', 'drone'],
      ['drone-d', 'drone'],
      ['cam-x', 'camera'],
    ] as const) {
      const created = await qg.request('admin', {
        method: 'POST',
        url: '/api/supervision/sources',
        payload: { id, kind, name: id, agencyId: 'police-KZ-75', region: 'KZ-75', expectedEverySeconds: 120 },
      });
      assert.equal(created.statusCode, 201, created.body);
    }
    for (const [id, lon] of [
      ['Z-A', 67.0],
      ['Z-B', 68.0],
    ] as const) {
      const zone = await qg.request('admin', {
        method: 'POST',
        url: '/api/supervision/zones',
        payload: {
          id,
          name: `Placer ${id}`,
          kind: 'illegal_mining',
          region: 'KZ-75',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [lon, 48.0],
                [lon + 0.1, 48.0],
                [lon + 0.1, 48.1],
                [lon, 48.1],
                [lon, 48.0],
              ],
            ],
          },
          forbiddenActivities: ['excavation'],
        },
      });
      assert.equal(zone.statusCode, 201, zone.body);
    }
  });
  after(() => qg.stop());

  test('a flight is filed for a drone in one’s region, once at a time, and the filing is audited with its purpose', async () => {
    const mission = {
      droneId: 'drone-a',
      purpose: 'Patrol of placer Z-A, order 14/2026',
      operator: 'UAV unit 2',
      zoneId: 'Z-A',
      plannedStart: hoursFromNow(-0.5),
      plannedEnd: hoursFromNow(2),
    };
    const filed = await file(mission);
    assert.equal(filed.statusCode, 201, filed.body);
    assert.equal(filed.json<{ flight: Flight }>().flight.status, 'in_flight');
    assert.equal(
      (await file({ ...mission, plannedStart: hoursFromNow(1), plannedEnd: hoursFromNow(3) })).statusCode,
      409,
    );
    assert.equal((await file({ ...mission, droneId: 'cam-x' })).statusCode, 400);
    assert.equal((await file({ ...mission, plannedEnd: hoursFromNow(-0.6) })).statusCode, 400);
    assert.equal((await file({ ...mission, plannedEnd: hoursFromNow(30) })).statusCode, 400);
    assert.equal((await file({ ...mission, droneId: 'drone-b' }, 'liaison.shymkent')).statusCode, 403);
    const [audit] = await qg.db.query<{ purpose: string }>(
      `select purpose from audit_log where action = 'supervision.flightFiled'`,
    );
    assert.equal(audit!.purpose, mission.purpose);
  });

  test('a drone on the ground is not silent; a drone that says nothing on its flight is reported lost', async () => {
    const sources = (await qg.request('admin', { method: 'GET', url: '/api/supervision/sources' })).json<{
      items: { id: string; flight: unknown; health: { grounded: boolean } }[];
    }>().items;
    assert.equal(sources.find((source) => source.id === 'drone-b')!.health.grounded, true);
    assert.ok(sources.find((source) => source.id === 'drone-a')!.flight);
    await checkSilences(qg, new Date(Date.now() + 10 * 60_000));
    const silent = await qg.db.query<{ subject_id: string; title: string; severity: string }>(
      `select subject_id, title, severity from alerts where kind = 'source_silent' order by subject_id`,
    );
    assert.deepEqual(
      silent.map((alert) => alert.subject_id),
      ['cam-x', 'drone-a'],
    );
    const lost = silent.find((alert) => alert.subject_id === 'drone-a')!;
    assert.match(lost.title, /Drone lost/);
    assert.equal(lost.severity, 'medium');
  });

  test('a drone’s detection in a zone names the flight it was on, or says it was on none', async () => {
    assert.equal((await detect('drone-a')).statusCode, 200);
    assert.equal((await detect('drone-b', { lat: 48.05, lon: 68.05 })).statusCode, 200);
    await settled();
    const [onFlight, offFlight] = await incursions();
    assert.equal(onFlight!.evidence.flight!.purpose, 'Patrol of placer Z-A, order 14/2026');
    assert.match(onFlight!.summary, /Flight: Patrol of placer Z-A, order 14\/2026 \(UAV unit 2\)\./);
    assert.equal(offFlight!.evidence.flight, null);
    assert.match(offFlight!.summary, /on no registered flight/);
  });

  test('a landed flight keeps what its drone sent and how much hit; a flight past its planned end ends by itself', async () => {
    const [open] = (
      await qg.request('analyst.almaty', { method: 'GET', url: '/api/supervision/flights' })
    ).json<{ items: Flight[] }>().items;
    assert.equal(open!.observations, 1);
    const landed = await qg.request('duty.almaty', {
      method: 'POST',
      url: `/api/supervision/flights/${open!.id}/end`,
      payload: { reason: 'landed' },
    });
    assert.equal(landed.statusCode, 200, landed.body);
    assert.deepEqual(
      [landed.json<{ flight: Flight }>().flight.status, landed.json<{ flight: Flight }>().flight.hits],
      ['ended', 1],
    );
    assert.equal(
      (
        await qg.request('duty.almaty', {
          method: 'POST',
          url: `/api/supervision/flights/${open!.id}/end`,
          payload: { reason: 'lost' },
        })
      ).statusCode,
      409,
    );

    const short = await file({
      droneId: 'drone-b',
      purpose: 'Survey of placer Z-B before the raid',
      operator: 'UAV unit 2',
      plannedStart: hoursFromNow(-1),
      plannedEnd: hoursFromNow(0.01),
    });
    assert.equal(short.statusCode, 201, short.body);
    await checkSilences(qg, new Date(Date.now() + 3_600_000));
    const [row] = await qg.db.query<{ end_reason: string }>(
      'select end_reason from drone_flights where id = $1',
      [short.json<{ flight: Flight }>().flight.id],
    );
    assert.equal(row!.end_reason, 'planned_end');
  });

  test('a flight in the air lands or is lost, one not yet started can only be cancelled', async () => {
    const later = await file({
      droneId: 'drone-b',
      purpose: 'Night survey of placer Z-B',
      operator: 'UAV unit 2',
      plannedStart: hoursFromNow(5),
      plannedEnd: hoursFromNow(7),
    });
    const id = later.json<{ flight: Flight }>().flight.id;
    const end = (reason: string) =>
      qg.request('duty.almaty', {
        method: 'POST',
        url: `/api/supervision/flights/${id}/end`,
        payload: { reason },
      });
    assert.equal((await end('landed')).statusCode, 409);
    const cancelled = await end('cancelled');
    assert.equal(cancelled.json<{ flight: Flight }>().flight.status, 'cancelled');
    const flying = await file({
      droneId: 'drone-d',
      purpose: 'Second survey of placer Z-B',
      operator: 'UAV unit 2',
      plannedStart: hoursFromNow(-0.1),
      plannedEnd: hoursFromNow(1),
    });
    const flyingId = flying.json<{ flight: Flight }>().flight.id;
    assert.equal(
      (
        await qg.request('duty.almaty', {
          method: 'POST',
          url: `/api/supervision/flights/${flyingId}/end`,
          payload: { reason: 'cancelled' },
        })
      ).statusCode,
      409,
    );
  });

  test('a drone lost on one flight is judged afresh on its next one', async () => {
    const first = await file({
      droneId: 'drone-c',
      purpose: 'Patrol of placer Z-A, first shift',
      operator: 'UAV unit 3',
      plannedStart: hoursFromNow(-0.5),
      plannedEnd: hoursFromNow(2),
    });
    const lostAt = new Date(Date.now() + 10 * 60_000);
    await checkSilences(qg, lostAt);
    await qg.request('duty.almaty', {
      method: 'POST',
      url: `/api/supervision/flights/${first.json<{ flight: Flight }>().flight.id}/end`,
      payload: { reason: 'lost' },
    });
    assert.equal(
      (
        await file({
          droneId: 'drone-c',
          purpose: 'Patrol of placer Z-A, second shift',
          operator: 'UAV unit 3',
          plannedStart: hoursFromNow(0.3),
          plannedEnd: hoursFromNow(3),
        })
      ).statusCode,
      201,
    );
    const againAt = new Date(Date.now() + 40 * 60_000);
    await checkSilences(qg, againAt);
    const [drone] = await qg.db.query<{ silent_since: Date }>(
      `select silent_since from supervision_sources where id = 'drone-c'`,
    );
    assert.equal(new Date(drone!.silent_since).getTime(), againAt.getTime());
  });
});
