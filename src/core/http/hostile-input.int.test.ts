import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { LightMyRequestResponse } from 'fastify';
import { startTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { safeError } from './logger.js';

const isProblem = (response: LightMyRequestResponse, status: number) => {
  assert.equal(response.statusCode, status, response.body);
  assert.match(response.headers['content-type'] as string, /^application\/problem\+json/);
};

const alert = (overrides: Record<string, unknown>) => ({
  module: 'test',
  kind: 'test.hostile',
  severity: 'low',
  region: 'KZ-75',
  title: 'A hostile test',
  summary: 'Summary of it.',
  evidence: {},
  subject: { type: 'person', id: 'P-1', label: 'А*** Б.' },
  ...overrides,
});

describe('input no column can hold is refused once, in the core, for every route', () => {
  let qg: TestPlatform;
  let key: string;
  const countAlerts = async () =>
    (await qg.db.query<{ n: number }>('select count(*)::int as n from alerts'))[0]!.n;
  const raise = (body: unknown) =>
    qg.app.inject({
      method: 'POST',
      url: '/api/alerts',
      payload: body as object,
      headers: { authorization: `Bearer ${key}` },
    });

  before(async () => {
    qg = await startTestPlatform();
    key = await qg.apiKey(['alerts.create']);
  });
  after(() => qg.stop());

  test('a NUL in a query parameter is a 400, not a database error', async () => {
    isProblem(await qg.request('analyst.almaty', { method: 'GET', url: '/api/alerts?q=%00' }), 400);
    isProblem(await qg.request('auditor', { method: 'GET', url: '/api/audit?actor=%00' }), 400);
    isProblem(await qg.request('auditor', { method: 'GET', url: '/api/audit?action=a%00b' }), 400);
  });

  test('a NUL or a lone surrogate anywhere in a body, even in free-form evidence, is refused and stores nothing', async () => {
    const before = await countAlerts();
    for (const body of [
      alert({ summary: 'x\u0000y' }),
      alert({ subject: { type: 'person', id: 'P-1', label: '\ud800' } }),
      alert({ evidence: { note: 'ok', deeper: ['\udc00'] } }),
      alert({ evidence: { 'key\u0000': 1 } }),
    ]) {
      const response = await raise(body);
      isProblem(response, 400);
      assert.match(response.json().detail, /NUL characters or unpaired surrogates/);
    }
    assert.equal(await countAlerts(), before);
    const [created] = await qg.db.query<{ id: string }>('select id from alerts limit 1');
    const id = created?.id ?? '00000000-0000-4000-8000-000000000000';
    isProblem(
      await qg.request('prosecutor', {
        method: 'POST',
        url: `/api/alerts/${id}/reveal`,
        payload: { purpose: 'case 12-345 \ud83d' },
      }),
      400,
    );
  });

  test('numbers past what a column holds are refused: a bigint cursor, an Infinity from 1e400', async () => {
    isProblem(
      await qg.request('auditor', { method: 'GET', url: '/api/audit?cursor=99999999999999999999' }),
      400,
    );
    isProblem(await qg.request('auditor', { method: 'GET', url: '/api/audit?limit=1e400' }), 400);
    const overflowing = JSON.stringify(alert({ dedupeWindowMinutes: 7 })).replace(
      '"dedupeWindowMinutes":7',
      '"dedupeWindowMinutes":1e400',
    );
    isProblem(
      await qg.app.inject({
        method: 'POST',
        url: '/api/alerts',
        payload: overflowing,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      }),
      400,
    );
  });

  test('JSON nested thousands deep is refused when parsed, before anything recurses over it', async () => {
    const before = await countAlerts();
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const body = JSON.stringify(alert({})).replace('"evidence":{}', `"evidence":{"x":${deep}}`);
    const response = await qg.app.inject({
      method: 'POST',
      url: '/api/alerts',
      payload: body,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    });
    isProblem(response, 400);
    assert.match(response.json().detail, /nests deeper than 64 levels/);
    assert.equal(await countAlerts(), before);
  });

  test('an unknown problem type, __proto__ included, is 404', async () => {
    for (const id of ['__proto__', 'constructor', 'toString', 'nope'])
      isProblem(await qg.request(null, { method: 'GET', url: `/api/problems/${id}` }), 404);
    assert.equal(
      (await qg.request(null, { method: 'GET', url: '/api/problems/validation' })).statusCode,
      200,
    );
  });

  test('an address longer than the router takes is 414, a path that does not decode 400', async () => {
    isProblem(
      await qg.request('analyst.almaty', { method: 'GET', url: `/api/alerts/${'x'.repeat(500)}` }),
      414,
    );
    isProblem(await qg.request('analyst.almaty', { method: 'GET', url: '/api/alerts/%E0%A4%A' }), 400);
  });

  test('a regional user is offered only colleagues who share one of their regions', async () => {
    const names = (await qg.request('analyst.almaty', { method: 'GET', url: '/api/users/assignable' }))
      .json<{ users: { id: string }[] }>()
      .users.map((user) => user.id);
    assert.ok(names.includes(qg.userIds['duty.almaty']!));
    assert.ok(names.includes(qg.userIds['prosecutor']!), 'national colleagues can take work anywhere');
    assert.ok(!names.includes(qg.userIds['analyst.astana']!), 'a colleague of another region is not listed');
  });
});

describe('what the logs keep of a database error', () => {
  test('the SQLSTATE and where it arose, never the refused value, the parameters or the query', async () => {
    const qg = await startTestPlatform();
    try {
      const error = await qg.db
        .query('select $1::uuid', ['850312300123-secret'])
        .catch((failure: unknown) => failure);
      const lines: string[] = [];
      const log = pino(
        { serializers: { err: safeError } },
        new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) }),
      );
      log.error({ err: error }, 'request failed');
      const line = lines.join('');
      assert.match(line, /"code":"22P02"/);
      assert.doesNotMatch(line, /850312300123|secret/);
      assert.doesNotMatch(line, /"where"|"params"|"query"|"detail"/);
    } finally {
      await qg.stop();
    }
  });
});
