import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { raiseAlert } from '../alerts/alerts.service.js';
import type { AlertView, Severity } from '../alerts/alerts.types.js';
import { systemActor } from '../auth/actor.js';
import { verifySignature } from './signature.js';
import { waitFor } from '../testing/wait-for.js';
import { insertUser } from '../auth/users.repository.js';
import { createSession } from '../auth/sessions.repository.js';
import { randomUUID } from 'node:crypto';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A state body's endpoint: /ok* answers 200, /flaky* 500 twice then 200, /hang* never answers. */
async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const calls = new Map<string, number>();
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body, at: Date.now() });
      if (path.startsWith('/hang')) return;
      if (path.startsWith('/redirect')) {
        response.writeHead(302, { location: '/ok-redirected' }).end();
        return;
      }
      const call = (calls.get(path) ?? 0) + 1;
      calls.set(path, call);
      response.statusCode = path.startsWith('/flaky') && call <= 2 ? 500 : 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

/** A port on which nothing listens: connections are refused. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const raise = (qg: TestPlatform, module: string, region: string, severity: Severity): Promise<AlertView> =>
  qg.bus
    .tx((sql) =>
      raiseAlert(sql, systemActor, {
        module,
        kind: `${module}.test`,
        severity,
        region,
        title: 'Threat in an appeal',
        summary: 'Explained by the words used.',
        evidence: {},
        subject: {
          type: 'applicant',
          id: `A-${Math.random()}`,
          label: 'А***** Б.',
          personal: { iin: '850312300123' },
        },
      }),
    )
    .then((result) => result.alert);

const subscribe = async (qg: TestPlatform, as: string, body: Record<string, unknown>) => {
  const response = await qg.request(as, {
    method: 'POST',
    url: '/api/subscriptions',
    payload: { agencyId: 'police-KZ-75', regions: ['*'], minSeverity: 'low', ...body },
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json<{ subscription: { id: string }; secret: string }>();
};

const deliveryStatus = async (qg: TestPlatform, subscriptionId: string, alertId: string) =>
  (
    await qg.db.query<{ status: string; attempts: number; last_error: string | null }>(
      'select status, attempts, last_error from webhook_deliveries where subscription_id = $1 and alert_id = $2',
      [subscriptionId, alertId],
    )
  )[0];

describe('webhook subscriptions and deliveries', () => {
  let qg: TestPlatform;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const countSubscriptions = async () =>
    (await qg.db.query<{ count: number }>('select count(*)::int as count from webhook_subscriptions'))[0]!
      .count;
  const arrivalsFor = (alertId: string, path?: string) =>
    receiver.received.filter((item) => item.body.includes(alertId) && (!path || item.path === path));

  before(async () => {
    receiver = await startReceiver();
    qg = await startTestPlatform({
      config: { webhookBackoffMs: 20, webhookTimeoutMs: 300, webhookMaxAttempts: 3 },
    });
  });
  after(async () => {
    receiver.server.closeAllConnections();
    await qg.stop();
    receiver.server.close();
  });

  test('who may subscribe: anonymous 401, an analyst 403, a liaison only for their agency and regions; bad input 400', async () => {
    const payload = {
      agencyId: 'police-KZ-79',
      url: `${receiver.url}/ok-liaison`,
      regions: ['KZ-79'],
      modules: ['liaison'],
      minSeverity: 'high',
    };
    const before = await countSubscriptions();
    const refused: [string | null, Record<string, unknown>, number, string][] = [
      [null, payload, 401, 'unauthenticated'],
      ['analyst.almaty', payload, 403, 'forbidden'],
      ['liaison.shymkent', { ...payload, agencyId: 'police-KZ-75' }, 403, 'forbidden'],
      ['liaison.shymkent', { ...payload, regions: ['KZ-79', 'KZ-75'] }, 403, 'region-forbidden'],
      ['liaison.shymkent', { ...payload, url: 'not a url' }, 400, 'validation'],
      ['liaison.shymkent', { ...payload, url: 'ftp://127.0.0.1/x' }, 400, 'validation'],
      ['liaison.shymkent', { ...payload, minSeverity: 'urgent' }, 400, 'validation'],
      ['admin', { ...payload, agencyId: 'no-such-agency' }, 400, 'validation'],
    ];
    for (const [as, body, status, type] of refused) {
      const response = await qg.request(as, { method: 'POST', url: '/api/subscriptions', payload: body });
      assert.equal(response.statusCode, status, `${String(as)} ${JSON.stringify(body)}`);
      assert.equal(response.json().type, `/api/problems/${type}`);
    }
    assert.equal(await countSubscriptions(), before);

    const own = await subscribe(qg, 'liaison.shymkent', payload);
    assert.ok(own.secret.length >= 32);
    const national = await subscribe(qg, 'admin', {
      agencyId: 'mvd',
      url: `${receiver.url}/ok-admin`,
      modules: ['admin-only'],
    });
    const listed = await qg.request('liaison.shymkent', { method: 'GET', url: '/api/subscriptions' });
    assert.deepEqual(
      listed.json().subscriptions.map((item: { id: string }) => item.id),
      [own.subscription.id],
    );
    const all = await qg.request('admin', { method: 'GET', url: '/api/subscriptions' });
    assert.ok(
      !all.body.includes(own.secret) && !all.body.includes(national.secret),
      'secrets are shown once only',
    );
    const other = await qg.request('liaison.shymkent', {
      method: 'GET',
      url: `/api/subscriptions/${national.subscription.id}/deliveries`,
    });
    assert.equal(other.statusCode, 404);
    const audited = (await qg.auditActions()).filter((row) => row.action === 'subscriptions.created');
    assert.deepEqual(
      audited.map((row) => [row.actor_name, row.subject_id]),
      [
        ['liaison.shymkent', own.subscription.id],
        ['admin', national.subscription.id],
      ],
    );
  });

  test('a regional prosecutor sees only subscriptions within their regions, with their deliveries', async () => {
    const id = randomUUID();
    await qg.db.tx((sql) =>
      insertUser(sql, {
        id,
        username: 'prosecutor.almaty',
        displayName: 'Regional prosecutor',
        role: 'prosecutor',
        regions: ['KZ-75'],
        locale: 'en',
        agencyId: null,
        passwordHash: 'x',
      }),
    );
    const regional = await subscribe(qg, 'admin', {
      url: `${receiver.url}/ok-scope`,
      regions: ['KZ-75'],
      modules: ['scope'],
    });
    const national = await subscribe(qg, 'admin', {
      url: `${receiver.url}/ok-scope-all`,
      regions: ['*'],
      modules: ['scope'],
    });
    const elsewhere = await subscribe(qg, 'admin', {
      url: `${receiver.url}/ok-scope-astana`,
      regions: ['KZ-71', 'KZ-75'],
      modules: ['scope'],
    });
    const cookie = await qg.db.tx((sql) => createSession(sql, id, 1));
    const asRegional = (url: string) =>
      qg.app.inject({ method: 'GET', url, headers: { cookie: `qg_session=${cookie.token}` } });
    const listed = (await asRegional('/api/subscriptions'))
      .json<{ subscriptions: { id: string }[] }>()
      .subscriptions.map((item) => item.id);
    assert.ok(listed.includes(regional.subscription.id));
    assert.ok(
      !listed.includes(national.subscription.id) && !listed.includes(elsewhere.subscription.id),
      'no subscription reaching other regions',
    );
    assert.equal(
      (await asRegional(`/api/subscriptions/${regional.subscription.id}/deliveries`)).statusCode,
      200,
    );
    assert.equal(
      (await asRegional(`/api/subscriptions/${national.subscription.id}/deliveries`)).statusCode,
      404,
    );
    assert.equal(
      (await asRegional(`/api/subscriptions/${elsewhere.subscription.id}/deliveries`)).statusCode,
      404,
    );
  });

  test('a redirect is not followed: the attempt fails and the other address hears nothing', async () => {
    const { subscription } = await subscribe(qg, 'admin', {
      url: `${receiver.url}/redirect`,
      modules: ['redirect'],
    });
    const alert = await raise(qg, 'redirect', 'KZ-75', 'high');
    const status = await waitFor(
      async () => {
        const row = await deliveryStatus(qg, subscription.id, alert.id);
        return row?.last_error ? row : undefined;
      },
      3000,
      'a failed attempt',
    );
    assert.match(status.last_error!, /HTTP 302 \(redirects are not followed\)/);
    assert.equal(arrivalsFor(alert.id, '/ok-redirected').length, 0);
  });

  test('a matching alert is POSTed with a signature that verifies with the secret, and without personal data', async () => {
    const { secret } = await subscribe(qg, 'admin', {
      url: `${receiver.url}/ok-sig`,
      regions: ['KZ-75'],
      modules: ['sig'],
      minSeverity: 'high',
    });
    const alert = await raise(qg, 'sig', 'KZ-75', 'high');
    const [arrival] = await waitFor(
      () => (arrivalsFor(alert.id).length ? arrivalsFor(alert.id) : undefined),
      3000,
      'delivery',
    );
    assert.equal(arrival!.path, '/ok-sig');
    const signature = arrival!.headers['x-qadagalau-signature'] as string;
    assert.ok(verifySignature(secret, arrival!.body, signature));
    assert.ok(!verifySignature('another-secret', arrival!.body, signature));
    assert.equal(arrival!.headers['x-qadagalau-event'], 'alert.raised');
    const payload = JSON.parse(arrival!.body) as { event: string; alert: AlertView };
    assert.equal(payload.event, 'alert.raised');
    assert.equal(payload.alert.id, alert.id);
    assert.doesNotMatch(arrival!.body, /850312300123/);
  });

  test('alerts of another region, a lower severity or another module are not delivered', async () => {
    const { subscription } = await subscribe(qg, 'admin', {
      url: `${receiver.url}/ok-filter`,
      regions: ['KZ-75'],
      modules: ['filter'],
      minSeverity: 'high',
    });
    const misses = [
      await raise(qg, 'filter', 'KZ-71', 'critical'),
      await raise(qg, 'filter', 'KZ-75', 'medium'),
      await raise(qg, 'other', 'KZ-75', 'critical'),
    ];
    const hit = await raise(qg, 'filter', 'KZ-75', 'critical');
    await waitFor(
      () => (arrivalsFor(hit.id, '/ok-filter').length ? true : undefined),
      3000,
      'delivery of the matching alert',
    );
    // Every raised event has been through the fan-out, so a missing delivery is a decision, not a delay.
    await waitFor(
      async () => {
        const [row] = await qg.db.query<{ count: number }>(
          `select count(*)::int as count from outbox o where o.type = 'alerts.raised'
           and not exists (select 1 from processed_events p where p.consumer = 'webhooks-fanout' and p.event_id = o.id)`,
        );
        return row!.count === 0 ? true : undefined;
      },
      3000,
      'fan-out of every event',
    );
    for (const miss of misses) {
      assert.equal(arrivalsFor(miss.id).length, 0, `${miss.region} ${miss.severity} ${miss.module}`);
      assert.equal(await deliveryStatus(qg, subscription.id, miss.id), undefined);
    }
  });

  test('an endpoint that fails twice is retried with backoff and ends delivered, with three attempts listed', async () => {
    const { subscription } = await subscribe(qg, 'admin', {
      url: `${receiver.url}/flaky`,
      modules: ['flaky'],
    });
    const alert = await raise(qg, 'flaky', 'KZ-11', 'low');
    await waitFor(
      async () =>
        (await deliveryStatus(qg, subscription.id, alert.id))?.status === 'delivered' ? true : undefined,
      8000,
      'delivery after retries',
    );
    const response = await qg.request('admin', {
      method: 'GET',
      url: `/api/subscriptions/${subscription.id}/deliveries`,
    });
    const attempts = response
      .json<{ deliveries: { attempt: number; httpStatus: number; ok: boolean; deliveryStatus: string }[] }>()
      .deliveries.sort((a, b) => a.attempt - b.attempt);
    assert.deepEqual(
      attempts.map((item) => [item.attempt, item.httpStatus, item.ok]),
      [
        [1, 500, false],
        [2, 500, false],
        [3, 200, true],
      ],
    );
    assert.ok(attempts.every((item) => item.deliveryStatus === 'delivered'));
    const times = arrivalsFor(alert.id, '/flaky').map((item) => item.at);
    assert.equal(times.length, 3);
    // Backoff of 20 ms doubling, with at most 20 % jitter below.
    assert.ok(
      times[1]! - times[0]! >= 16 && times[2]! - times[1]! >= 32,
      `gaps ${times[1]! - times[0]!} ms, ${times[2]! - times[1]!} ms`,
    );
  });

  test('a refused and a hung endpoint do not delay a healthy one, and end dead after the last attempt', async () => {
    const hung = await subscribe(qg, 'admin', { url: `${receiver.url}/hang`, modules: ['iso'] });
    const refused = await subscribe(qg, 'admin', {
      url: `http://127.0.0.1:${await deadPort()}/gone`,
      modules: ['iso'],
    });
    await subscribe(qg, 'admin', { url: `${receiver.url}/ok-iso`, modules: ['iso'] });
    const started = Date.now();
    const alert = await raise(qg, 'iso', 'KZ-75', 'high');
    await waitFor(
      () => (arrivalsFor(alert.id, '/ok-iso').length ? true : undefined),
      1500,
      'delivery to the healthy endpoint',
    );
    assert.ok(Date.now() - started < 1500);
    assert.equal((await deliveryStatus(qg, hung.subscription.id, alert.id))?.status, 'pending');

    for (const { subscription } of [hung, refused]) {
      const dead = await waitFor(
        async () => {
          const row = await deliveryStatus(qg, subscription.id, alert.id);
          return row?.status === 'dead' ? row : undefined;
        },
        10_000,
        'a dead delivery',
      );
      assert.equal(dead.attempts, 3);
      const listed = (
        await qg.request('admin', { method: 'GET', url: `/api/subscriptions/${subscription.id}/deliveries` })
      ).json<{ deliveries: { ok: boolean; deliveryStatus: string }[] }>();
      assert.equal(listed.deliveries.length, 3);
      assert.ok(listed.deliveries.every((item) => !item.ok && item.deliveryStatus === 'dead'));
    }
    assert.match(
      (await deliveryStatus(qg, hung.subscription.id, alert.id))!.last_error!,
      /no answer within 300 ms/,
    );
    assert.match((await deliveryStatus(qg, refused.subscription.id, alert.id))!.last_error!, /ECONNREFUSED/);
  });
});

describe('webhooks with the production answer timeout', () => {
  let qg: TestPlatform;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  before(async () => {
    receiver = await startReceiver();
    qg = await startTestPlatform({
      config: { webhookBackoffMs: 20, webhookTimeoutMs: 5000, webhookMaxAttempts: 3 },
    });
  });
  after(async () => {
    receiver.server.closeAllConnections();
    await qg.stop();
    receiver.server.close();
  });

  test('a delivery hanging on one endpoint does not hold back a new alert for a healthy one', async () => {
    await subscribe(qg, 'admin', { url: `${receiver.url}/hang`, modules: ['slow'] });
    await subscribe(qg, 'admin', { url: `${receiver.url}/ok-fast`, modules: ['fast'] });
    const slow = await raise(qg, 'slow', 'KZ-75', 'high');
    await waitFor(
      () => (receiver.received.some((item) => item.body.includes(slow.id)) ? true : undefined),
      3000,
      'the hung request',
    );
    const started = Date.now();
    const fast = await raise(qg, 'fast', 'KZ-75', 'high');
    await waitFor(
      () => (receiver.received.some((item) => item.body.includes(fast.id)) ? true : undefined),
      8000,
      'delivery to the healthy endpoint',
    );
    const waited = Date.now() - started;
    assert.ok(waited < 1500, `the healthy endpoint waited ${waited} ms behind the hung one`);
  });
});

describe('webhook destinations', () => {
  let qg: TestPlatform;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  before(async () => {
    receiver = await startReceiver();
    qg = await startTestPlatform({
      config: {
        webhookAllowHosts: ['receiver.intranet.gov.kz'],
        webhookBackoffMs: 20,
        webhookTimeoutMs: 300,
        webhookMaxAttempts: 1,
      },
    });
  });
  after(async () => {
    receiver.server.closeAllConnections();
    await qg.stop();
    receiver.server.close();
  });

  test('a subscription to a non-public address, however spelled, is refused and nothing is stored', async () => {
    const count = async () =>
      (await qg.db.query<{ count: number }>('select count(*)::int as count from webhook_subscriptions'))[0]!
        .count;
    const before = await count();
    for (const url of [
      'http://127.0.0.1:6379/',
      'http://169.254.169.254/latest/meta-data/',
      'http://2130706433/',
      'http://0x7f.0.0.1/',
      'http://017700000001/',
      'http://10.1.2.3/hook',
      'http://192.168.0.10/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[fd00::1]/',
      'http://localhost:8080/',
      'http://db.internal/',
      'http://intranet/',
      'https://user:secret@example.org/hook',
    ]) {
      const response = await qg.request('admin', {
        method: 'POST',
        url: '/api/subscriptions',
        payload: { agencyId: 'mvd', url, regions: ['*'], modules: ['*'], minSeverity: 'low' },
      });
      assert.equal(response.statusCode, 400, url);
      assert.equal(response.json().type, '/api/problems/validation', url);
    }
    assert.equal(await count(), before);
    const allowed = await qg.request('admin', {
      method: 'POST',
      url: '/api/subscriptions',
      payload: {
        agencyId: 'mvd',
        url: 'http://receiver.intranet.gov.kz/hook',
        regions: ['*'],
        modules: ['none'],
        minSeverity: 'low',
      },
    });
    assert.equal(allowed.statusCode, 201, 'a host the administrator allowed');
    const publicName = await qg.request('admin', {
      method: 'POST',
      url: '/api/subscriptions',
      payload: {
        agencyId: 'mvd',
        url: 'https://hooks.police.example.kz/alerts',
        regions: ['*'],
        modules: ['none'],
        minSeverity: 'low',
      },
    });
    assert.equal(publicName.statusCode, 201, 'a public name, checked again when connected to');
  });

  test('a stored subscription to loopback is not delivered to: the attempt records why', async () => {
    const id = randomUUID();
    await qg.db.query(
      `insert into webhook_subscriptions (id, agency_id, url, secret, regions, modules, min_severity, topics) values ($1, 'mvd', $2, 's', '{*}', '{loop}', 'low', '{}')`,
      [id, `${receiver.url}/ok-loop`],
    );
    const alert = await raise(qg, 'loop', 'KZ-75', 'high');
    const status = await waitFor(
      async () => {
        const row = await deliveryStatus(qg, id, alert.id);
        return row?.last_error ? row : undefined;
      },
      3000,
      'a refused attempt',
    );
    assert.match(status.last_error!, /destination refused: 127\.0\.0\.1 is not a public address/);
    assert.equal(receiver.received.filter((item) => item.body.includes(alert.id)).length, 0);
  });
});
