import { randomUUID } from 'node:crypto';
import { inRegionScope, type RegionScope, type Sql } from '../../../core/index.js';
import type { Observation } from './observations.schema.js';

export type Channel = 'mqtt' | 'http' | 'nats';

/** Dead letters keep enough of a message to diagnose the sender, not whole payloads. */
const DEAD_LETTER_BYTES = 2000;
/** A search reads at most this many stored observations; the retention period keeps the store small. */
const SCAN_LIMIT = 200_000;

/**
 * Stores observations of active sources as pending, once each; reports which of the sources named are known and how
 * many observations each gained. One statement, so no transaction is needed around it.
 */
export async function insertObservations(
  sql: Sql,
  sourceIds: readonly string[],
  rows: readonly { sourceId: string; observation: Observation }[],
  now: Date,
): Promise<{ known: Set<string>; inserted: Map<string, number> }> {
  if (sourceIds.length === 0) return { known: new Set(), inserted: new Map() };
  const items = rows.map((row) => row.observation);
  const result = await sql.query<{ id: string; inserted: number }>(
    `with source as (select id from supervision_sources where id = any($1::text[]) and active),
     inserted as (
       insert into observations (id, source_id, external_id, observed_at, lat, lon, accuracy_m, kind, identifiers, confidence, attributes, media_ref, received_at)
       select t.id, t.s, e, o, la, lo, ac, k, i, c, a, m, $14
       from unnest($2::text[], $3::uuid[], $4::text[], $5::timestamptz[], $6::float8[], $7::float8[], $8::float8[], $9::text[], $10::jsonb[], $11::float8[], $12::jsonb[], $13::text[])
         as t(s, id, e, o, la, lo, ac, k, i, c, a, m)
       where t.s in (select id from source)
       on conflict (source_id, external_id) do nothing returning source_id)
     select source.id, (select count(*) from inserted where inserted.source_id = source.id)::int as inserted from source`,
    [
      [...new Set(sourceIds)],
      rows.map((row) => row.sourceId),
      items.map(() => randomUUID()),
      items.map((item) => item.externalId),
      items.map((item) => item.observedAt),
      items.map((item) => item.location?.lat ?? null),
      items.map((item) => item.location?.lon ?? null),
      items.map((item) => item.location?.accuracy ?? null),
      items.map((item) => item.kind),
      items.map((item) => JSON.stringify(item.identifiers ?? {})),
      items.map((item) => item.confidence ?? null),
      items.map((item) => JSON.stringify(item.attributes ?? {})),
      items.map((item) => item.mediaRef ?? null),
      now,
    ],
  );
  return {
    known: new Set(result.map((row) => row.id)),
    inserted: new Map(result.map((row) => [row.id, row.inserted])),
  };
}

export interface DeadLetter {
  channel: Channel;
  sourceId: string | null;
  reason: string;
  payload: unknown;
}

// NULs replaced: the database's text cannot hold them, and a dead letter must always be storable.
const deadLetterText = (payload: unknown) =>
  (typeof payload === 'string'
    ? payload
    : Buffer.isBuffer(payload)
      ? payload.toString('utf8')
      : (JSON.stringify(payload) ?? String(payload))
  )
    .slice(0, DEAD_LETTER_BYTES)
    .replaceAll('\u0000', '\uFFFD');

export async function insertDeadLetters(sql: Sql, letters: readonly DeadLetter[]): Promise<void> {
  if (letters.length === 0) return;
  await sql.query(
    `insert into observation_dead_letters (id, channel, source_id, reason, payload)
     select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])`,
    [
      letters.map(() => randomUUID()),
      letters.map((letter) => letter.channel),
      letters.map((letter) => letter.sourceId),
      letters.map((letter) => letter.reason.slice(0, 500)),
      letters.map((letter) => deadLetterText(letter.payload)),
    ],
  );
}

/** A stored observation as a search reads it, with its source's region. */
export interface SearchedRow {
  id: string;
  source_id: string;
  observed_at: Date;
  lat: number | null;
  lon: number | null;
  kind: string;
  identifiers: Record<string, string>;
  confidence: number | null;
  media_ref: string | null;
  state: string;
  region: string;
}

export interface SearchFilter {
  iin: string | null;
  from: string | null;
  to: string | null;
  withName: boolean;
  withPlate: boolean;
}

/** The stored observations in the caller's regions and period that may be of the person or vehicle sought, newest first. */
export async function observationsToSearch(
  sql: Sql,
  scope: RegionScope,
  filter: SearchFilter,
): Promise<SearchedRow[]> {
  return sql.query<SearchedRow>(
    `select o.id, o.source_id, o.observed_at, o.lat, o.lon, o.kind, o.identifiers, o.confidence, o.media_ref, o.state, s.region
     from observations o join supervision_sources s on s.id = o.source_id
     where ${inRegionScope('s.region', 1)} and o.observed_at between coalesce($2::timestamptz, '-infinity') and coalesce($3::timestamptz, 'infinity')
       and (($4::text is not null and o.identifiers->>'iin' = $4) or ($5 and o.identifiers ? 'name') or ($6 and o.identifiers ? 'plate'))
     order by o.observed_at desc limit ${String(SCAN_LIMIT)}`,
    [scope, filter.from, filter.to, filter.iin, filter.withName, filter.withPlate],
  );
}

/** Observations stored and not judged yet. */
export async function countPending(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ n: number }>(
    `select count(*)::int as n from observations where state = 'pending'`,
  );
  return row?.n ?? 0;
}

/** Deletes the unmatched observations expired by `now`, and the dead letters older than the retention period. */
export async function deleteExpired(
  sql: Sql,
  now: Date,
  retentionHours: number,
): Promise<{ observations: number; deadLetters: number }> {
  const observations = await sql.query(
    'delete from observations where state = $1 and expires_at <= $2 returning id',
    ['unmatched', now],
  );
  const deadLetters = await sql.query(
    `delete from observation_dead_letters where received_at <= $1::timestamptz - make_interval(hours => $2) returning id`,
    [now, retentionHours],
  );
  return { observations: observations.length, deadLetters: deadLetters.length };
}
