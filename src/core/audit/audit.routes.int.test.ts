import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import type { VerifyResult } from './audit.service.js';
import { entryHash } from './audit-chain.js';
import type { AuditRow } from './audit.types.js';
import { writeCheckpoint } from './checkpoints.js';

interface Entry {
  seq: number;
  action: string;
  outcome: string;
  actor: { name: string | null };
}

/** A platform whose audit log holds a sign-in and five refused requests: seven entries after the auditor signs in. */
async function platformWithEntries(): Promise<TestPlatform> {
  const qg = await startTestPlatform();
  for (let i = 0; i < 5; i += 1) await qg.request('analyst.almaty', { method: 'GET', url: '/api/users' });
  await qg.login('auditor');
  return qg;
}

const verify = async (qg: TestPlatform) => {
  const response = await qg.request('auditor', { method: 'GET', url: '/api/audit/verify' });
  assert.equal(response.statusCode, 200);
  return response.json<VerifyResult>();
};

/** What someone with the database owner's rights can do: switch off the append-only trigger, change rows, switch it on. */
async function asRogueDba(qg: TestPlatform, statements: string[]): Promise<void> {
  await qg.db.tx(async (sql) => {
    await sql.exec('alter table audit_log disable trigger audit_log_no_update');
    await sql.exec('alter table audit_checkpoints disable trigger audit_checkpoints_no_update');
    for (const statement of statements) await sql.exec(statement);
    await sql.exec('alter table audit_log enable trigger audit_log_no_update');
    await sql.exec('alter table audit_checkpoints enable trigger audit_checkpoints_no_update');
  });
}

/** Signs the current head, as the server does every AUDIT_CHECKPOINT_MINUTES. */
const checkpointNow = (qg: TestPlatform) => writeCheckpoint(qg.db, qg.auditKeys.signer!);

/** Re-links every entry from `fromSeq` to the head, as someone rewriting history would after an edit. */
async function rehashFrom(qg: TestPlatform, fromSeq: number): Promise<void> {
  const rows = (
    await qg.db.query<AuditRow>('select * from audit_log where seq >= $1 order by seq', [fromSeq - 1])
  ).map((row) => ({ ...row, seq: Number(row.seq) }));
  const statements: string[] = [];
  for (let i = 1; i < rows.length; i++) {
    const prev = rows[i - 1]!;
    const row = { ...rows[i]!, prev_hash: prev.hash, at: new Date(rows[i]!.at) };
    row.hash = entryHash(row);
    rows[i] = row;
    statements.push(
      `update audit_log set prev_hash = '${row.prev_hash}', hash = '${row.hash}' where seq = ${row.seq}`,
    );
  }
  await asRogueDba(qg, statements);
}

