import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform, waitFor } from '../../core/testing/index.js';
import { checkSilences } from './probation/silence.job.js';
import { supervisionModule } from './module.js';

/** 23:30 and 12:00 local time (UTC+5) on 24 November 2026. */
const lateEvening = '2026-11-24T18:30:00Z';
const noon = '2026-11-24T07:00:00Z';
const home = { lat: 43.2389, lon: 76.8897 };

describe('digital supervision: probation conditions, restricted zones, public order, silences', () => {
  let qg: TestPlatform;
  let key: string;
  let sequence = 0;
  const observe = (source: string, observation: Record<string, unknown>) =>
    qg.request(null, {
      method: 'POST',
      url: '/api/observations',
      headers: { authorization: `Bearer ${key}` },
      payload: { source, observations: [{ externalId: `e-${String(++sequence)}`, ...observation }] },
    });
  const kinds = async () =>
    await qg.db.query<{ kind: string; subject_id: string; summary: string }>(
      `select kind, subject_id, summary from alerts where module = 'supervision' order by created_at`,
    );
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
  const ping = async (location: { lat: number; lon: number }, observedAt: string, device = 'BR-1') => {
    const response = await observe('bracelets-almaty', {
      kind: 'bracelet_ping',
      observedAt,
      identifiers: { device },
      location,
    });
    assert.equal(response.json<{ accepted: number }>().accepted, 1, response.body);
    await settled();
  };

  before(async () => {
    qg = await startTestPlatform({ modules: [supervisionModule] });
    key = await qg.apiKey(['observations.ingest']);
    const sources = [
      ['bracelets-almaty', 'bracelet', 'KZ-75', 3600],
      ['drone-ulytau-01', 'drone', 'KZ-62', 3600],
      ['cam-almaty-arbat', 'camera', 'KZ-75', 60],
    ] as const;
    for (const [id, kind, region, every] of sources) {
      const response = await qg.request('admin', {
        method: 'POST',
        url: '/api/supervision/sources',
        payload: { id, kind, name: id, agencyId: 'police-KZ-75', region, expectedEverySeconds: every },
      });
      assert.equal(response.statusCode, 201, response.body);
    }
    const person = await qg.request('prosecutor', {
      method: 'POST',
      url: '/api/supervision/probation',
      payload: {
        id: 'P-1',
        fullName: 'Омаров Ержан Болатұлы',
        iin: '900101300127',
        region: 'KZ-75',
        braceletId: 'BR-1',
        home: { ...home, radiusM: 150 },
        curfew: { from: '22:00', to: '06:00' },
        allowedRegions: ['KZ-75'],
        checkinEveryDays: 7,
        exclusions: [
          { kind: 'victim_address', label: 'the victim’s home', lat: 43.25, lon: 76.95, radiusM: 300 },
        ],
      },
    });
    assert.equal(person.statusCode, 201, person.body);
    await qg.request('prosecutor', {
      method: 'POST',
      url: '/api/supervision/probation',
      payload: {
        id: 'P-2',
        fullName: 'Сидоров Пётр',
        region: 'KZ-75',
        braceletId: 'BR-2',
        allowedRegions: ['KZ-75'],
        silenceMinutes: 30,
      },
    });
    const zone = await qg.request('admin', {
      method: 'POST',
      url: '/api/supervision/zones',
      payload: {
        id: 'Z-1',
        name: 'Karasu gold placer',
        kind: 'illegal_mining',
        region: 'KZ-62',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [67.0, 48.0],
              [67.1, 48.0],
              [67.1, 48.1],
              [67.0, 48.1],
              [67.0, 48.0],
            ],
          ],
        },
        forbiddenActivities: ['excavation', 'heavy_machinery'],
      },
    });
    assert.equal(zone.statusCode, 201, zone.body);
    const rule = await qg.request('admin', {
      method: 'POST',
      url: '/api/supervision/public-order-rules',
      payload: {
        id: 'R-1',
        name: 'Arbat pedestrian street',
        region: 'KZ-75',
        ...home,
        radiusM: 300,
        activities: ['fight', 'crowd'],
        from: '20:00',
        to: '02:00',
        minCrowd: 50,
      },
    });
    assert.equal(rule.statusCode, 201, rule.body);
  });
  after(() => qg.stop());

  test('a bracelet away from home during the curfew is a curfew breach; at home it is not', async () => {
    await ping(home, lateEvening);
    assert.equal((await kinds()).length, 0);
    await ping({ lat: 43.2569, lon: 76.9097 }, lateEvening);
    const alerts = await kinds();
    assert.deepEqual(
      alerts.map((alert) => [alert.kind, alert.subject_id]),
      [['probation_curfew', 'P-1']],
    );
    assert.match(alerts[0]!.summary, /from home at 23:30 local time/);
  });

  test('near the victim’s address at any hour is an exclusion breach; in another region, leaving the allowed area', async () => {
    await ping({ lat: 43.2505, lon: 76.9502 }, noon);
    await ping({ lat: 51.1694, lon: 71.4491 }, noon);
    const kindsSeen = (await kinds()).map((alert) => alert.kind);
    assert.ok(kindsSeen.includes('probation_exclusion'));
    assert.ok(kindsSeen.includes('probation_area'));
  });

  test('a bracelet that falls silent raises one alert; so does a source that stops sending', async () => {
    const later = new Date(Date.now() + 31 * 60_000);
    await checkSilences(qg, later);
    await checkSilences(qg, later);
    const alerts = await kinds();
    // P-2's bracelet never sent anything; P-1's last ping was yesterday's.
    assert.deepEqual(
      alerts
        .filter((alert) => alert.kind === 'bracelet_silent')
        .map((alert) => alert.subject_id)
        .sort(),
      ['P-1', 'P-2'],
    );
    assert.deepEqual(
      alerts.filter((alert) => alert.kind === 'source_silent').map((alert) => alert.subject_id),
      ['cam-almaty-arbat'],
    );
  });

  test('excavation detected inside an illegal-mining zone is an incursion; outside it, or an allowed activity, is not', async () => {
    const detect = (activity: string, lat: number, lon: number) =>
      observe('drone-ulytau-01', {
        kind: 'activity',
        observedAt: noon,
        attributes: { activity, count: 3 },
        location: { lat, lon },
        confidence: 0.88,
      });
    await detect('excavation', 48.05, 67.05);
    await detect('excavation', 48.3, 67.3);
    await detect('livestock', 48.05, 67.05);
    await settled();
    const incursions = (await kinds()).filter((alert) => alert.kind === 'zone_incursion');
    assert.deepEqual(
      incursions.map((alert) => alert.subject_id),
      ['Z-1'],
    );
    assert.match(incursions[0]!.summary, /excavation \(3 detected\) inside Karasu gold placer/);
  });

  test('a fight at a watched place in its hours is flagged; a crowd below the size set is not', async () => {
    await observe('cam-almaty-arbat', {
      kind: 'activity',
      observedAt: lateEvening,
      attributes: { activity: 'fight' },
      location: { lat: 43.2395, lon: 76.8901 },
      confidence: 0.81,
    });
    await observe('cam-almaty-arbat', {
      kind: 'activity',
      observedAt: lateEvening,
      attributes: { activity: 'crowd', count: 20 },
      location: { lat: 43.2395, lon: 76.8901 },
      confidence: 0.9,
    });
    await settled();
    const order = (await kinds()).filter((alert) => alert.kind === 'public_order');
    assert.equal(order.length, 1);
    assert.match(order[0]!.summary, /a fight/);
  });
});
