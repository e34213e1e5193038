import { randomUUID } from 'node:crypto';
import type { Sql } from '../db/db.js';
import type { DomainEvent, DomainEvents, EventType } from './events.types.js';
import { present } from '../lang/present.js';

/** Records an event in the same transaction as the state change it describes; the relay publishes it after commit. */
export async function emitEvent<T extends EventType>(
  sql: Sql,
  type: T,
  payload: DomainEvents[T],
): Promise<DomainEvent<T>> {
  return present((await emitEvents(sql, [{ type, payload }]))[0], 'the emitted event');
}

export interface EventInput<T extends EventType = EventType> {
  type: T;
  payload: DomainEvents[T];
}

/** emitEvent for many events in one statement, published in the given order. */
export async function emitEvents<T extends EventType>(
  sql: Sql,
  inputs: readonly EventInput<T>[],
): Promise<DomainEvent<T>[]> {
  if (inputs.length === 0) return [];
  const occurredAt = new Date().toISOString();
  const events = inputs.map(({ type, payload }): DomainEvent<T> => ({
    id: randomUUID(),
    type,
    payload,
    occurredAt,
  }));
  await sql.query(
    `insert into outbox (id, type, payload, occurred_at)
     select e.id, e.type, e.payload, $2::timestamptz from unnest($1::jsonb[]) with ordinality as t(event, n)
       cross join lateral jsonb_to_record(t.event) as e(id uuid, type text, payload jsonb) order by t.n`,
    [events.map(({ id, type, payload }) => JSON.stringify({ id, type, payload })), occurredAt],
  );
  return events;
}

interface OutboxRow {
  seq: number;
  id: string;
  type: string;
  payload: unknown;
  occurred_at: Date;
}

export async function readUnpublished(sql: Sql, limit: number): Promise<(DomainEvent & { seq: number })[]> {
  const rows = await sql.query<OutboxRow>(
    'select seq, id, type, payload, occurred_at from outbox where published_at is null order by seq limit $1',
    [limit],
  );
  return rows.map((row) => ({
    seq: Number(row.seq),
    id: row.id,
    type: row.type as EventType,
    payload: row.payload as never,
    occurredAt: new Date(row.occurred_at).toISOString(),
  }));
}

export async function markPublished(sql: Sql, seqs: number[]): Promise<void> {
  if (seqs.length === 0) return;
  await sql.query('update outbox set published_at = now() where seq = any($1::bigint[])', [seqs]);
}

/** Records that a consumer handled an event; false if it already had (a redelivery). */
export async function claimEvent(sql: Sql, consumer: string, eventId: string): Promise<boolean> {
  const rows = await sql.query(
    'insert into processed_events (consumer, event_id) values ($1, $2) on conflict do nothing returning event_id',
    [consumer, eventId],
  );
  return rows.length > 0;
}