describe('reading the audit log', () => {
  let qg: TestPlatform;

  before(async () => {
    qg = await platformWithEntries();
  });
  after(() => qg.stop());

  test('anonymous callers get 401; analysts and prosecutors 403, and the refusal is itself audited', async () => {
    assert.equal((await qg.request(null, { method: 'GET', url: '/api/audit' })).statusCode, 401);
    assert.equal((await qg.request(null, { method: 'GET', url: '/api/audit/verify' })).statusCode, 401);
    for (const username of ['analyst.astana', 'prosecutor']) {
      const response = await qg.request(username, { method: 'GET', url: '/api/audit' });
      assert.equal(response.statusCode, 403, username);
      assert.equal(response.json().type, '/api/problems/forbidden');
    }
    assert.equal(
      (await qg.request('analyst.astana', { method: 'GET', url: '/api/audit/verify' })).statusCode,
      403,
    );
    const denied = (await qg.auditActions()).filter(
      (row) => row.action === 'access.denied' && row.subject_id?.startsWith('GET /api/audit'),
    );
    assert.deepEqual(
      denied.map((row) => row.actor_name),
      ['analyst.astana', 'prosecutor', 'analyst.astana'],
    );
  });

  test('the auditor and the admin can read it, newest first', async () => {
    await qg.request('analyst.astana', { method: 'POST', url: '/api/users', payload: {} });
    for (const username of ['auditor', 'admin']) {
      const response = await qg.request(username, { method: 'GET', url: '/api/audit' });
      assert.equal(response.statusCode, 200, username);
      const items = response.json<{ items: Entry[] }>().items;
      const seqs = items.map((item) => item.seq);
      assert.deepEqual(
        seqs,
        [...seqs].sort((a, b) => b - a),
      );
      assert.equal(
        seqs[0],
        Math.max(
          ...(await qg.db.query<{ seq: number }>('select seq from audit_log')).map((row) => Number(row.seq)),
        ),
      );
    }
    const newest = (await qg.request('auditor', { method: 'GET', url: '/api/audit?limit=1' })).json<{
      items: Entry[];
    }>().items[0];
    assert.equal(newest?.action, 'auth.login', 'the admin’s sign-in above is the newest entry');
  });

  test('filters by action and outcome return only matching entries, all of them', async () => {
    const logins = (
      await qg.request('auditor', { method: 'GET', url: '/api/audit?action=auth.login' })
    ).json<{ items: Entry[] }>().items;
    assert.ok(logins.length >= 4);
    assert.ok(logins.every((item) => item.action === 'auth.login'));
    const denied = (await qg.request('auditor', { method: 'GET', url: '/api/audit?outcome=denied' })).json<{
      items: Entry[];
    }>().items;
    const [count] = await qg.db.query<{ count: number }>(
      `select count(*)::int as count from audit_log where outcome = 'denied'`,
    );
    assert.equal(denied.length, count!.count);
    assert.ok(denied.every((item) => item.outcome === 'denied'));
    const both = (
      await qg.request('auditor', {
        method: 'GET',
        url: '/api/audit?action=access.denied&actor=analyst.almaty',
      })
    ).json<{ items: Entry[] }>().items;
    assert.equal(both.length, 5);
    assert.ok(both.every((item) => item.actor.name === 'analyst.almaty'));
    const invalid = await qg.request('auditor', { method: 'GET', url: '/api/audit?outcome=maybe' });
    assert.equal(invalid.statusCode, 400);
    assert.equal(invalid.json().type, '/api/problems/validation');
  });

  test('the cursor pages through every entry once, newest to oldest', async () => {
    const seen: number[] = [];
    let url = '/api/audit?limit=3';
    for (let page = 0; page < 50; page += 1) {
      const body = (await qg.request('auditor', { method: 'GET', url })).json<{
        items: Entry[];
        nextCursor: number | null;
      }>();
      seen.push(...body.items.map((item) => item.seq));
      if (body.nextCursor === null) break;
      url = `/api/audit?limit=3&cursor=${body.nextCursor}`;
    }
    const all = (await qg.db.query<{ seq: number }>('select seq from audit_log order by seq desc')).map(
      (row) => Number(row.seq),
    );
    assert.deepEqual(seen, all);
  });

  test('verification of an untouched log is ok and names its head', async () => {
    const result = await verify(qg);
    const [last] = await qg.db.query<{ seq: number; hash: string }>(
      'select seq, hash from audit_log order by seq desc limit 1',
    );
    assert.equal(result.ok, true);
    assert.deepEqual(result.problems, []);
    assert.equal(result.checked, Number(last!.seq));
    assert.deepEqual(result.head, { seq: Number(last!.seq), hash: last!.hash });
  });

  test('the log is append-only: a plain update or delete fails and changes nothing', async () => {
    const before = await qg.db.query('select * from audit_log order by seq');
    await assert.rejects(
      qg.db.query(`update audit_log set outcome = 'success' where outcome = 'denied'`),
      /append-only/,
    );
    await assert.rejects(qg.db.query('delete from audit_log where seq = 2'), /append-only/);
    await assert.rejects(
      qg.db.tx((sql) => sql.query(`update audit_log set details = '{}' where seq = 1`)),
      /append-only/,
    );
    assert.deepEqual(await qg.db.query('select * from audit_log order by seq'), before);
    assert.equal((await verify(qg)).ok, true);
  });

  test('TRUNCATE is refused as well, on the log and on its signed checkpoints', async () => {
    const before = await qg.db.query('select * from audit_log order by seq');
    await assert.rejects(qg.db.exec('truncate audit_log'), /append-only/);
    await assert.rejects(qg.db.exec('truncate audit_checkpoints'), /append-only/);
    await assert.rejects(qg.db.query('delete from audit_checkpoints'), /append-only/);
    assert.deepEqual(await qg.db.query('select * from audit_log order by seq'), before);
  });

  test('the head is signed at start; the public key that verifies it is published to auditors', async () => {
    const result = await verify(qg);
    assert.ok(result.checkpoints.count >= 1);
    assert.equal(
      result.checkpoints.keys.every((key) => key.known),
      true,
    );
    const key = (await qg.request('auditor', { method: 'GET', url: '/api/audit/public-key' })).json<{
      keyId: string;
      publicKey: string;
    }>();
    assert.equal(key.keyId, qg.auditKeys.signer!.keyId);
    assert.equal(Buffer.from(key.publicKey, 'base64').length, 32);
  });
});

