import { randomUUID } from 'node:crypto';
import type { Sql } from '../db/db.js';
import { entryHash, GENESIS_HASH } from './audit-chain.js';
import type { AuditEntryInput, AuditRow } from './audit.types.js';
import { present } from '../lang/present.js';

// Appends are serialised so each entry links to the one before it, even with several server instances.
const AUDIT_CHAIN_LOCK = 7_246_002;

/** Appends one entry. Call it inside the transaction of the change it records, so both commit or neither. */
export async function appendAudit(sql: Sql, entry: AuditEntryInput): Promise<AuditRow> {
  return present((await appendAuditEntries(sql, [entry]))[0], 'the audit entry');
}

/**
 * Appends entries in order, each linked to the one before, with one lock and one insert: a pipeline batch that raises
 * a hundred alerts holds the chain lock for one statement, not a hundred.
 */
export async function appendAuditEntries(sql: Sql, entries: readonly AuditEntryInput[]): Promise<AuditRow[]> {
  if (entries.length === 0) return [];
  await sql.query('select pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const [last] = await sql.query<{ seq: number; hash: string }>(
    'select seq, hash from audit_log order by seq desc limit 1',
  );
  let seq = Number(last?.seq ?? 0);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const rows = entries.map((entry): AuditRow => {
    const fields = {
      at,
      actor_type: entry.actor.type,
      actor_id: entry.actor.id,
      actor_name: entry.actor.name,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      region: entry.region ?? null,
      request_id: entry.requestId ?? randomUUID(),
      outcome: entry.outcome,
      purpose: entry.purpose ?? null,
      details: entry.details ?? {},
      prev_hash: prevHash,
    };
    const row: AuditRow = { seq: ++seq, ...fields, hash: entryHash(fields) };
    prevHash = row.hash;
    return row;
  });
  await sql.query(
    `insert into audit_log (seq, at, actor_type, actor_id, actor_name, action, subject_type, subject_id, region,
       request_id, outcome, purpose, details, prev_hash, hash)
     select r.seq, $2, r.actor_type, r.actor_id, r.actor_name, r.action, r.subject_type, r.subject_id, r.region,
       r.request_id, r.outcome, r.purpose, r.details, r.prev_hash, r.hash
     from jsonb_to_recordset($1::jsonb) as r(seq bigint, actor_type text, actor_id text, actor_name text, action text, subject_type text,
       subject_id text, region text, request_id text, outcome text, purpose text, details jsonb, prev_hash text, hash text)
     order by r.seq`,
    [JSON.stringify(rows.map(({ at: _at, ...row }) => row)), at],
  );
  return rows;
}

export interface AuditQuery {
  actor?: string | undefined;
  action?: string | undefined;
  outcome?: string | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

export async function listAudit(sql: Sql, query: AuditQuery): Promise<AuditRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.actor) {
    const actor = param(query.actor);
    where.push(`(actor_id = ${actor} or actor_name ilike ${actor})`);
  }
  if (query.action) where.push(`action like ${param(`${query.action}%`)}`);
  if (query.outcome) where.push(`outcome = ${param(query.outcome)}`);
  if (query.beforeSeq !== undefined) where.push(`seq < ${param(query.beforeSeq)}`);
  const clause = where.length > 0 ? `where ${where.join(' and ')}` : '';
  return sql.query<AuditRow>(
    `select * from audit_log ${clause} order by seq desc limit ${param(query.limit)}`,
    params,
  );
}

export async function readAuditPage(sql: Sql, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return sql.query<AuditRow>('select * from audit_log where seq > $1 order by seq limit $2', [
    afterSeq,
    limit,
  ]);
}

export async function auditHashIndex(sql: Sql): Promise<Map<string, number>> {
  const rows = await sql.query<{ seq: number; hash: string }>('select seq, hash from audit_log');
  return new Map(rows.map((row) => [row.hash, Number(row.seq)]));
}

export interface CheckpointRow {
  id: number;
  head_seq: number;
  head_hash: string;
  at: Date;
  key_id: string;
  signature: string;
}

/** The newest entry, read under the chain lock so no append can slip between reading it and signing it. */
export async function lockedAuditHead(sql: Sql): Promise<{ seq: number; hash: string }> {
  await sql.query('select pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const [last] = await sql.query<{ seq: number; hash: string }>(
    'select seq, hash from audit_log order by seq desc limit 1',
  );
  return { seq: Number(last?.seq ?? 0), hash: last?.hash ?? GENESIS_HASH };
}

export async function insertCheckpoint(sql: Sql, row: Omit<CheckpointRow, 'id'>): Promise<void> {
  await sql.query(
    'insert into audit_checkpoints (head_seq, head_hash, at, key_id, signature) values ($1, $2, $3, $4, $5)',
    [row.head_seq, row.head_hash, row.at, row.key_id, row.signature],
  );
}

export async function listCheckpoints(sql: Sql): Promise<CheckpointRow[]> {
  const rows = await sql.query<CheckpointRow>('select * from audit_checkpoints order by id');
  return rows.map((row) => ({ ...row, id: Number(row.id), head_seq: Number(row.head_seq) }));
}

export async function newestCheckpoint(sql: Sql): Promise<CheckpointRow | undefined> {
  const [row] = await sql.query<CheckpointRow>('select * from audit_checkpoints order by id desc limit 1');
  return row ? { ...row, id: Number(row.id), head_seq: Number(row.head_seq) } : undefined;
}

/** The stored hash of each of these entries (absent when the entry is gone). */
export async function hashesAt(sql: Sql, seqs: readonly number[]): Promise<Map<number, string>> {
  if (seqs.length === 0) return new Map();
  const rows = await sql.query<{ seq: number; hash: string }>(
    'select seq, hash from audit_log where seq = any($1::bigint[])',
    [seqs],
  );
  return new Map(rows.map((row) => [Number(row.seq), row.hash]));
}
