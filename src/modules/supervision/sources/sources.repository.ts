import type { Sql } from '../../../core/index.js';

export const sourceKinds = ['camera', 'drone', 'bracelet', 'state_db', 'patrol_app'] as const;
export type SourceKind = (typeof sourceKinds)[number];

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

/** Puts a source in or out of service; a source out of service is refused by the intake and the broker. */
export async function setSourceActive(sql: Sql, scope: readonly string[] | null, id: string, active: boolean): Promise<SourceRow | undefined> {
  const [row] = await sql.query<SourceRow>(
    `update supervision_sources set active = $3, silent_since = case when $3 then silent_since else null end
     where id = $1 and ($2::text[] is null or region = any($2)) returning *`,
    [id, scope, active],
  );
  return row;
}

export async function insertSource(sql: Sql, source: NewSource): Promise<SourceRow | undefined> {
  const [row] = await sql.query<SourceRow>(
    `insert into supervision_sources (id, kind, name, agency_id, region, lat, lon, direction_deg, expected_every_seconds)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (id) do nothing returning *`,
    [source.id, source.kind, source.name, source.agencyId, source.region, source.location?.lat ?? null, source.location?.lon ?? null, source.directionDeg ?? null, source.expectedEverySeconds ?? 300],
  );
  return row;
}

/** The flight a drone is on now. */
interface CurrentFlight {
  id: string;
  purpose: string;
  plannedStart: string;
  plannedEnd: string;
}

/** Sources with their health: messages in the last hour, silence, and the share of their hits found to be false. */
export async function listSources(sql: Sql, scope: readonly string[] | null) {
  return sql.query<SourceRow & { last_hour: number; outcomes: number; false_matches: number; flight: CurrentFlight | null }>(
    `select s.*,
       (select json_build_object('id', f.id, 'purpose', f.purpose, 'plannedStart', f.planned_start, 'plannedEnd', f.planned_end) from drone_flights f
        where f.drone_id = s.id and f.ended_at is null and f.planned_start <= now() and f.planned_end > now() order by f.planned_start desc limit 1) as flight,
       (select count(*)::int from observations o where o.source_id = s.id and o.received_at > now() - interval '1 hour') as last_hour,
       (select count(*)::int from supervision_hits h where h.source_id = s.id and h.outcome is not null) as outcomes,
       (select count(*)::int from supervision_hits h where h.source_id = s.id and h.outcome = 'false_match') as false_matches
     from supervision_sources s where ($1::text[] is null or s.region = any($1)) order by s.region, s.id`,
    [scope],
  );
}

/** Since when a source is expected to have spoken: its last message, or its registration, or its flight's start. */
const heardFrom = (row: SourceRow & { flight: CurrentFlight | null }) =>
  Math.max(new Date(row.last_message_at ?? row.created_at).getTime(), row.flight ? new Date(row.flight.plannedStart).getTime() : 0);

export const presentSource = (row: Awaited<ReturnType<typeof listSources>>[number], now = new Date()) => ({
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
    silent: row.active && (row.kind !== 'drone' || row.flight !== null) && now.getTime() - heardFrom(row) > row.expected_every_seconds * 1000,
    // A drone on the ground is expected to be quiet.
    grounded: row.kind === 'drone' && row.flight === null,
    expectedEverySeconds: row.expected_every_seconds,
  },
  flight: row.flight ? { ...row.flight, plannedStart: new Date(row.flight.plannedStart).toISOString(), plannedEnd: new Date(row.flight.plannedEnd).toISOString() } : null,
  falseMatchRate: row.outcomes > 0 ? row.false_matches / row.outcomes : null,
  outcomes: row.outcomes,
});