describe('tampering by someone who bypasses the append-only trigger', () => {
  let qg: TestPlatform;

  beforeEach(async () => {
    qg = await platformWithEntries();
    assert.equal((await verify(qg)).ok, true);
  });
  afterEach(() => qg.stop());

  const problems = async () => {
    const result = await verify(qg);
    assert.equal(result.ok, false);
    return result.problems.map((problem) => [problem.kind, problem.seq]);
  };

  test('an edited entry is named as edited at its seq', async () => {
    await asRogueDba(qg, [`update audit_log set outcome = 'success' where seq = 3`]);
    assert.deepEqual(await problems(), [['edited', 3]]);
  });

  test('an edited entry whose hash was recomputed to match is still named as edited, by the next entry’s link', async () => {
    const [row] = await qg.db.query<AuditRow>('select * from audit_log where seq = 3');
    const forged = entryHash({ ...row!, actor_name: 'someone.else' });
    await asRogueDba(qg, [
      `update audit_log set actor_name = 'someone.else', hash = '${forged}' where seq = 3`,
    ]);
    assert.deepEqual(await problems(), [['edited', 3]]);
  });

  test('an entry deleted from the middle is named as deleted', async () => {
    await asRogueDba(qg, ['delete from audit_log where seq = 4']);
    const result = await verify(qg);
    assert.deepEqual(
      result.problems.map((problem) => [problem.kind, problem.seq]),
      [['deleted', 5]],
    );
    assert.match(result.problems[0]!.message, /expected 4/);
  });

  test('the newest entries deleted are caught by the checkpoint that signed them', async () => {
    await checkpointNow(qg);
    const [head] = await qg.db.query<{ seq: number }>('select max(seq)::int as seq from audit_log');
    await asRogueDba(qg, [`delete from audit_log where seq >= ${head!.seq - 1}`]);
    const result = await verify(qg);
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.problems.map((problem) => [problem.kind, problem.seq]),
      [['truncated', head!.seq]],
    );
  });

  test('an edit with the chain re-hashed from it to the head is caught by the checkpoint’s hash', async () => {
    await checkpointNow(qg);
    const [row] = await qg.db.query<AuditRow>('select * from audit_log where seq = 3');
    const edited = { ...row!, at: new Date(row!.at), actor_name: 'someone.else' };
    await asRogueDba(qg, [
      `update audit_log set actor_name = 'someone.else', hash = '${entryHash(edited)}' where seq = 3`,
    ]);
    await rehashFrom(qg, 4);
    const result = await verify(qg);
    assert.equal(result.ok, false);
    assert.ok(
      result.problems.some((problem) => problem.kind === 'rehashed'),
      JSON.stringify(result.problems),
    );
  });

  test('a checkpoint written without the key, to cover a rewrite, is named as forged', async () => {
    await rehashFrom(qg, 2);
    const [head] = await qg.db.query<{ seq: number; hash: string }>(
      'select seq, hash from audit_log order by seq desc limit 1',
    );
    await asRogueDba(qg, [
      `insert into audit_checkpoints (head_seq, head_hash, at, key_id, signature) values (${head!.seq}, '${head!.hash}', now(), '${qg.auditKeys.signer!.keyId}', '${Buffer.alloc(64).toString('base64')}')`,
    ]);
    assert.ok((await problems()).some(([kind]) => kind === 'forged'));
  });

  test('two entries with their seq values swapped are named as reordered', async () => {
    await asRogueDba(qg, [
      'update audit_log set seq = -3 where seq = 3',
      'update audit_log set seq = 3 where seq = 4',
      'update audit_log set seq = 4 where seq = -3',
    ]);
    const found = await problems();
    assert.ok(
      found.every(([kind]) => kind === 'reordered'),
      JSON.stringify(found),
    );
    assert.deepEqual(found.map(([, seq]) => seq).slice(0, 2), [3, 4]);
  });
});
