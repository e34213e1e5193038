import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { raiseAlert } from './alerts.service.js';
import { systemActor } from '../auth/actor.js';

describe('escalation and false positives', () => {
  let qg: TestPlatform;
  const raise = async () =>
    (
      await qg.bus.tx((sql) =>
        raiseAlert(sql, systemActor, {
          module: 'supervision',
          kind: 'watchlist.match',
          severity: 'high',
          region: 'KZ-75',
          subject: { type: 'wanted_person', id: `W-${Math.random()}`, label: 'К*** А.' },
          title: 'Wanted person seen by a camera',
          summary: 'Name and birth date match (score 0.91).',
          evidence: { score: 0.91 },
        }),
      )
    ).alert;

  before(async () => {
    qg = await startTestPlatform();
  });
  after(() => qg.stop());

  test('escalating needs a reason, records it in the history and the audit log', async () => {
    const alert = await raise();
    await qg.request('duty.almaty', {
      method: 'POST',
      url: `/api/alerts/${alert.id}/acknowledge`,
      payload: {},
    });
    const noReason = await qg.request('duty.almaty', {
      method: 'POST',
      url: `/api/alerts/${alert.id}/escalate`,
      payload: { reason: '' },
    });
    assert.equal(noReason.statusCode, 400);
    const response = await qg.request('duty.almaty', {
      method: 'POST',
      url: `/api/alerts/${alert.id}/escalate`,
      payload: { reason: 'Armed; needs the regional prosecutor' },
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().status, 'escalated');
    const detail = (
      await qg.request('duty.almaty', { method: 'GET', url: `/api/alerts/${alert.id}` })
    ).json();
    assert.equal(detail.history.at(-1).note, 'Armed; needs the regional prosecutor');
    const audit = (await qg.auditActions())
      .filter((row) => row.subject_id === alert.id)
      .map((row) => row.action);
    assert.ok(audit.includes('alerts.escalate'));
  });

  test('a false positive is closed with its outcome and cannot be reopened by another action', async () => {
    const alert = await raise();
    await qg.request('duty.almaty', {
      method: 'POST',
      url: `/api/alerts/${alert.id}/acknowledge`,
      payload: {},
    });
    const response = await qg.request('duty.almaty', {
      method: 'POST',
      url: `/api/alerts/${alert.id}/false-positive`,
      payload: { outcome: 'Namesake; birth date differs on the passport' },
    });
    assert.equal(response.json().status, 'false_positive');
    assert.equal(response.json().outcome, 'Namesake; birth date differs on the passport');
    const again = await qg.request('duty.almaty', {
      method: 'POST',
      url: `/api/alerts/${alert.id}/escalate`,
      payload: { reason: 'second thoughts' },
    });
    assert.equal(again.statusCode, 409);
  });

  test('an officer of another region cannot act on the alert, and learns nothing about it', async () => {
    const alert = await raise();
    const response = await qg.request('analyst.astana', {
      method: 'POST',
      url: `/api/alerts/${alert.id}/acknowledge`,
      payload: {},
    });
    assert.equal(response.statusCode, 404);
    const unchanged = await qg.request('duty.almaty', { method: 'GET', url: `/api/alerts/${alert.id}` });
    assert.equal(unchanged.json().status, 'new');
  });
});
