import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { startTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import type { ModuleManifest } from '../modules/manifest.js';

interface Operation {
  responses?: Record<string, { description?: string }>;
  parameters?: { in: string; name: string; required?: boolean }[];
}

const isProblem = (response: LightMyRequestResponse, status: number, type: string) => {
  assert.equal(response.statusCode, status);
  assert.match(response.headers['content-type'] as string, /^application\/problem\+json/);
  assert.equal(response.json().type, `/api/problems/${type}`);
  assert.equal(response.json().status, status);
};

describe('the HTTP shell', () => {
  let qg: TestPlatform;

  before(async () => {
    qg = await startTestPlatform({ config: { bodyLimitBytes: 2048 } });
  });
  after(() => qg.stop());

  test('/health and /ready answer without signing in; /ready names the database and the bus', async () => {
    const health = await qg.request(null, { method: 'GET', url: '/health' });
    assert.equal(health.statusCode, 200);
    assert.deepEqual(health.json(), { status: 'ok' });
    const ready = await qg.request(null, { method: 'GET', url: '/ready' });
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json().status, 'ready');
    assert.equal(ready.json().database, process.env.DATABASE_URL ? 'postgres' : 'embedded');
    assert.equal(typeof ready.json().bus, 'string');
  });

  test('/api/openapi.json is a well-formed OpenAPI 3 document listing the core paths', async () => {
    const response = await qg.request(null, { method: 'GET', url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    const doc = response.json<{
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, Operation>>;
    }>();
    assert.match(doc.openapi, /^3\.\d+\.\d+$/);
    assert.ok(doc.info.title && doc.info.version);
    const core = [
      '/api/auth/login',
      '/api/auth/me',
      '/api/users',
      '/api/users/{id}',
      '/api/api-keys',
      '/api/audit',
      '/api/audit/verify',
      '/api/alerts',
      '/api/alerts/{id}',
      '/api/subscriptions',
      '/api/subscriptions/{id}/deliveries',
      '/api/geo/regions',
      '/api/geo/locate',
      '/api/modules',
    ];
    for (const path of core) assert.ok(doc.paths[path], `${path} documented`);
    const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
    for (const [path, item] of Object.entries(doc.paths)) {
      assert.ok(path.startsWith('/'), path);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
      for (const [method, operation] of Object.entries(item)) {
        assert.ok(methods.has(method), `${method} ${path}`);
        const responses = Object.entries(operation.responses ?? {});
        assert.ok(responses.length > 0, `${method} ${path} has responses`);
        for (const [status, declared] of responses) {
          assert.match(status, /^([1-5]\d\d|[1-5]XX|default)$/, `${method} ${path} ${status}`);
          assert.ok(declared.description !== undefined, `${method} ${path} ${status} has a description`);
        }
        for (const name of templated) {
          assert.ok(
            operation.parameters?.some(
              (param) => param.in === 'path' && param.name === name && param.required === true,
            ),
            `${method} ${path} declares {${name}}`,
          );
        }
      }
    }
    assert.ok(!doc.paths['/api/openapi.json'], 'internal routes are hidden');
  });

  test('/api/docs serves the HTML API reference without signing in', async () => {
    const response = await qg.request(null, { method: 'GET', url: '/api/docs' });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^text\/html/);
    assert.match(response.body, /<html/i);
  });

  test('responses carry the security headers: CSP without framing, nosniff, no referrer', async () => {
    for (const url of ['/health', '/api/auth/me', '/api/no-such-thing']) {
      const { headers } = await qg.request(null, { method: 'GET', url });
      const csp = headers['content-security-policy'] as string;
      assert.ok(csp, `${url} has a CSP`);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /object-src 'none'/);
      assert.equal(headers['x-content-type-options'], 'nosniff');
      assert.equal(headers['referrer-policy'], 'no-referrer');
    }
  });

  test('API answers are never cached: they carry personal data and one-time secrets', async () => {
    for (const url of ['/api/auth/me', '/api/no-such-thing']) {
      const { headers } = await qg.request('admin', { method: 'GET', url });
      assert.equal(headers['cache-control'], 'no-store', url);
    }
  });

  test('the API reference page keeps the platform’s CSP: no framing, no forced upgrade to https', async () => {
    const csp = (await qg.request(null, { method: 'GET', url: '/api/docs' })).headers[
      'content-security-policy'
    ] as string;
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(
      csp,
      /upgrade-insecure-requests/,
      'plain-HTTP intranet installs must still load the page’s scripts',
    );
  });

  test('a body over the limit is 413 problem+json and is not processed', async () => {
    const before = (await qg.auditActions()).length;
    const response = await qg.request(null, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'x'.repeat(4096) },
    });
    isProblem(response, 413, 'payload-too-large');
    assert.equal((await qg.auditActions()).length, before, 'no sign-in attempt was recorded');
    const signedIn = await qg.request('admin', {
      method: 'POST',
      url: '/api/alerts/00000000-0000-4000-8000-000000000000/comments',
      payload: { body: 'y'.repeat(4096) },
    });
    isProblem(signedIn, 413, 'payload-too-large');
  });

  test('an unknown /api route is 404 problem+json for a signed-in user; a malformed JSON body is 400', async () => {
    isProblem(
      await qg.request('analyst.almaty', { method: 'GET', url: '/api/no-such-thing' }),
      404,
      'not-found',
    );
    isProblem(await qg.request(null, { method: 'GET', url: '/no-such-page' }), 404, 'not-found');
    const malformed = await qg.request(null, {
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"username": ',
      headers: { 'content-type': 'application/json' },
    });
    isProblem(malformed, 400, 'validation');
    const media = await qg.request(null, {
      method: 'POST',
      url: '/api/auth/login',
      payload: 'username=admin',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    isProblem(media, 415, 'unsupported-media-type');
  });

  test('every response has an x-request-id; a well-formed one from the caller is kept, a bad one replaced', async () => {
    const responses = [
      await qg.request(null, { method: 'GET', url: '/health' }),
      await qg.request(null, { method: 'GET', url: '/api/alerts' }),
      await qg.request('analyst.almaty', { method: 'GET', url: '/api/nothing' }),
      await qg.request('analyst.almaty', { method: 'GET', url: '/api/audit' }),
      await qg.request(null, { method: 'POST', url: '/api/auth/login', payload: {} }),
    ];
    const ids = responses.map((response) => response.headers['x-request-id'] as string);
    for (const id of ids) assert.match(id, /^[\w-]{8,64}$/);
    assert.equal(new Set(ids).size, ids.length);
    const kept = await qg.request(null, {
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'trace-0123456789' },
    });
    assert.equal(kept.headers['x-request-id'], 'trace-0123456789');
    const replaced = await qg.request(null, {
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'bad id\r\nx: 1' },
    });
    assert.notEqual(replaced.headers['x-request-id'], 'bad id\r\nx: 1');
    assert.match(replaced.headers['x-request-id'] as string, /^[\w-]{8,64}$/);
    const [denied] = await qg.db.query<{ request_id: string }>(
      `select request_id from audit_log where action = 'access.denied'`,
    );
    assert.equal(denied?.request_id, ids[3], 'the audit entry carries the request id the caller saw');
  });
});

describe('start-up checks on routes', () => {
  const moduleWith = (
    routes: (app: FastifyInstance) => Promise<void>,
    permissions: ModuleManifest['permissions'] = [],
  ): ModuleManifest => ({
    id: 'careless',
    name: { kk: 'Абайсыз', ru: 'Небрежный', en: 'Careless' },
    permissions,
    setup: () => ({ routes }),
  });

  test('a module route that declares no permission stops start-up: deny by default', async () => {
    const careless = moduleWith(async (app) => {
      app.get('/api/x', () => ({ secret: true }));
    });
    await assert.rejects(startTestPlatform({ modules: [careless] }), /GET \/api\/x.*deny by default/);
  });

  test('a module route requiring a permission nobody registered stops start-up', async () => {
    const careless = moduleWith(async (app) => {
      app.get('/api/x', { config: { permission: 'careless.typo' } }, () => ({}));
    });
    await assert.rejects(startTestPlatform({ modules: [careless] }), /unknown permission careless\.typo/);
  });
});
