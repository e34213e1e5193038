import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { systemActor } from '../auth/actor.js';
import { verifyAuditLog } from '../audit/index.js';
import { startTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import { raiseAlert, raiseAlerts } from './alerts.service.js';
import type { RaiseAlertInput } from './alerts.types.js';

describe('raising alerts in a batch', () => {
  let qg: TestPlatform;
  const input = (
    subject: string,
    dedupeKey: string | undefined,
    summary = `seen ${subject}`,
  ): RaiseAlertInput => ({
    module: 'supervision',
    kind: 'watchlist.match',
    severity: 'high',
    region: 'KZ-75',
    subject: {
      type: 'wanted_person',
      id: subject,
      label: 'К*** А.',
      personal: { fullName: 'Касымов Асхат' },
    },
    title: 'Wanted person seen by a camera',
    summary,
    evidence: { score: 0.9 },
    dedupeKey,
    topics: ['rule:watchlist.match', 'danger:high'],
  });
  const outboxFor = (alertId: string) =>
    qg.db.query<{ type: string; repeats: number | null }>(
      `select type, (payload->'alert'->'evidence'->>'repeats')::int as repeats from outbox where payload->'alert'->>'id' = $1 order by seq`,
      [alertId],
    );

  before(async () => {
    qg = await startTestPlatform();
  });
  after(() => qg.stop());

  test('inputs sharing a dedupe key become one alert with its repeats, in the order they came', async () => {
    const key = `k-${Math.random()}`;
    const results = await qg.bus.tx((sql) =>
      raiseAlerts(sql, systemActor, [
        input('A', key, 'first'),
        input('B', undefined),
        input('A', key, 'second'),
        input('A', key, 'third'),
      ]),
    );
    assert.deepEqual(
      results.map((result) => result.deduplicated),
      [false, false, true, true],
    );
    const [first, other, second, third] = results.map((result) => result.alert);
    assert.equal(second!.id, first!.id);
    assert.equal(third!.id, first!.id);
    assert.notEqual(other!.id, first!.id);
    assert.equal(first!.evidence.repeats, 3);
    const history = await qg.db.query<{ action: string; note: string | null }>(
      'select action, note from alert_history where alert_id = $1 order by at',
      [first!.id],
    );
    assert.deepEqual(
      history.map((row) => [row.action, row.note]),
      [
        ['raised', null],
        ['repeated', 'second'],
        ['repeated', 'third'],
      ],
    );
    const [stored] = await qg.db.query<{ topics: string[]; subject_personal: Record<string, string> }>(
      'select topics, subject_personal from alerts where id = $1',
      [first!.id],
    );
    assert.deepEqual(stored!.topics, ['rule:watchlist.match', 'danger:high']);
    assert.deepEqual(stored!.subject_personal, { fullName: 'Касымов Асхат' });
    assert.deepEqual(await outboxFor(first!.id), [{ type: 'alerts.raised', repeats: 3 }]);
  });

  test('an open alert raised earlier absorbs the batch’s inputs with its key; a closed one does not', async () => {
    const key = `k-${Math.random()}`;
    const earlier = (await qg.bus.tx((sql) => raiseAlert(sql, systemActor, input('C', key)))).alert;
    const joined = await qg.bus.tx((sql) =>
      raiseAlerts(sql, systemActor, [input('C', key), input('C', key)]),
    );
    assert.deepEqual(
      joined.map((result) => [result.alert.id, result.deduplicated]),
      [
        [earlier.id, true],
        [earlier.id, true],
      ],
    );
    assert.equal(joined[0]!.alert.evidence.repeats, 3);
    assert.deepEqual(await outboxFor(earlier.id), [
      { type: 'alerts.raised', repeats: null },
      { type: 'alerts.updated', repeats: 3 },
    ]);

    await qg.db.query(`update alerts set status = 'resolved' where id = $1`, [earlier.id]);
    const [fresh] = await qg.bus.tx((sql) => raiseAlerts(sql, systemActor, [input('C', key)]));
    assert.equal(fresh!.deduplicated, false);
    assert.notEqual(fresh!.alert.id, earlier.id);
  });

  test('an empty dedupe key is no key; each input judges an open alert by its own window', async () => {
    const unkeyed = await qg.bus.tx((sql) => raiseAlerts(sql, systemActor, [input('F', ''), input('F', '')]));
    assert.deepEqual(
      unkeyed.map((result) => result.deduplicated),
      [false, false],
    );
    assert.notEqual(unkeyed[0]!.alert.id, unkeyed[1]!.alert.id);

    const key = `k-${Math.random()}`;
    const earlier = (await qg.bus.tx((sql) => raiseAlert(sql, systemActor, input('G', key)))).alert;
    await qg.db.query(`update alerts set created_at = now() - interval '30 minutes' where id = $1`, [
      earlier.id,
    ]);
    const [wide, narrow, after] = await qg.bus.tx((sql) =>
      raiseAlerts(sql, systemActor, [
        { ...input('G', key), dedupeWindowMinutes: 120 },
        { ...input('G', key), dedupeWindowMinutes: 5 },
        { ...input('G', key), dedupeWindowMinutes: 5 },
      ]),
    );
    assert.equal(wide!.alert.id, earlier.id, 'within two hours: joins the old alert');
    assert.equal(narrow!.deduplicated, false, 'within five minutes: the old alert is too old, so a new one');
    assert.equal(after!.alert.id, narrow!.alert.id, 'and the next joins the new one');
  });

  test('every new alert is audited in the chain, which still verifies', async () => {
    const results = await qg.bus.tx((sql) =>
      raiseAlerts(
        sql,
        systemActor,
        Array.from({ length: 25 }, (_, i) =>
          input(`D${String(i)}`, `d-${String(i)}-${String(Math.random())}`),
        ),
      ),
    );
    const ids = results.map((result) => result.alert.id);
    const audited = await qg.db.query<{ subject_id: string }>(
      `select subject_id from audit_log where action = 'alerts.raised' and subject_id = any($1::text[]) order by seq`,
      [ids],
    );
    assert.deepEqual(
      audited.map((row) => row.subject_id),
      ids,
    );
    const verified = await verifyAuditLog(qg.db, qg.auditKeys.verifiers);
    assert.equal(verified.ok, true, JSON.stringify(verified.problems));
  });

  test('an input in an unknown region refuses the whole batch and stores nothing', async () => {
    const key = `k-${Math.random()}`;
    await assert.rejects(
      qg.bus.tx((sql) =>
        raiseAlerts(sql, systemActor, [input('E', key), { ...input('E', key), region: 'KZ-99' }]),
      ),
      /unknown region/,
    );
    const [row] = await qg.db.query<{ n: number }>(
      'select count(*)::int as n from alerts where dedupe_key = $1',
      [key],
    );
    assert.equal(row!.n, 0);
  });
});
