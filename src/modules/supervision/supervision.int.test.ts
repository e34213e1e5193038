import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import mqtt from 'mqtt';
import { connect as connectNats } from 'nats';
import { observationSubject } from './observations/nats-intake.js';
import { startTestPlatform, type TestPlatform, waitFor } from '../../core/testing/index.js';
import { observationTopic } from './observations/mqtt-intake.js';
import { purgeExpired } from './observations/retention.job.js';
import { supervisionModule } from './module.js';
import { supervisionContext } from './testing.js';

const seen = (
  externalId: string,
  identifiers: Record<string, string>,
  extra: Record<string, unknown> = {},
) => ({
  externalId,
  observedAt: new Date().toISOString(),
  kind: identifiers.plate ? 'vehicle' : 'person',
  identifiers,
  location: { lat: 43.2389, lon: 76.8897 },
  confidence: 0.93,
  ...extra,
});

describe('digital supervision: intake and watchlist matching', () => {
  let qg: TestPlatform;
  let key: string;
  const passwords = new Map<string, string>();
  const observe = (source: string, observations: unknown[], auth = key) =>
    qg.request(null, {
      method: 'POST',
      url: '/api/observations',
      headers: { authorization: `Bearer ${auth}` },
      payload: { source, observations },
    });
  const alertsOf = (kind: string) =>
    qg.db.query<{
      id: string;
      severity: string;
      subject_id: string;
      subject_label: string;
      evidence: Record<string, unknown>;
      summary: string;
    }>(
      `select id, severity, subject_id, subject_label, evidence, summary from alerts where module = 'supervision' and kind = $1 order by created_at`,
      [kind],
    );

  before(async () => {
    qg = await startTestPlatform({ modules: [supervisionModule] });
    key = await qg.apiKey(['observations.ingest']);
    for (const [id, kind, region] of [
      ['cam-almaty-0001', 'camera', 'KZ-75'],
      ['cam-almaty-0002', 'camera', 'KZ-75'],
      ['drone-ulytau-01', 'drone', 'KZ-62'],
    ]) {
      const created = await qg.request('admin', {
        method: 'POST',
        url: '/api/supervision/sources',
        payload: {
          id,
          kind,
          name: `Source ${String(id)}`,
          agencyId: 'police-KZ-75',
          region,
          location: { lat: 43.2389, lon: 76.8897 },
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      passwords.set(String(id), created.json<{ credential: { password: string } }>().credential.password);
    }
    const entries = [
      {
        id: 'W-1',
        kind: 'person',
        fullName: 'Қасымов Нұрлан Серікұлы',
        birthDate: '1988-04-12',
        iin: '880412300158',
        warrantBasis: 'art. 190 part 4, arrest warrant',
        issuingAgency: 'MVD Almaty',
        dangerLevel: 'high',
        region: 'KZ-75',
      },
      {
        id: 'W-2',
        kind: 'vehicle',
        plate: '123 ABC 02',
        warrantBasis: 'stolen vehicle',
        issuingAgency: 'MVD Almaty',
        dangerLevel: 'medium',
        region: 'KZ-75',
      },
    ];
    for (const entry of entries) {
      const response = await qg.request('prosecutor', {
        method: 'POST',
        url: '/api/supervision/watchlist',
        payload: entry,
      });
      assert.equal(response.statusCode, 201, response.body);
    }
  });
  after(() => qg.stop());

  test('observations are taken in once per source and external id; malformed ones go to the dead-letter table with the reason', async () => {
    const first = (
      await observe('cam-almaty-0002', [
        seen('o-1', { name: 'Petrov Ivan' }),
        seen('o-1', { name: 'Petrov Ivan' }),
        { externalId: 'o-2', kind: 'ghost' },
      ])
    ).json<{ accepted: number; duplicates: number; rejected: { index: number; reason: string }[] }>();
    assert.deepEqual([first.accepted, first.duplicates], [1, 1]);
    assert.equal(first.rejected[0]!.index, 2);
    const again = (await observe('cam-almaty-0002', [seen('o-1', { name: 'Petrov Ivan' })])).json<{
      accepted: number;
      duplicates: number;
    }>();
    assert.deepEqual([again.accepted, again.duplicates], [0, 1]);
    const letters = await qg.db.query<{ reason: string; channel: string }>(
      `select reason, channel from observation_dead_letters where source_id = 'cam-almaty-0002'`,
    );
    assert.equal(letters.length, 1);
    assert.match(letters[0]!.reason, /kind/);
    const unknown = (await observe('cam-nowhere', [seen('o-3', { name: 'X' })])).json<{ accepted: number }>();
    assert.equal(unknown.accepted, 0);
  });

  test('each accepted batch is audited once, naming the client, the source and the counts', async () => {
    const before = await qg.db.query(`select 1 from audit_log where action = 'observations.ingested'`);
    const response = await observe('cam-almaty-0002', [
      seen('o-audit-1', { name: 'Petrov Ivan' }),
      seen('o-audit-2', { name: 'Petrov Ivan' }),
    ]);
    assert.equal(response.statusCode, 200, response.body);
    const entries = await qg.db.query<{
      actor_type: string;
      subject_id: string;
      region: string;
      details: { accepted: number; duplicates: number; rejected: number };
    }>(
      `select actor_type, subject_id, region, details from audit_log where action = 'observations.ingested' order by seq`,
    );
    assert.equal(entries.length, before.length + 1);
    const entry = entries[entries.length - 1]!;
    assert.deepEqual(
      [entry.actor_type, entry.subject_id, entry.region],
      ['api_key', 'cam-almaty-0002', 'KZ-75'],
    );
    assert.deepEqual(entry.details, { accepted: 2, duplicates: 0, rejected: 0 });
  });

  test('a batch holding text the database cannot store is refused whole with a problem, and nothing is stored', async () => {
    const response = await observe('cam-almaty-0002', [
      seen('o-fine', { name: 'Petrov Ivan' }),
      { ...seen('o-bad', { name: 'Petrov Ivan' }), attributes: { note: 'x\ud800' } },
    ]);
    assert.equal(response.statusCode, 400, response.body);
    assert.match(response.headers['content-type'] as string, /problem\+json/);
    const stored = await qg.db.query(`select 1 from observations where external_id in ('o-fine', 'o-bad')`);
    assert.equal(stored.length, 0);
  });

  test('a wanted person seen under a Russian spelling raises one alert with a score, masked in the inbox', async () => {
    await observe('cam-almaty-0001', [seen('c1-1', { name: 'Касымов Нурлан', birthDate: '1988-04-12' })]);
    const [alert] = await waitFor(
      async () => {
        const rows = await alertsOf('watchlist_person');
        return rows.length ? rows : undefined;
      },
      5000,
      'watchlist alert',
    );
    assert.equal(alert!.severity, 'critical');
    assert.equal(alert!.subject_id, 'W-1');
    assert.doesNotMatch(alert!.subject_label, /Нұрлан/);
    assert.ok((alert!.evidence.score as number) >= 0.85);
    assert.match(alert!.summary, /duty officer decides/);
  });

  test('sightings of the same person at the same place within the window join that alert', async () => {
    await observe('cam-almaty-0001', [seen('c1-2', { name: 'KASYMOV NURLAN', birthDate: '1988-04-12' })]);
    await waitFor(
      async () => {
        const [row] = await qg.db.query<{ n: number }>(
          `select count(*)::int as n from supervision_hits where subject_id = 'W-1'`,
        );
        return row!.n >= 2 ? true : undefined;
      },
      5000,
      'second hit',
    );
    const alerts = await alertsOf('watchlist_person');
    assert.equal(alerts.length, 1);
  });

  test('a plate misread with a Cyrillic letter still finds the stolen vehicle', async () => {
    await observe('cam-almaty-0001', [seen('c1-3', { plate: '123 АВС 02' })]);
    const [alert] = await waitFor(
      async () => {
        const rows = await alertsOf('watchlist_vehicle');
        return rows.length ? rows : undefined;
      },
      5000,
      'vehicle alert',
    );
    assert.equal(alert!.subject_id, 'W-2');
  });

  test('observations arriving by MQTT are stored, acknowledged and judged like the others', async () => {
    const broker = await qg.devices();
    // The camera logs in with its own device password (an external broker here lets anyone in, and ignores it).
    const client = await mqtt.connectAsync(broker.url, {
      clientId: `test-camera-${String(Date.now())}`,
      username: 'cam-almaty-0002',
      password: passwords.get('cam-almaty-0002')!,
    });
    try {
      await client.publishAsync(
        observationTopic(supervisionContext(qg).settings.topicPrefix, 'cam-almaty-0002'),
        JSON.stringify([seen('m-1', { name: 'Kasymov Nurlan Serikuly', birthDate: '1988-04-12' })]),
        { qos: 1 },
      );
      await client.publishAsync(
        observationTopic(supervisionContext(qg).settings.topicPrefix, 'cam-almaty-0002'),
        'not json',
        { qos: 1 },
      );
    } finally {
      await client.endAsync();
    }
    const stored = await waitFor(
      async () => {
        const [row] = await qg.db.query<{ state: string }>(
          `select state from observations where source_id = 'cam-almaty-0002' and external_id = 'm-1'`,
        );
        return row?.state === 'matched' ? row : undefined;
      },
      5000,
      'MQTT observation judged',
    );
    assert.equal(stored.state, 'matched');
    const [letter] = await waitFor(
      async () => {
        const rows = await qg.db.query<{ reason: string }>(
          `select reason from observation_dead_letters where channel = 'mqtt'`,
        );
        return rows.length ? rows : undefined;
      },
      5000,
      'dead letter',
    );
    assert.equal(letter!.reason, 'not JSON');
  });

  test('searching observations for a person needs a stated purpose, finds other spellings, and is audited', async () => {
    const refused = await qg.request('analyst.almaty', {
      method: 'POST',
      url: '/api/supervision/observations/search',
      payload: { name: 'Petrov Ivan' },
    });
    assert.equal(refused.statusCode, 400);
    const found = await qg.request('analyst.almaty', {
      method: 'POST',
      url: '/api/supervision/observations/search',
      payload: { name: 'Петров Иван', purpose: 'criminal case 2026-0412 (art. 188)' },
    });
    assert.equal(found.statusCode, 200, found.body);
    const result = found.json<{ items: { identifiers: { name: string } }[] }>();
    assert.ok(result.items.some((item) => item.identifiers.name === 'Petrov Ivan'));
    assert.equal(
      (
        await qg.request('duty.almaty', {
          method: 'POST',
          url: '/api/supervision/observations/search',
          payload: { name: 'Петров Иван', purpose: 'curiosity is no purpose' },
        })
      ).statusCode,
      403,
    );
    const [entry] = await qg.db.query<{ purpose: string; details: { name: string } }>(
      `select purpose, details from audit_log where action = 'supervision.observationsSearched'`,
    );
    assert.equal(entry!.purpose, 'criminal case 2026-0412 (art. 188)');
    assert.doesNotMatch(JSON.stringify(entry!.details), /Иван/);
  });

  test(
    'observations published on NATS are taken in when NATS is configured',
    { skip: process.env.NATS_URL ? false : 'needs NATS_URL' },
    async () => {
      const nc = await connectNats({ servers: process.env.NATS_URL! });
      try {
        const js = nc.jetstream();
        await js.publish(
          observationSubject(qg.config.natsStream, 'cam-almaty-0002'),
          new TextEncoder().encode(JSON.stringify(seen('n-1', { plate: '123 ABC 02' }))),
        );
      } finally {
        await nc.drain();
      }
      const stored = await waitFor(
        async () => {
          const [row] = await qg.db.query<{ state: string }>(
            `select state from observations where external_id = 'n-1'`,
          );
          return row?.state === 'matched' ? row : undefined;
        },
        5000,
        'NATS observation judged',
      );
      assert.equal(stored.state, 'matched');
    },
  );

  test('unmatched observations expire after the retention period; matched ones stay', async () => {
    await waitFor(
      async () => {
        const [row] = await qg.db.query<{ n: number }>(
          `select count(*)::int as n from observations where state = 'pending'`,
        );
        return row!.n === 0 ? true : undefined;
      },
      5000,
      'pipeline drained',
    );
    const later = new Date(Date.now() + 73 * 3600_000);
    const purged = await purgeExpired(supervisionContext(qg), later);
    assert.ok(purged.observations >= 1);
    const left = await qg.db.query<{ state: string }>('select state from observations');
    assert.ok(left.length > 0 && left.every((row) => row.state === 'matched'));
  });

  test('a detention recorded on the alert closes the watchlist entry through the system; a false match counts against the source', async () => {
    const [person] = await alertsOf('watchlist_person');
    const detained = await qg.request('duty.almaty', {
      method: 'POST',
      url: `/api/supervision/alerts/${person!.id}/outcome`,
      payload: { outcome: 'detained' },
    });
    assert.equal(detained.statusCode, 200, detained.body);
    const [entry] = await qg.db.query<{ status: string; closed_through_system: boolean }>(
      `select status, closed_through_system from watchlist_entries where id = 'W-1'`,
    );
    assert.deepEqual(entry, { status: 'closed', closed_through_system: true });
    const [vehicle] = await alertsOf('watchlist_vehicle');
    await qg.request('duty.almaty', {
      method: 'POST',
      url: `/api/supervision/alerts/${vehicle!.id}/outcome`,
      payload: { outcome: 'false_match' },
    });
    const sources = (
      await qg.request('duty.almaty', { method: 'GET', url: '/api/supervision/sources' })
    ).json<{ items: { id: string; falseMatchRate: number | null }[] }>();
    const camera = sources.items.find((source) => source.id === 'cam-almaty-0001')!;
    assert.equal(camera.falseMatchRate, 1 / 3);
    assert.ok(
      !sources.items.some((source) => source.id === 'drone-ulytau-01'),
      'sources outside the region are not listed',
    );
  });

  test('the measures show the wanted list shrinking through the system, hits by rule, and the live map’s alerts with places', async () => {
    const measures = (
      await qg.request('duty.almaty', { method: 'GET', url: '/api/supervision/measures?days=7' })
    ).json<{
      wanted: {
        active: number;
        closedThroughSystem: number;
        shareClosedThroughSystem: number;
        overTime: { active: number }[];
      };
      byRule: { rule: string; detained: number; falseMatches: number }[];
    }>();
    assert.deepEqual(
      [measures.wanted.active, measures.wanted.closedThroughSystem, measures.wanted.shareClosedThroughSystem],
      [1, 1, 1],
    );
    assert.equal(measures.wanted.overTime.length, 7);
    assert.equal(
      measures.byRule.find((row) => row.rule === 'watchlist_person')?.detained,
      3,
      'the three sightings behind the alert',
    );
    const [vehicleHits] = await qg.db.query<{ n: number }>(
      `select count(*)::int as n from supervision_hits where rule = 'watchlist_vehicle'`,
    );
    assert.equal(
      measures.byRule.find((row) => row.rule === 'watchlist_vehicle')?.falseMatches,
      vehicleHits!.n,
      'every sighting behind the false alert',
    );
    const live = (await qg.request('duty.almaty', { method: 'GET', url: '/api/supervision/live' })).json<{
      alerts: { kind: string; location: { lat: number } | null; label: string }[];
    }>();
    assert.ok(live.alerts.some((alert) => alert.kind === 'watchlist_person' && alert.location !== null));
    assert.ok(live.alerts.every((alert) => !alert.label.includes('Нұрлан')));
  });

  test('a sighting elsewhere is not pulled into an older alert that a sighting at the old place joins', async () => {
    const entry = {
      id: 'W-9',
      kind: 'person',
      fullName: 'Бекова Динара',
      birthDate: '1995-02-17',
      warrantBasis: 'art. 190, arrest warrant',
      issuingAgency: 'MVD Almaty',
      dangerLevel: 'medium',
      region: 'KZ-75',
    };
    assert.equal(
      (await qg.request('prosecutor', { method: 'POST', url: '/api/supervision/watchlist', payload: entry }))
        .statusCode,
      201,
    );
    const alertsOfW9 = () =>
      qg.db.query<{ id: string; repeats: number | null; lat: number }>(
        `select id, (evidence->>'repeats')::int as repeats, (evidence->'location'->>'lat')::float8 as lat from alerts where subject_id = 'W-9' order by created_at`,
      );
    await observe('cam-almaty-0001', [seen('w9-1', { name: 'Бекова Динара', birthDate: '1995-02-17' })]);
    const [old] = await waitFor(
      async () => ((await alertsOfW9()).length === 1 ? alertsOfW9() : undefined),
      5000,
      'first alert',
    );
    // Twenty minutes on: past the five-minute throttle, inside the 30-minute window for the same place.
    await qg.db.query(`update alerts set created_at = now() - interval '20 minutes' where id = $1`, [
      old!.id,
    ]);
    await observe('cam-almaty-0001', [
      seen('w9-2', { name: 'Бекова Динара', birthDate: '1995-02-17' }),
      seen(
        'w9-3',
        { name: 'Бекова Динара', birthDate: '1995-02-17' },
        { location: { lat: 43.3, lon: 76.95 } },
      ),
    ]);
    const alerts = await waitFor(
      async () => {
        const rows = await alertsOfW9();
        return rows.length === 2 ? rows : undefined;
      },
      5000,
      'an alert for the new place',
    );
    assert.equal(alerts[0]!.repeats, 2, 'the sighting at the old place joins the old alert');
    assert.equal(alerts[1]!.lat, 43.3, 'the new place has its own alert, with its own location');
  });
});
