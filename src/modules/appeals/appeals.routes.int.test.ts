import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../core/testing/index.js';
import { appealsModule } from './module.js';

const threat = {
  externalId: 'ЖТ-1001',
  submittedAt: '2026-11-20T09:15:00+05:00',
  channel: 'eotinish',
  region: 'KZ-75',
  subject: 'Угрозы убийством',
  text: 'Бывший муж угрожает убить меня и детей, вчера пришёл с ножом и кричал что зарежет. Полиция не реагирует. Его номер +7 701 234 56 78. Прошу защитить.',
  applicant: { name: 'Сериковa Айгерим Болатовна', iin: '850312400120', phone: '+7 701 111 22 33' },
};
const ordinary = {
  externalId: 'ЖТ-1002',
  submittedAt: '2026-11-20T10:00:00+05:00',
  channel: 'eotinish',
  region: 'KZ-75',
  text: 'Во дворе дома по улице Абая 10 уже месяц не вывозят мусор, прошу принять меры.',
};

describe('appeals intake and queue', () => {
  let qg: TestPlatform;
  let connector: string;

  before(async () => {
    qg = await startTestPlatform({ modules: [appealsModule] });
    connector = await qg.apiKey(['appeals.ingest'], ['KZ-75', 'KZ-71']);
  });
  after(() => qg.stop());

  const ingest = (body: unknown, key = connector) =>
    qg.app.inject({
      method: 'POST',
      url: '/api/appeals',
      payload: body as object,
      headers: { authorization: `Bearer ${key}` },
    });

  test('intake needs the connector’s key', async () => {
    assert.equal(
      (await qg.app.inject({ method: 'POST', url: '/api/appeals', payload: threat })).statusCode,
      401,
    );
    assert.equal(
      (await qg.request('analyst.almaty', { method: 'POST', url: '/api/appeals', payload: threat }))
        .statusCode,
      403,
    );
  });

  test('a threat to kill is screened, raises a critical alert at once, and its entities are indexed', async () => {
    const response = await ingest(threat);
    assert.equal(response.statusCode, 201, response.body);
    const result = response.json();
    assert.ok(result.labels.includes('threat'), JSON.stringify(result));
    assert.equal(result.riskLevel, 'critical');
    assert.ok(result.alertId);
    const alert = (
      await qg.request('prosecutor', { method: 'GET', url: `/api/alerts/${String(result.alertId)}` })
    ).json();
    assert.equal(alert.module, 'appeals');
    assert.equal(alert.severity, 'critical');
    assert.doesNotMatch(JSON.stringify(alert), /850312400120|Айгерим/);
    const mentions = await qg.db.query<{ kind: string; value: string }>(
      'select kind, value from entity_mentions where source_id = $1',
      [result.id],
    );
    assert.deepEqual(
      mentions.map((m) => `${m.kind}:${m.value}`),
      ['phone:+77012345678'],
    );
  });

  test('the same external id again changes nothing and returns the stored result', async () => {
    const again = await ingest(threat);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().status, 'duplicate');
    const rows = await qg.db.query('select id from appeals where external_id = $1', [threat.externalId]);
    assert.equal(rows.length, 1);
  });

  test('an ordinary appeal is low risk and raises no alert', async () => {
    const result = (await ingest(ordinary)).json();
    assert.deepEqual(result.labels, []);
    assert.equal(result.riskLevel, 'low');
    assert.equal(result.alertId, null);
  });

  test('invalid input is refused with the field named and stores nothing', async () => {
    const response = await ingest({ ...ordinary, externalId: 'ЖТ-BAD', region: 'KZ-00' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().type, '/api/problems/validation');
    assert.equal((await qg.db.query('select 1 from appeals where external_id = $1', ['ЖТ-BAD'])).length, 0);
  });

  test('a batch keeps the good records and rejects the bad ones one by one, with reasons', async () => {
    const response = await qg.app.inject({
      method: 'POST',
      url: '/api/appeals/batch',
      headers: { authorization: `Bearer ${connector}` },
      payload: {
        appeals: [
          { ...ordinary, externalId: 'ЖТ-2001' },
          { ...ordinary, externalId: 'ЖТ-2002', submittedAt: 'yesterday' },
          { ...ordinary, externalId: 'ЖТ-2003', region: 'KZ-35' },
          ordinary,
        ],
      },
    });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.deepEqual([body.created, body.duplicates, body.rejected], [1, 1, 2]);
    assert.deepEqual(
      body.results.map((r: { status: string }) => r.status),
      ['created', 'rejected', 'rejected', 'duplicate'],
    );
    assert.equal(body.results[1].errors[0].field, '/submittedAt');
    assert.match(body.results[2].errors[0].message, /outside the regions/);
  });

  test('an item holding text no column can take is refused alone, with its reason; the rest of the batch is taken in', async () => {
    const response = await qg.app.inject({
      method: 'POST',
      url: '/api/appeals/batch',
      headers: { authorization: `Bearer ${connector}` },
      payload: {
        appeals: [
          { ...ordinary, externalId: 'ЖТ-3001' },
          { ...ordinary, externalId: 'ЖТ-3002', text: 'мусор \u0000 во дворе' },
          { ...ordinary, externalId: 'ЖТ-3003', subject: 'x\ud800' },
          { ...ordinary, externalId: 'ЖТ-3004' },
        ],
      },
    });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.deepEqual(
      body.results.map((r: { status: string }) => r.status),
      ['created', 'rejected', 'rejected', 'created'],
    );
    assert.deepEqual(body.results[1].errors, [
      { field: '/text', message: 'must not contain NUL characters or unpaired surrogates' },
    ]);
    assert.equal(body.results[2].errors[0].field, '/subject');
  });

  test('the queue is region-scoped and carries neither text nor personal data', async () => {
    const almaty = (
      await qg.request('analyst.almaty', { method: 'GET', url: '/api/appeals?risk=critical' })
    ).json();
    assert.ok(almaty.items.some((item: { externalId: string }) => item.externalId === threat.externalId));
    assert.doesNotMatch(JSON.stringify(almaty), /850312400120|Айгерим|зарежет/);
    const astana = (await qg.request('analyst.astana', { method: 'GET', url: '/api/appeals' })).json();
    assert.equal(astana.items.length, 0);
    assert.equal(
      (await qg.request('analyst.astana', { method: 'GET', url: '/api/appeals?region=KZ-75' })).statusCode,
      403,
    );
    assert.equal(
      (await qg.request('analyst.almaty', { method: 'GET', url: '/api/appeals?risk=urgent' })).statusCode,
      400,
    );
    assert.equal(
      (await qg.request('liaison.shymkent', { method: 'GET', url: '/api/appeals' })).statusCode,
      403,
    );
  });

  test('reading an appeal shows the evidence to highlight and is audited; the applicant needs a purpose', async () => {
    const [row] = await qg.db.query<{ id: string }>('select id from appeals where external_id = $1', [
      threat.externalId,
    ]);
    const detail = (
      await qg.request('analyst.almaty', { method: 'GET', url: `/api/appeals/${row!.id}` })
    ).json();
    const phrases = detail.explanation.labels.threat as {
      text: string;
      start: number;
      end: number;
      field: string;
    }[];
    assert.ok(phrases.length > 0);
    for (const phrase of phrases)
      assert.equal(
        (phrase.field === 'subject' ? threat.subject : detail.text).slice(phrase.start, phrase.end),
        phrase.text,
      );
    assert.equal(
      (await qg.request('analyst.astana', { method: 'GET', url: `/api/appeals/${row!.id}` })).statusCode,
      404,
    );
    const noPurpose = await qg.request('analyst.almaty', {
      method: 'POST',
      url: `/api/appeals/${row!.id}/reveal`,
      payload: { purpose: 'x' },
    });
    assert.equal(noPurpose.statusCode, 400);
    const revealed = await qg.request('analyst.almaty', {
      method: 'POST',
      url: `/api/appeals/${row!.id}/reveal`,
      payload: { purpose: 'Calling the applicant to arrange protection' },
    });
    assert.equal(revealed.json().applicant.iin, '850312400120');
    const audit = (await qg.auditActions())
      .filter((entry) => entry.subject_id === row!.id)
      .map((entry) => entry.action);
    assert.ok(audit.includes('appeals.viewed'));
    assert.ok(audit.includes('appeals.applicantRevealed'));
  });

  test('analyst actions: correct labels, route, close with an outcome; each audited; closed stays closed', async () => {
    const [row] = await qg.db.query<{ id: string }>('select id from appeals where external_id = $1', [
      'ЖТ-1002',
    ]);
    const id = row!.id;
    const bad = await qg.request('analyst.almaty', {
      method: 'POST',
      url: `/api/appeals/${id}/correct`,
      payload: { labels: ['arson'] },
    });
    assert.equal(bad.statusCode, 400);
    const corrected = await qg.request('analyst.almaty', {
      method: 'POST',
      url: `/api/appeals/${id}/correct`,
      payload: { labels: ['corruption'], note: 'The KSK chairman demands money' },
    });
    assert.deepEqual(corrected.json().labels, ['corruption']);
    assert.deepEqual(corrected.json().modelLabels, []);
    assert.equal(
      (
        await qg.request('analyst.almaty', {
          method: 'POST',
          url: `/api/appeals/${id}/route`,
          payload: { agency: 'anticor' },
        })
      ).json().status,
      'routed',
    );
    assert.equal(
      (
        await qg.request('duty.almaty', {
          method: 'POST',
          url: `/api/appeals/${id}/close`,
          payload: { outcome: 'x x x' },
        })
      ).statusCode,
      403,
    );
    const closed = await qg.request('analyst.almaty', {
      method: 'POST',
      url: `/api/appeals/${id}/close`,
      payload: { outcome: 'Forwarded to the Anti-Corruption Agency' },
    });
    assert.equal(closed.json().status, 'closed');
    assert.equal(
      (
        await qg.request('analyst.almaty', {
          method: 'POST',
          url: `/api/appeals/${id}/escalate`,
          payload: { reason: 'again' },
        })
      ).statusCode,
      409,
    );
    const audit = (await qg.auditActions())
      .filter((entry) => entry.subject_id === id)
      .map((entry) => entry.action);
    assert.deepEqual(
      audit.filter((action) => action !== 'appeals.viewed'),
      ['appeals.ingested', 'appeals.correct', 'appeals.route', 'appeals.close'],
    );
  });

  test('stats count by label and region and report the model in use', async () => {
    const stats = (await qg.request('prosecutor', { method: 'GET', url: '/api/appeals/stats' })).json();
    assert.ok(stats.byLabel.threat >= 1);
    assert.ok(stats.byRegion['KZ-75'].total >= 3);
    assert.equal(stats.screenedWithinMinute, 1);
    assert.match(stats.modelVersion, /^appeals-/);
  });

  test('only an admin activates a model, naming the one it replaces', async () => {
    const models = (await qg.request('prosecutor', { method: 'GET', url: '/api/appeals/models' })).json()
      .models;
    const active = String(models.find((model: { active: boolean }) => model.active).version);
    assert.equal(
      (
        await qg.request('prosecutor', {
          method: 'POST',
          url: `/api/appeals/models/${active}/activate`,
          payload: { replacing: active },
        })
      ).statusCode,
      403,
    );
    assert.equal(
      (
        await qg.request('admin', {
          method: 'POST',
          url: `/api/appeals/models/${active}/activate`,
          payload: { replacing: 'older' },
        })
      ).statusCode,
      409,
    );
    const ok = await qg.request('admin', {
      method: 'POST',
      url: `/api/appeals/models/${active}/activate`,
      payload: { replacing: active },
    });
    assert.equal(ok.statusCode, 200);
  });
});
