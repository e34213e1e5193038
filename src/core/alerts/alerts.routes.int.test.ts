import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import type { AlertView, RaiseAlertInput } from './alerts.types.js';
import { raiseAlert } from './alerts.service.js';
import { systemActor } from '../auth/actor.js';

const input = (region: string, extra: Partial<RaiseAlertInput> = {}): RaiseAlertInput => ({
  module: 'appeals',
  kind: 'appeal.threat',
  severity: 'high',
  region,
  subject: {
    type: 'applicant',
    id: `A-${Math.random()}`,
    label: 'А***** Б.',
    personal: { fullName: 'Асанов Болат', iin: '850312300123' },
  },
  title: 'Threat to kill in an appeal',
  summary: 'The words "I will kill you" drove the threat label (p = 0.94).',
  evidence: { probability: 0.94 },
  ...extra,
});

describe('alert inbox', () => {
  let qg: TestPlatform;
  let almaty: AlertView;
  let astana: AlertView;

  before(async () => {
    qg = await startTestPlatform();
    almaty = (await qg.bus.tx((sql) => raiseAlert(sql, systemActor, input('KZ-75')))).alert;
    astana = (await qg.bus.tx((sql) => raiseAlert(sql, systemActor, input('KZ-71')))).alert;
  });
  after(() => qg.stop());

  test('anonymous requests get 401 problem+json', async () => {
    const response = await qg.request(null, { method: 'GET', url: '/api/alerts' });
    assert.equal(response.statusCode, 401);
    assert.match(response.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(response.json().type, '/api/problems/unauthenticated');
  });

  test('a regional analyst sees only their region', async () => {
    const response = await qg.request('analyst.almaty', { method: 'GET', url: '/api/alerts' });
    assert.equal(response.statusCode, 200);
    const ids = (response.json().items as AlertView[]).map((alert) => alert.id);
    assert.ok(ids.includes(almaty.id));
    assert.ok(!ids.includes(astana.id));
  });

  test('asking for another region is 403, and an alert there looks like one that does not exist', async () => {
    const filtered = await qg.request('analyst.almaty', { method: 'GET', url: '/api/alerts?region=KZ-71' });
    assert.equal(filtered.statusCode, 403);
    assert.equal(filtered.json().type, '/api/problems/region-forbidden');
    const other = await qg.request('analyst.almaty', { method: 'GET', url: `/api/alerts/${astana.id}` });
    const missing = await qg.request('analyst.almaty', {
      method: 'GET',
      url: '/api/alerts/00000000-0000-4000-8000-000000000000',
    });
    assert.equal(other.statusCode, 404);
    assert.equal(missing.statusCode, 404);
    assert.equal(other.json().title, missing.json().title);
  });

  test('lists show the masked subject, never the personal data', async () => {
    const response = await qg.request('prosecutor', { method: 'GET', url: '/api/alerts' });
    assert.doesNotMatch(response.body, /850312300123|Асанов/);
  });

  test('invalid filters are refused with the field named', async () => {
    const response = await qg.request('prosecutor', { method: 'GET', url: '/api/alerts?severity=urgent' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().type, '/api/problems/validation');
    assert.ok(response.json().errors.some((error: { field: string }) => error.field.includes('severity')));
  });

  test('the auditor may read alerts but not act on them (403, audited as denied)', async () => {
    const response = await qg.request('auditor', {
      method: 'POST',
      url: `/api/alerts/${almaty.id}/acknowledge`,
      payload: {},
    });
    assert.equal(response.statusCode, 403);
    const denied = (await qg.auditActions()).filter(
      (row) => row.action === 'access.denied' && row.actor_name === 'auditor',
    );
    assert.equal(denied.length, 1);
  });

  test('a write without the CSRF token is refused and changes nothing', async () => {
    const session = await qg.login('duty.almaty');
    const response = await qg.app.inject({
      method: 'POST',
      url: `/api/alerts/${almaty.id}/acknowledge`,
      payload: {},
      headers: { cookie: session.cookie },
    });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().type, '/api/problems/csrf');
    const after = await qg.request('duty.almaty', { method: 'GET', url: `/api/alerts/${almaty.id}` });
    assert.equal(after.json().status, 'new');
  });

  test('the lifecycle: acknowledge, assign, resolve with an outcome, each audited and in the history', async () => {
    const { alert } = await qg.bus.tx((sql) => raiseAlert(sql, systemActor, input('KZ-75')));
    const ack = await qg.request('duty.almaty', {
      method: 'POST',
      url: `/api/alerts/${alert.id}/acknowledge`,
      payload: {},
    });
    assert.equal(ack.statusCode, 200);
    assert.equal(ack.json().status, 'acknowledged');
    const assign = await qg.request('duty.almaty', {
      method: 'POST',
      url: `/api/alerts/${alert.id}/assign`,
      payload: { assigneeId: qg.userIds['analyst.almaty'] },
    });
    assert.equal(assign.json().status, 'assigned');
    assert.equal(assign.json().assignee.id, qg.userIds['analyst.almaty']);
    const noOutcome = await qg.request('analyst.almaty', {
      method: 'POST',
      url: `/api/alerts/${alert.id}/resolve`,
      payload: {},
    });
    assert.equal(noOutcome.statusCode, 400);
    const resolve = await qg.request('analyst.almaty', {
      method: 'POST',
      url: `/api/alerts/${alert.id}/resolve`,
      payload: { outcome: 'Police visited; applicant safe' },
    });
    assert.equal(resolve.json().status, 'resolved');
    assert.equal(resolve.json().outcome, 'Police visited; applicant safe');
    const detail = (
      await qg.request('analyst.almaty', { method: 'GET', url: `/api/alerts/${alert.id}` })
    ).json();
    assert.deepEqual(
      detail.history.map((step: { action: string }) => step.action),
      ['raised', 'acknowledge', 'assign', 'resolve'],
    );
    const actions = (await qg.auditActions())
      .filter((row) => row.subject_id === alert.id)
      .map((row) => row.action);
    assert.deepEqual(actions, ['alerts.raised', 'alerts.acknowledge', 'alerts.assign', 'alerts.resolve']);
  });

  test('an impossible transition is 409 and changes nothing', async () => {
    const response = await qg.request('duty.almaty', {
      method: 'POST',
      url: `/api/alerts/${almaty.id}/resolve`,
      payload: { outcome: 'done' },
    });
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().type, '/api/problems/invalid-transition');
  });

  test('assigning to someone outside the alert’s region is refused', async () => {
    const response = await qg.request('prosecutor', {
      method: 'POST',
      url: `/api/alerts/${almaty.id}/assign`,
      payload: { assigneeId: qg.userIds['analyst.astana'] },
    });
    assert.equal(response.statusCode, 400);
  });

  test('revealing personal data needs a purpose, returns it, and audits the purpose', async () => {
    const refused = await qg.request('duty.almaty', {
      method: 'POST',
      url: `/api/alerts/${almaty.id}/reveal`,
      payload: {},
    });
    assert.equal(refused.statusCode, 400);
    const purpose = 'Checking the applicant before a police visit';
    const response = await qg.request('duty.almaty', {
      method: 'POST',
      url: `/api/alerts/${almaty.id}/reveal`,
      payload: { purpose },
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().subject.iin, '850312300123');
    const reveal = (await qg.auditActions()).find((row) => row.action === 'alerts.personalDataRevealed');
    assert.equal(reveal?.purpose, purpose);
    assert.equal(reveal?.actor_name, 'duty.almaty');
  });

  test('a comment is stored and counted', async () => {
    const response = await qg.request('duty.almaty', {
      method: 'POST',
      url: `/api/alerts/${almaty.id}/comments`,
      payload: { body: 'Called the applicant' },
    });
    assert.equal(response.statusCode, 201);
    assert.equal(response.json().commentsCount, 1);
  });

  test('an API key with alerts.create raises an alert; the same dedupe key merges into it', async () => {
    const key = await qg.apiKey(['alerts.create'], ['KZ-75']);
    const body = input('KZ-75', { dedupeKey: 'camera-12:person-7' });
    delete body.subject.personal;
    const first = await qg.app.inject({
      method: 'POST',
      url: '/api/alerts',
      payload: body,
      headers: { authorization: `Bearer ${key}` },
    });
    assert.equal(first.statusCode, 201, first.body);
    const second = await qg.app.inject({
      method: 'POST',
      url: '/api/alerts',
      payload: body,
      headers: { authorization: `Bearer ${key}` },
    });
    assert.equal(second.statusCode, 200);
    assert.equal(second.json().alert.id, first.json().alert.id);
    assert.equal(second.json().alert.evidence.repeats, 2);
    const outside = await qg.app.inject({
      method: 'POST',
      url: '/api/alerts',
      payload: input('KZ-71'),
      headers: { authorization: `Bearer ${key}` },
    });
    assert.equal(outside.statusCode, 403);
  });

  test('a user without alerts.create cannot raise alerts', async () => {
    const response = await qg.request('analyst.almaty', {
      method: 'POST',
      url: '/api/alerts',
      payload: input('KZ-75'),
    });
    assert.equal(response.statusCode, 403);
  });

  test('the summary counts open alerts by region within scope', async () => {
    const response = await qg.request('analyst.astana', { method: 'GET', url: '/api/alerts/summary' });
    assert.deepEqual(Object.keys(response.json().byRegion), ['KZ-71']);
  });

  test('pages follow the cursor without repeats', async () => {
    const first = (await qg.request('prosecutor', { method: 'GET', url: '/api/alerts?limit=2' })).json();
    assert.equal(first.items.length, 2);
    const second = (
      await qg.request('prosecutor', {
        method: 'GET',
        url: `/api/alerts?limit=2&cursor=${String(first.nextCursor)}`,
      })
    ).json();
    const ids = [...first.items, ...second.items].map((alert: AlertView) => alert.id);
    assert.equal(new Set(ids).size, ids.length);
  });
});
