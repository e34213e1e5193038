import { randomUUID } from 'node:crypto';
import type { Sql } from '../../../core/index.js';
import type { Hit, StoredObservation } from './rule.js';

interface PendingRow {
  id: string;
  source_id: string;
  source_kind: string;
  region: string;
  external_id: string;
  observed_at: Date;
  lat: number | null;
  lon: number | null;
  kind: StoredObservation['kind'];
  identifiers: StoredObservation['identifiers'];
  confidence: number | null;
  attributes: StoredObservation['attributes'];
  media_ref: string | null;
}

/**
 * Claims up to `limit` pending observations, oldest first, with their sources' kind and region: locked for the
 * transaction, and skipped by other instances' claims, so several instances share the work.
 */
export async function claimPending(sql: Sql, limit: number): Promise<StoredObservation[]> {
  const rows = await sql.query<PendingRow>(
    `select o.id, o.source_id, s.kind as source_kind, s.region, o.external_id, o.observed_at, o.lat, o.lon, o.kind, o.identifiers, o.confidence, o.attributes, o.media_ref
     from observations o join supervision_sources s on s.id = o.source_id
     where o.state = 'pending' order by o.received_at limit ${String(limit)} for update of o skip locked`,
  );
  return rows.map((row): StoredObservation => ({
    id: row.id,
    sourceId: row.source_id,
    sourceKind: row.source_kind,
    region: row.region,
    externalId: row.external_id,
    observedAt: new Date(row.observed_at),
    lat: row.lat,
    lon: row.lon,
    kind: row.kind,
    identifiers: row.identifiers,
    confidence: row.confidence,
    attributes: row.attributes,
    mediaRef: row.media_ref,
  }));
}

/** The sources of judged observations were heard from: their last message, their count, and the end of any silence. */
export async function recordSourceTraffic(sql: Sql, observationIds: readonly string[]): Promise<void> {
  await sql.query(
    `update supervision_sources s set last_message_at = greatest(coalesce(s.last_message_at, t.at), t.at), messages_total = s.messages_total + t.n, silent_since = null
     from (select source_id, max(received_at) as at, count(*)::int as n from observations where id = any($1::uuid[]) group by source_id) t where s.id = t.source_id`,
    [observationIds],
  );
}

/** Judged: matched observations stay with their hits; the others expire after the retention period. */
export async function markJudged(
  sql: Sql,
  observationIds: readonly string[],
  matchedIds: readonly string[],
  retentionHours: number,
): Promise<void> {
  await sql.query(
    `update observations set state = case when id = any($2::uuid[]) then 'matched' else 'unmatched' end,
       expires_at = case when id = any($2::uuid[]) then null else received_at + make_interval(hours => $3) end
     where id = any($1::uuid[])`,
    [observationIds, matchedIds, retentionHours],
  );
}

/** Records a batch's hits, each with the alert it raised or joined (`alertIds` in the same order), in one statement. */
export async function insertHits(sql: Sql, hits: readonly Hit[], alertIds: readonly string[]): Promise<void> {
  await sql.query(
    `insert into supervision_hits (id, observation_id, source_id, rule, subject_type, subject_id, score, reasons, region, alert_id, created_at)
     select h.id, h.observation_id, h.source_id, h.rule, h.subject_type, h.subject_id, h.score, h.reasons::jsonb, h.region, h.alert_id, clock_timestamp()
     from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::text[], $9::text[], $10::uuid[])
       as h(id, observation_id, source_id, rule, subject_type, subject_id, score, reasons, region, alert_id)`,
    [
      hits.map(() => randomUUID()),
      hits.map((hit) => hit.observation.id),
      hits.map((hit) => hit.observation.sourceId),
      hits.map((hit) => hit.rule),
      hits.map((hit) => hit.subject.type),
      hits.map((hit) => hit.subject.id),
      hits.map((hit) => hit.score),
      hits.map((hit) => JSON.stringify(hit.reasons)),
      hits.map((hit) => hit.observation.region),
      alertIds,
    ],
  );
}
