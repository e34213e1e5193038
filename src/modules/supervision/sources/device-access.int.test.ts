import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import mqtt from 'mqtt';
import { startTestPlatform, type TestPlatform, waitFor } from '../../../core/testing/index.js';
import { supervisionModule } from '../module.js';
import { observationTopic } from '../observations/mqtt-intake.js';
import { supervisionContext } from '../testing.js';

interface Credential {
  username: string;
  password: string;
  topic: string;
}

const sighting = (externalId: string) =>
  JSON.stringify({
    externalId,
    observedAt: new Date().toISOString(),
    kind: 'vehicle',
    identifiers: { plate: '777 KZA 02' },
    location: { lat: 43.24, lon: 76.89 },
  });

/** The CONNACK refusal code, or 0 when the broker let the client in. */
async function connectCode(url: string, login: { username: string; password: string }): Promise<number> {
  try {
    const client = await mqtt.connectAsync(url, {
      ...login,
      clientId: `qg-auth-${Math.random().toString(36).slice(2, 8)}`,
      reconnectPeriod: 0,
      protocolVersion: 4,
    });
    await client.endAsync();
    return 0;
  } catch (error) {
    return (error as { code?: number }).code ?? -1;
  }
}

describe(
  'the embedded device broker lets in registered sources and connectors, each only where it belongs',
  { skip: process.env.MQTT_URL ? 'an external broker (MQTT_URL) decides who connects' : false },
  () => {
    let qg: TestPlatform;
    let url: string;
    const credentials = new Map<string, Credential>();
    const stored = async (source: string, externalId: string) =>
      (
        await qg.db.query('select 1 from observations where source_id = $1 and external_id = $2', [
          source,
          externalId,
        ])
      ).length;

    before(async () => {
      qg = await startTestPlatform({ modules: [supervisionModule] });
      url = (await qg.devices()).url;
      for (const [id, region] of [
        ['cam-auth-almaty', 'KZ-75'],
        ['cam-auth-other', 'KZ-75'],
        ['cam-auth-astana', 'KZ-71'],
      ] as const) {
        const created = await qg.request('admin', {
          method: 'POST',
          url: '/api/supervision/sources',
          payload: { id, kind: 'camera', name: id, agencyId: 'police-KZ-75', region },
        });
        assert.equal(created.statusCode, 201, created.body);
        credentials.set(id, created.json<{ credential: Credential }>().credential);
      }
    });
    after(() => qg.stop());

    test('registering a source gives its device password once, and the registry keeps only when it was issued', async () => {
      const credential = credentials.get('cam-auth-almaty')!;
      assert.equal(credential.username, 'cam-auth-almaty');
      assert.equal(
        credential.topic,
        observationTopic(supervisionContext(qg).settings.topicPrefix, 'cam-auth-almaty'),
      );
      assert.ok(credential.password.length >= 40);
      const listed = await qg.request('admin', { method: 'GET', url: '/api/supervision/sources' });
      assert.ok(!listed.body.includes(credential.password));
      assert.ok(!listed.body.includes('$7$'));
      const [row] = await qg.db.query<{ credential_hash: string }>(
        `select credential_hash from supervision_sources where id = 'cam-auth-almaty'`,
      );
      assert.match(row!.credential_hash, /^\$7\$\d+\$/);
    });

    test('a device with its own password publishes to its topic; a wrong password or no login is refused at connect', async () => {
      const credential = credentials.get('cam-auth-almaty')!;
      assert.equal(await connectCode(url, { username: credential.username, password: 'guessed' }), 4);
      assert.equal(await connectCode(url, { username: '', password: '' }), 4);
      const camera = await mqtt.connectAsync(url, {
        username: credential.username,
        password: credential.password,
        protocolVersion: 4,
      });
      await camera.publishAsync(credential.topic, sighting('auth-1'), { qos: 1 });
      await camera.endAsync();
      assert.equal(await stored('cam-auth-almaty', 'auth-1'), 1);
    });

    test('a device publishing as another source is cut off and nothing of it is stored; it may not subscribe to the feeds', async () => {
      const credential = credentials.get('cam-auth-almaty')!;
      const camera = await mqtt.connectAsync(url, {
        username: credential.username,
        password: credential.password,
        reconnectPeriod: 0,
        protocolVersion: 4,
      });
      await assert.rejects(
        camera.subscribeAsync(`${supervisionContext(qg).settings.topicPrefix}/#`, { qos: 1 }),
        (error: { packet?: { granted?: number[] } }) => error.packet?.granted?.[0] === 128,
      );
      const closed = new Promise<void>((resolve) => camera.once('close', () => resolve()));
      camera.publish(
        observationTopic(supervisionContext(qg).settings.topicPrefix, 'cam-auth-other'),
        sighting('auth-2'),
        { qos: 1 },
      );
      await closed;
      await camera.endAsync(true);
      assert.equal(await stored('cam-auth-other', 'auth-2'), 0);
    });

    test('a new password replaces the old one at once, closing the connection that used it', async () => {
      const old = credentials.get('cam-auth-other')!;
      const camera = await mqtt.connectAsync(url, {
        username: old.username,
        password: old.password,
        reconnectPeriod: 0,
        protocolVersion: 4,
      });
      const closed = new Promise<void>((resolve) => camera.once('close', () => resolve()));
      const rotated = await qg.request('admin', {
        method: 'POST',
        url: '/api/supervision/sources/cam-auth-other/credential',
      });
      assert.equal(rotated.statusCode, 200, rotated.body);
      await closed;
      await camera.endAsync(true);
      const fresh = rotated.json<{ credential: Credential }>().credential;
      assert.equal(await connectCode(url, { username: old.username, password: old.password }), 4);
      assert.equal(await connectCode(url, { username: fresh.username, password: fresh.password }), 0);
      const [audit] = await qg.db.query<{ n: number }>(
        `select count(*)::int as n from audit_log where action = 'supervision.sourceCredentialIssued' and subject_id = 'cam-auth-other'`,
      );
      assert.equal(audit!.n, 1);
    });

    test('a source out of service cannot connect until it is put back', async () => {
      const credential = credentials.get('cam-auth-astana')!;
      const off = await qg.request('admin', {
        method: 'PATCH',
        url: '/api/supervision/sources/cam-auth-astana',
        payload: { active: false },
      });
      assert.equal(off.json<{ source: { active: boolean } }>().source.active, false);
      assert.equal(await connectCode(url, credential), 4);
      await qg.request('admin', {
        method: 'PATCH',
        url: '/api/supervision/sources/cam-auth-astana',
        payload: { active: true },
      });
      assert.equal(await connectCode(url, credential), 0);
    });

    test('a connector with an API key publishes for the sources of its regions only', async () => {
      const key = await qg.apiKey(['observations.ingest'], ['KZ-75']);
      const connector = await mqtt.connectAsync(url, {
        username: 'vendor-vms',
        password: key,
        reconnectPeriod: 0,
        protocolVersion: 4,
      });
      await connector.publishAsync(
        observationTopic(supervisionContext(qg).settings.topicPrefix, 'cam-auth-almaty'),
        sighting('auth-3'),
        { qos: 1 },
      );
      const closed = new Promise<void>((resolve) => connector.once('close', () => resolve()));
      connector.publish(
        observationTopic(supervisionContext(qg).settings.topicPrefix, 'cam-auth-astana'),
        sighting('auth-4'),
        { qos: 1 },
      );
      await closed;
      await connector.endAsync(true);
      await waitFor(
        async () => ((await stored('cam-auth-almaty', 'auth-3')) ? true : undefined),
        5000,
        'the connector’s observation',
      );
      assert.equal(await stored('cam-auth-astana', 'auth-4'), 0);
      const readOnly = await qg.apiKey(['supervision.read']);
      assert.equal(await connectCode(url, { username: 'vendor-vms', password: readOnly }), 4);
    });

    test('revoking a connector’s API key closes its live MQTT connection at once, and it cannot come back', async () => {
      const key = await qg.apiKey(['observations.ingest'], ['KZ-75']);
      const [row] = await qg.db.query<{ id: string }>(
        'select id from api_keys order by created_at desc limit 1',
      );
      const connector = await mqtt.connectAsync(url, {
        username: 'vendor-vms',
        password: key,
        reconnectPeriod: 0,
        protocolVersion: 4,
      });
      await connector.publishAsync(
        observationTopic(supervisionContext(qg).settings.topicPrefix, 'cam-auth-almaty'),
        sighting('auth-revoke-1'),
        { qos: 1 },
      );
      const closed = new Promise<number>((resolve) => connector.once('close', () => resolve(Date.now())));
      const revokedAt = Date.now();
      const revoked = await qg.request('admin', { method: 'DELETE', url: `/api/api-keys/${row!.id}` });
      assert.equal(revoked.statusCode, 200, revoked.body);
      const closedAt = await closed;
      await connector.endAsync(true);
      assert.ok(
        closedAt - revokedAt < 5000,
        `closed ${closedAt - revokedAt} ms after revocation, not at the next minute's re-check`,
      );
      assert.equal(await connectCode(url, { username: 'vendor-vms', password: key }), 4);
    });
  },
);
