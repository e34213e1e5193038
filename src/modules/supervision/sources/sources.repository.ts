import { inRegionScope, type RegionScope, type Sql } from '../../../core/index.js';
import type { CurrentFlight, Source, SourceKind } from './sources.contract.js';

export interface SourceRow {
  id: string;
  kind: SourceKind;
  name: string;
  agency_id: string;
  region: string;
  lat: number | null;
  lon: number | null;
  direction_deg: number | null;
  expected_every_seconds: number;
  active: boolean;
  created_at: Date;
  last_message_at: Date | null;
  messages_total: number;
  silent_since: Date | null;
  credential_issued_at: Date | null;
}

/** A source as the registry lists it: with its traffic, its hits' outcomes and its current flight. */
export type ListedSourceRow = SourceRow & {
  last_hour: number;
  outcomes: number;
  false_matches: number;
  flight: CurrentFlight | null;
};

export interface NewSource {
  id: string;
  kind: SourceKind;
  name: string;
  agencyId: string;
  region: string;
  location?: { lat: number; lon: number } | undefined;
  directionDeg?: number | undefined;
  expectedEverySeconds?: number | undefined;
}

/** What a check needs to know of a source: what it is, where, and whether it is in service. */
export interface SourceState {
  kind: SourceKind;
  region: string;
  active: boolean;
}

export async function findSourceState(sql: Sql, id: string): Promise<SourceState | undefined> {
  const [row] = await sql.query<SourceState>(
    'select kind, region, active from supervision_sources where id = $1',
    [id],
  );
  return row;
}

/** Puts a source in or out of service; a source out of service is refused by the intake and the broker. */
export async function setSourceActive(
  sql: Sql,
  scope: RegionScope,
  id: string,
  active: boolean,
): Promise<SourceRow | undefined> {
  const [row] = await sql.query<SourceRow>(
    `update supervision_sources set active = $3, silent_since = case when $3 then silent_since else null end
     where id = $1 and ${inRegionScope('region', 2)} returning *`,
    [id, scope, active],
  );
  return row;
}

export async function insertSource(sql: Sql, source: NewSource): Promise<SourceRow | undefined> {
  const [row] = await sql.query<SourceRow>(
    `insert into supervision_sources (id, kind, name, agency_id, region, lat, lon, direction_deg, expected_every_seconds)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (id) do nothing returning *`,
    [
      source.id,
      source.kind,
      source.name,
      source.agencyId,
      source.region,
      source.location?.lat ?? null,
      source.location?.lon ?? null,
      source.directionDeg ?? null,
      source.expectedEverySeconds ?? 300,
    ],
  );
  return row;
}

/** How many of these sources are registered (the demo feed waits for the demo world). */
export async function countSources(sql: Sql, ids: readonly string[]): Promise<number> {
  const [row] = await sql.query<{ n: number }>(
    'select count(*)::int as n from supervision_sources where id = any($1::text[])',
    [ids],
  );
  return row?.n ?? 0;
}

/** Sources with their health: messages in the last hour, silence, and the share of their hits found to be false. */
export async function listSources(sql: Sql, scope: RegionScope): Promise<ListedSourceRow[]> {
  return sql.query<ListedSourceRow>(
    `select s.*,
       (select json_build_object('id', f.id, 'purpose', f.purpose, 'plannedStart', f.planned_start, 'plannedEnd', f.planned_end) from drone_flights f
        where f.drone_id = s.id and f.ended_at is null and f.planned_start <= now() and f.planned_end > now() order by f.planned_start desc limit 1) as flight,
       (select count(*)::int from observations o where o.source_id = s.id and o.received_at > now() - interval '1 hour') as last_hour,
       (select count(*)::int from supervision_hits h where h.source_id = s.id and h.outcome is not null) as outcomes,
       (select count(*)::int from supervision_hits h where h.source_id = s.id and h.outcome = 'false_match') as false_matches
     from supervision_sources s where ${inRegionScope('s.region', 1)} order by s.region, s.id`,
    [scope],
  );
}

