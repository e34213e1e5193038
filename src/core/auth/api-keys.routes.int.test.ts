import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../testing/test-platform.js';

const alert = (region: string) => ({
  module: 'cameras',
  kind: 'camera.weapon',
  severity: 'high',
  region,
  subject: { type: 'camera', id: `cam-${Math.random()}`, label: 'Camera 12' },
  title: 'Weapon seen at an entrance',
  summary: 'Detector confidence 0.91 on three consecutive frames.',
  evidence: { confidence: 0.91 },
});

interface IssuedKey {
  apiKey: { id: string; prefix: string; permissions: string[]; regions: string[]; revokedAt: string | null };
  secret: string;
}

describe('API keys of machine clients', () => {
  let qg: TestPlatform;
  let issued: IssuedKey;
  const bearer = (token: string, options: { method: 'GET' | 'POST'; url: string; payload?: object }) =>
    qg.app.inject({ ...options, headers: { authorization: `Bearer ${token}` } });
  const countKeys = async () =>
    (await qg.db.query<{ count: number }>('select count(*)::int as count from api_keys'))[0]!.count;

  before(async () => {
    qg = await startTestPlatform();
  });
  after(() => qg.stop());

  test('an admin issues a key: the secret is returned once and never listed again; the issue is audited', async () => {
    const response = await qg.request('admin', {
      method: 'POST',
      url: '/api/api-keys',
      payload: {
        name: 'Camera gateway Almaty',
        client: 'camera_gateway',
        permissions: ['alerts.create'],
        regions: ['KZ-75'],
      },
    });
    assert.equal(response.statusCode, 201);
    issued = response.json<IssuedKey>();
    assert.match(issued.secret, /^qg_[0-9a-f]{12}_[\w-]{20,}$/);
    assert.deepEqual(issued.apiKey.permissions, ['alerts.create']);
    assert.ok(issued.secret.includes(issued.apiKey.prefix));

    const list = await qg.request('admin', { method: 'GET', url: '/api/api-keys' });
    assert.equal(list.statusCode, 200);
    assert.ok(list.json().apiKeys.some((key: { id: string }) => key.id === issued.apiKey.id));
    const secretPart = issued.secret.slice(`qg_${issued.apiKey.prefix}_`.length);
    assert.ok(!list.body.includes(secretPart), 'the secret is never listed');
    assert.doesNotMatch(list.body, /secret/i);

    const created = (await qg.auditActions()).filter((row) => row.action === 'apikeys.created');
    assert.deepEqual(
      created.map((row) => [row.actor_name, row.subject_id, row.outcome]),
      [['admin', issued.apiKey.id, 'success']],
    );
    const [details] = await qg.db.query<{ text: string }>(
      `select details::text as text from audit_log where action = 'apikeys.created'`,
    );
    assert.ok(!details!.text.includes(secretPart), 'the secret is not in the audit log');
  });

  test('the key authenticates as a Bearer token on a route it holds the permission for', async () => {
    const response = await bearer(issued.secret, {
      method: 'POST',
      url: '/api/alerts',
      payload: alert('KZ-75'),
    });
    assert.equal(response.statusCode, 201, response.body);
    const raised = (await qg.auditActions()).find((row) => row.action === 'alerts.raised');
    assert.equal(raised?.actor_name, 'camera_gateway:Camera gateway Almaty');
    const me = await bearer(issued.secret, { method: 'GET', url: '/api/auth/me' });
    assert.deepEqual(me.json().permissions, ['alerts.create']);
  });

  test('the key gets 403 on a route it lacks, and outside its regions; the denial is audited', async () => {
    const list = await bearer(issued.secret, { method: 'GET', url: '/api/alerts' });
    assert.equal(list.statusCode, 403);
    assert.equal(list.json().type, '/api/problems/forbidden');
    const audit = await bearer(issued.secret, { method: 'GET', url: '/api/audit' });
    assert.equal(audit.statusCode, 403);
    const outside = await bearer(issued.secret, {
      method: 'POST',
      url: '/api/alerts',
      payload: alert('KZ-71'),
    });
    assert.equal(outside.statusCode, 403);
    assert.equal(outside.json().type, '/api/problems/region-forbidden');
    const denied = (await qg.auditActions()).filter((row) => row.action === 'access.denied');
    assert.deepEqual(
      denied.map((row) => row.subject_id),
      ['GET /api/alerts', 'GET /api/audit'],
    );
    assert.equal((await qg.db.query(`select 1 from alerts where region = 'KZ-71'`)).length, 0);
  });

  test('permissions that may not be granted to API keys, or do not exist, are 400 and issue nothing', async () => {
    const keys = await countKeys();
    for (const permissions of [
      ['users.manage'],
      ['alerts.create', 'apikeys.manage'],
      ['audit.read'],
      ['no.such'],
    ]) {
      const response = await qg.request('admin', {
        method: 'POST',
        url: '/api/api-keys',
        payload: { name: 'Too powerful', client: 'other', permissions, regions: ['*'] },
      });
      assert.equal(response.statusCode, 400, permissions.join());
      assert.equal(response.json().type, '/api/problems/validation');
    }
    const badBody = await qg.request('admin', {
      method: 'POST',
      url: '/api/api-keys',
      payload: { name: 'Bank', client: 'fax_machine', permissions: ['alerts.create'], regions: ['KZ-99'] },
    });
    assert.equal(badBody.statusCode, 400);
    assert.equal(await countKeys(), keys);
  });

  test('a malformed token, or a known prefix with a wrong secret, is 401', async () => {
    const [, prefix, secret] = issued.secret.split('_');
    const wrongSecret = `qg_${prefix!}_${secret!.slice(0, -4)}AAAA`;
    for (const token of ['nonsense', 'qg_zz_short', `qg_${prefix!}_`, wrongSecret, `${issued.secret}x`]) {
      const response = await bearer(token, { method: 'POST', url: '/api/alerts', payload: alert('KZ-75') });
      assert.equal(response.statusCode, 401, token);
      assert.equal(response.json().type, '/api/problems/unauthenticated');
    }
  });

  test('revoking a key stops it at once (401) and is audited', async () => {
    const response = await qg.request('admin', {
      method: 'DELETE',
      url: `/api/api-keys/${issued.apiKey.id}`,
    });
    assert.equal(response.statusCode, 200);
    assert.ok(response.json().apiKey.revokedAt);
    const after = await bearer(issued.secret, {
      method: 'POST',
      url: '/api/alerts',
      payload: alert('KZ-75'),
    });
    assert.equal(after.statusCode, 401);
    const revoked = (await qg.auditActions()).filter((row) => row.action === 'apikeys.revoked');
    assert.deepEqual(
      revoked.map((row) => [row.actor_name, row.subject_id]),
      [['admin', issued.apiKey.id]],
    );
    const missing = await qg.request('admin', {
      method: 'DELETE',
      url: '/api/api-keys/00000000-0000-4000-8000-000000000000',
    });
    assert.equal(missing.statusCode, 404);
  });

  test('people other than admins get 403 and anonymous callers 401', async () => {
    const keys = await countKeys();
    for (const username of ['prosecutor', 'auditor', 'analyst.almaty']) {
      assert.equal(
        (await qg.request(username, { method: 'GET', url: '/api/api-keys' })).statusCode,
        403,
        username,
      );
      const made = await qg.request(username, {
        method: 'POST',
        url: '/api/api-keys',
        payload: { name: 'Mine', client: 'other', permissions: ['alerts.create'], regions: ['*'] },
      });
      assert.equal(made.statusCode, 403, username);
    }
    assert.equal(
      (await qg.request('prosecutor', { method: 'DELETE', url: `/api/api-keys/${issued.apiKey.id}` }))
        .statusCode,
      403,
    );
    assert.equal((await qg.request(null, { method: 'GET', url: '/api/api-keys' })).statusCode, 401);
    assert.equal(await countKeys(), keys);
  });
});
