import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkChain, entryHash, GENESIS_HASH } from './audit-chain.js';
import type { AuditRow } from './audit.types.js';

/** A correctly linked chain of `count` entries, as appendAudit writes them. */
function chain(count: number): AuditRow[] {
  const rows: AuditRow[] = [];
  for (let seq = 1; seq <= count; seq += 1) {
    const fields = {
      at: new Date(Date.UTC(2024, 0, 1, 9, 0, seq)),
      actor_type: 'user',
      actor_id: `u-${seq % 2}`,
      actor_name: seq % 2 ? 'analyst.almaty' : 'auditor',
      action: 'alerts.acknowledge',
      subject_type: 'alert',
      subject_id: `a-${seq}`,
      region: 'KZ-75',
      request_id: `r-${seq}`,
      outcome: 'success',
      purpose: null,
      details: { seq, nested: { b: 1, a: [1, 2] } },
      prev_hash: rows[seq - 2]?.hash ?? GENESIS_HASH,
    };
    rows.push({ seq, ...fields, hash: entryHash(fields) });
  }
  return rows;
}

const index = (rows: AuditRow[]) => new Map(rows.map((row) => [row.hash, row.seq]));
const kinds = (rows: AuditRow[]) =>
  checkChain(rows, index(rows)).map((problem) => [problem.kind, problem.seq]);

test('the hash is deterministic, covers every field, and ignores key order in details and the seq', () => {
  const [row] = chain(1) as [AuditRow];
  assert.equal(entryHash(row), row.hash);
  assert.match(row.hash, /^[0-9a-f]{64}$/);
  assert.equal(entryHash({ ...row, details: { nested: { a: [1, 2], b: 1 }, seq: 1 } }), row.hash);
  const renumbered: AuditRow = { ...row, seq: 99 };
  assert.equal(entryHash(renumbered), row.hash);
  const changes: Partial<AuditRow>[] = [
    { at: new Date(row.at.getTime() + 1) },
    { actor_name: 'someone.else' },
    { action: 'alerts.resolve' },
    { subject_id: null },
    { region: 'KZ-71' },
    { outcome: 'denied' },
    { purpose: 'curiosity' },
    { details: { seq: 1, nested: { b: 2, a: [1, 2] } } },
    { details: { seq: 1, nested: { b: 1, a: [2, 1] } } },
    { prev_hash: 'f'.repeat(64) },
  ];
  for (const change of changes)
    assert.notEqual(entryHash({ ...row, ...change }), row.hash, JSON.stringify(change));
});

test('an intact chain has no problems, also when checked page by page', () => {
  const rows = chain(6);
  assert.deepEqual(checkChain(rows, index(rows)), []);
  assert.deepEqual(checkChain(rows.slice(3), index(rows), rows[2]), []);
  assert.deepEqual(checkChain([], new Map()), []);
});

test('an edited field is reported as edited at that entry, and only there', () => {
  const rows = chain(5);
  rows[2] = { ...rows[2]!, outcome: 'denied' };
  assert.deepEqual(kinds(rows), [['edited', 3]]);
});

test('an edit whose hash was recomputed to match is caught by the next entry’s link', () => {
  const rows = chain(5);
  const forged = { ...rows[2]!, actor_name: 'someone.else' };
  rows[2] = { ...forged, hash: entryHash(forged) };
  assert.deepEqual(kinds(rows), [['edited', 3]]);
});

test('a deleted entry is reported at the first entry after the gap, with how many are missing', () => {
  const rows = chain(6);
  const problems = checkChain([...rows.slice(0, 2), ...rows.slice(4)], index(rows));
  assert.deepEqual(
    problems.map((problem) => [problem.kind, problem.seq]),
    [['deleted', 5]],
  );
  assert.match(problems[0]!.message, /2 entries missing before entry 5/);
  assert.deepEqual(
    checkChain(rows.slice(1), index(rows)).map((problem) => problem.kind),
    ['deleted'],
    'the first entry deleted',
  );
});

test('two entries with their seq swapped are reported as reordered, not edited', () => {
  const rows = chain(5);
  const swapped = [rows[0]!, rows[1]!, { ...rows[3]!, seq: 3 }, { ...rows[2]!, seq: 4 }, rows[4]!];
  const problems = checkChain(swapped, index(swapped));
  assert.ok(problems.length > 0);
  assert.ok(
    problems.every((problem) => problem.kind === 'reordered'),
    JSON.stringify(problems),
  );
  assert.ok(problems.some((problem) => problem.seq === 3));
});

test('a chain that does not start from the genesis hash is reported', () => {
  const rows = chain(3);
  const first = { ...rows[0]!, prev_hash: 'a'.repeat(64) };
  const relinked = [{ ...first, hash: entryHash(first) }, ...rows.slice(1)];
  assert.notDeepEqual(checkChain(relinked, index(relinked)), []);
});