/** Since when a source is expected to have spoken: its last message, or its registration, or its flight's start. */
const heardFrom = (row: ListedSourceRow) =>
  Math.max(
    new Date(row.last_message_at ?? row.created_at).getTime(),
    row.flight ? new Date(row.flight.plannedStart).getTime() : 0,
  );

export const presentSource = (row: ListedSourceRow, now = new Date()): Source => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  agencyId: row.agency_id,
  region: row.region,
  location: row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon },
  directionDeg: row.direction_deg,
  active: row.active,
  credentialIssuedAt: row.credential_issued_at ? new Date(row.credential_issued_at).toISOString() : null,
  health: {
    lastMessageAt: row.last_message_at ? new Date(row.last_message_at).toISOString() : null,
    messagesTotal: Number(row.messages_total),
    messagesLastHour: row.last_hour,
    silent:
      row.active &&
      (row.kind !== 'drone' || row.flight !== null) &&
      now.getTime() - heardFrom(row) > row.expected_every_seconds * 1000,
    // A drone on the ground is expected to be quiet.
    grounded: row.kind === 'drone' && row.flight === null,
    expectedEverySeconds: row.expected_every_seconds,
  },
  flight: row.flight
    ? {
        ...row.flight,
        plannedStart: new Date(row.flight.plannedStart).toISOString(),
        plannedEnd: new Date(row.flight.plannedEnd).toISOString(),
      }
    : null,
  falseMatchRate: row.outcomes > 0 ? row.false_matches / row.outcomes : null,
  outcomes: row.outcomes,
});

/** Stores a source's new device password (its hash); the old one stops working. */
export async function setSourceCredential(sql: Sql, id: string, hash: string): Promise<Date | undefined> {
  const [row] = await sql.query<{ credential_issued_at: Date }>(
    'update supervision_sources set credential_hash = $2, credential_issued_at = now() where id = $1 returning credential_issued_at',
    [id, hash],
  );
  return row?.credential_issued_at;
}

/** The hash of an active source's device password, if it has one. */
export async function credentialHashOf(sql: Sql, id: string): Promise<string | null> {
  const [row] = await sql.query<{ credential_hash: string | null }>(
    'select credential_hash from supervision_sources where id = $1 and active',
    [id],
  );
  return row?.credential_hash ?? null;
}

/** Every active source with a device password, for an external broker's password file. */
export async function sourceLogins(sql: Sql): Promise<{ id: string; credential_hash: string }[]> {
  return sql.query<{ id: string; credential_hash: string }>(
    `select id, credential_hash from supervision_sources where active and credential_hash is not null order by id`,
  );
}

/** A source newly found silent, with the purpose of the flight it is silent on (a drone's). */
export interface SilentSourceRow {
  id: string;
  kind: SourceKind;
  region: string;
  last_message_at: Date | null;
  expected_every_seconds: number;
  flight_purpose: string | null;
}

/**
 * Marks the sources silent since `now` that have said nothing for longer than their interval, and returns them.
 * A drone is expected to send only while it flies: it is silent when a flight has run longer than its interval
 * without a word from it, and its silence is judged afresh on each flight.
 */
export async function markSilentSources(sql: Sql, now: Date): Promise<SilentSourceRow[]> {
  return sql.query<SilentSourceRow>(
    `with flying as (
       select distinct on (drone_id) drone_id, purpose, planned_start from drone_flights
       where ended_at is null and planned_start <= $1 and planned_end > $1 order by drone_id, planned_start desc)
     update supervision_sources s set silent_since = $1
     from (select s2.id, f.purpose as flight_purpose from supervision_sources s2 left join flying f on f.drone_id = s2.id
           where s2.active and (s2.kind <> 'drone' or f.drone_id is not null)
             -- a drone's silence is judged afresh on each flight
             and (s2.silent_since is null or (s2.kind = 'drone' and s2.silent_since < f.planned_start))
             and greatest(coalesce(s2.last_message_at, s2.created_at), coalesce(f.planned_start, '-infinity')) < $1::timestamptz - make_interval(secs => s2.expected_every_seconds)) q
     where s.id = q.id
     returning s.id, s.kind, s.region, s.last_message_at, s.expected_every_seconds, q.flight_purpose`,
    [now],
  );
}
