import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { bypassSpellings } from '../testing/bypass-spellings.js';
import { emitEvent } from '../events/index.js';
import { raiseAlert } from '../alerts/alerts.service.js';
import { systemActor } from '../auth/actor.js';
import { waitFor } from '../testing/wait-for.js';

const someId = '00000000-0000-4000-8000-000000000001';
const countUsers = async (qg: TestPlatform) =>
  (await qg.db.query<{ count: number }>('select count(*)::int as count from users'))[0]!.count;

describe('access is decided by the matched route, never by the URL’s text', () => {
  let qg: TestPlatform;

  before(async () => {
    qg = await startTestPlatform();
  });
  after(() => qg.stop());

  test('the reported bypass: POST /%61pi/users without a session is 401 and creates no one', async () => {
    const before = await countUsers(qg);
    const body = { username: 'intruder', displayName: 'x', role: 'admin', regions: ['*'] };
    for (const url of ['/%61pi/users', '/api/%75sers', '/%61%70%69/%75%73%65%72%73', '/api/./users']) {
      const response = await qg.request(null, { method: 'POST', url, payload: body });
      assert.equal(response.statusCode, 401, url);
      assert.match(response.headers['content-type'] as string, /^application\/problem\+json/);
    }
    assert.equal(await countUsers(qg), before);
  });

  test('every core route, however its path is spelled, answers an anonymous caller 401 or 404, and never its data', async () => {
    const doc = (await qg.request(null, { method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { security?: unknown[]; 'x-permission'?: string }>>;
    }>();
    let checked = 0;
    for (const [template, operations] of Object.entries(doc.paths)) {
      const path = template.replace(/\{[^}]+\}/g, someId);
      for (const [method, operation] of Object.entries(operations)) {
        if (operation.security?.length === 0) continue;
        assert.ok(operation['x-permission'], `${method} ${template} names its permission`);
        for (const url of [path, ...bypassSpellings(path)]) {
          const response = await qg.request(null, {
            method: method.toUpperCase(),
            url,
            payload: method === 'get' ? undefined : {},
          });
          assert.ok(
            [400, 401, 404].includes(response.statusCode),
            `${method} ${url}: ${response.statusCode}`,
          );
          if (url === path) assert.equal(response.statusCode, 401, `${method} ${url}`);
          assert.match(
            response.headers['content-type'] as string,
            /^application\/problem\+json/,
            `${method} ${url}`,
          );
          checked++;
        }
      }
    }
    assert.ok(checked > 300, `${checked} requests`);
  });

  test('a spelled path needs the permission too, and a write through it the CSRF token', async () => {
    const session = await qg.login('analyst.almaty');
    const read = await qg.app.inject({
      method: 'GET',
      url: '/%61pi/audit',
      headers: { cookie: session.cookie },
    });
    assert.equal(read.statusCode, 403);
    const admin = await qg.login('admin');
    const before = await countUsers(qg);
    const write = await qg.app.inject({
      method: 'POST',
      url: '/%61pi/users',
      headers: { cookie: admin.cookie },
      payload: { username: 'nocsrf', displayName: 'No CSRF', role: 'analyst', regions: ['KZ-75'] },
    });
    assert.equal(write.statusCode, 403);
    assert.equal(write.json().type, '/api/problems/csrf');
    assert.equal(await countUsers(qg), before);
  });

  test('an anonymous caller is refused before the body is validated: 401, never 400 with schema details', async () => {
    const response = await qg.request(null, {
      method: 'POST',
      url: '/api/users',
      payload: { nonsense: true },
    });
    assert.equal(response.statusCode, 401);
    assert.doesNotMatch(response.body, /username|displayName|required/);
    const malformed = await qg.request(null, {
      method: 'POST',
      url: '/api/alerts',
      payload: '{"broken',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(malformed.statusCode, 401);
  });

  test('an anonymous alert stream is refused, by any spelling, and attaches nothing', async () => {
    for (const url of ['/api/alerts/stream', '/%61pi/alerts/stream', '/api/alerts/%73tream']) {
      const response = await qg.request(null, { method: 'GET', url });
      assert.equal(response.statusCode, 401, url);
    }
    assert.equal(qg.stream.size, 0);
  });
});

describe('the rate limit comes before validation', () => {
  test('an anonymous flood of malformed bodies is cut off with 429 once over the limit, before any body is read', async () => {
    const qg = await startTestPlatform({ config: { rateLimitPerMinute: 5 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++)
        statuses.push(
          (
            await qg.request(null, {
              method: 'POST',
              url: '/%61pi/alerts',
              payload: '{"broken',
              headers: { 'content-type': 'application/json' },
            })
          ).statusCode,
        );
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429]);
    } finally {
      await qg.stop();
    }
  });
});

describe('broadcast listeners are kept off the durable path', () => {
  test('a listener that throws neither stalls the relay nor makes it publish an event again', async () => {
    const qg = await startTestPlatform();
    try {
      let heard = 0;
      qg.bus.listen(() => {
        heard++;
        throw new Error('a broken listener');
      });
      const raised = await qg.bus.tx((sql) =>
        raiseAlert(sql, systemActor, {
          module: 'test',
          kind: 'test.listener',
          severity: 'low',
          region: 'KZ-75',
          title: 'A listener test',
          summary: 'Raised to be broadcast.',
          evidence: {},
          subject: { type: 'x', id: 'x', label: 'x' },
        }),
      );
      await waitFor(
        async () => {
          const [row] = await qg.db.query<{ published: boolean }>(
            "select published_at is not null as published from outbox where payload->'alert'->>'id' = $1",
            [raised.alert.id],
          );
          return row?.published ? true : undefined;
        },
        3000,
        'the event marked published',
      );
      await qg.bus.tx((sql) => emitEvent(sql, 'alerts.updated', { alert: raised.alert, action: 'noop' }));
      await qg.bus.flush();
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(await qg.bus.flush(), 0, 'nothing left to publish');
      assert.equal(heard, 2, 'each event was heard once, then the relay moved on');
      const [unpublished] = await qg.db.query<{ count: number }>(
        'select count(*)::int as count from outbox where published_at is null',
      );
      assert.equal(unpublished!.count, 0);
    } finally {
      await qg.stop();
    }
  });
});
