import { randomUUID } from 'node:crypto';
import { inRegionScope, present, type RegionScope, type Sql } from '../../../core/index.js';
import type { EndReason, Flight, FlightStatus } from './flights.contract.js';

export interface FlightRow {
  id: string;
  drone_id: string;
  purpose: string;
  operator: string;
  zone_id: string | null;
  planned_start: Date;
  planned_end: Date;
  ended_at: Date | null;
  end_reason: EndReason | null;
  observations: number | null;
  hits: number | null;
  registered_by: string;
  created_at: Date;
}

export interface NewFlight {
  droneId: string;
  purpose: string;
  operator: string;
  zoneId?: string | undefined;
  plannedStart: Date;
  plannedEnd: Date;
  registeredBy: string;
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/** A flight as the API shows it; `status` is worked out against `now`. */
export function presentFlight(
  row: FlightRow & { region?: string; drone_name?: string; live_observations?: number; live_hits?: number },
  now = new Date(),
): Flight {
  const start = new Date(row.planned_start).getTime();
  const status: FlightStatus = row.ended_at
    ? row.end_reason === 'cancelled'
      ? 'cancelled'
      : 'ended'
    : start > now.getTime()
      ? 'planned'
      : 'in_flight';
  return {
    id: row.id,
    droneId: row.drone_id,
    droneName: row.drone_name ?? null,
    region: row.region ?? null,
    purpose: row.purpose,
    operator: row.operator,
    zoneId: row.zone_id,
    plannedStart: new Date(row.planned_start).toISOString(),
    plannedEnd: new Date(row.planned_end).toISOString(),
    endedAt: iso(row.ended_at),
    endReason: row.end_reason,
    status,
    observations: row.observations ?? row.live_observations ?? 0,
    hits: row.hits ?? row.live_hits ?? 0,
    registeredBy: row.registered_by,
  };
}

/** Flights that overlap another of the same drone: a drone flies one mission at a time. */
export async function overlapping(
  sql: Sql,
  droneId: string,
  start: Date,
  end: Date,
): Promise<FlightRow | undefined> {
  const [row] = await sql.query<FlightRow>(
    `select * from drone_flights where drone_id = $1 and coalesce(ended_at, planned_end) > $2 and planned_start < $3 and coalesce(end_reason, '') <> 'cancelled' limit 1`,
    [droneId, start, end],
  );
  return row;
}

export async function insertFlight(sql: Sql, flight: NewFlight): Promise<FlightRow> {
  const [row] = await sql.query<FlightRow>(
    `insert into drone_flights (id, drone_id, purpose, operator, zone_id, planned_start, planned_end, registered_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning *`,
    [
      randomUUID(),
      flight.droneId,
      flight.purpose,
      flight.operator,
      flight.zoneId ?? null,
      flight.plannedStart,
      flight.plannedEnd,
      flight.registeredBy,
    ],
  );
  return present(row, `the flight of ${flight.droneId} as filed`);
}

/** What ending a flight needs to know of it: its drone's region, whether it ended, when it was to start. */
export async function findFlightToEnd(
  sql: Sql,
  id: string,
): Promise<{ region: string; ended_at: Date | null; planned_start: Date } | undefined> {
  const [found] = await sql.query<{ region: string; ended_at: Date | null; planned_start: Date }>(
    'select s.region, f.ended_at, f.planned_start from drone_flights f join supervision_sources s on s.id = f.drone_id where f.id = $1',
    [id],
  );
  return found;
}

export async function plannedEndOf(sql: Sql, id: string): Promise<Date | undefined> {
  const [flight] = await sql.query<{ planned_end: Date }>(
    'select planned_end from drone_flights where id = $1',
    [id],
  );
  return flight?.planned_end;
}

/** What the drone detected during the flight and how many of those detections hit, counted between its start and `until`. */
const TALLY = `
  (select count(*)::int from observations o where o.source_id = f.drone_id and o.observed_at >= f.planned_start and o.observed_at < least(coalesce(f.ended_at, $UNTIL), f.planned_end)) as live_observations,
  (select count(distinct h.observation_id)::int from supervision_hits h join observations o on o.id = h.observation_id
     where h.source_id = f.drone_id and o.observed_at >= f.planned_start and o.observed_at < least(coalesce(f.ended_at, $UNTIL), f.planned_end)) as live_hits`;

/**
 * Ends a flight (landed, cancelled, lost, or its planned end passed) and keeps its tally, since the unmatched
 * observations it counts are deleted after the retention period. A flight not yet started that ends is cancelled.
 */
export async function endFlight(
  sql: Sql,
  id: string,
  reason: EndReason,
  at: Date,
): Promise<FlightRow | undefined> {
  const [row] = await sql.query<FlightRow>(
    `with tally as (select f.id, ${TALLY.replaceAll('$UNTIL', '$3::timestamptz')} from drone_flights f where f.id = $1 and f.ended_at is null)
     update drone_flights f set ended_at = greatest(least($3::timestamptz, f.planned_end), f.planned_start),
       end_reason = case when $3::timestamptz <= f.planned_start then 'cancelled' else $2 end,
       observations = t.live_observations, hits = t.live_hits
     from tally t where f.id = t.id returning f.*`,
    [id, reason, at],
  );
  return row;
}

/** Flights whose planned end has passed without a landing being recorded: they end as planned. */
export async function endOverdueFlights(sql: Sql, now: Date): Promise<number> {
  const overdue = await sql.query<{ id: string }>(
    'select id from drone_flights where ended_at is null and planned_end <= $1',
    [now],
  );
  for (const flight of overdue) await endFlight(sql, flight.id, 'planned_end', now);
  return overdue.length;
}

export type ListedFlightRow = FlightRow & {
  region: string;
  drone_name: string;
  live_observations: number;
  live_hits: number;
};

export async function listFlights(
  sql: Sql,
  scope: RegionScope,
  options: { days: number; droneId?: string | undefined; now?: Date },
): Promise<ListedFlightRow[]> {
  const now = options.now ?? new Date();
  return sql.query<ListedFlightRow>(
    `select f.*, s.region, s.name as drone_name, ${TALLY.replaceAll('$UNTIL', '$4::timestamptz')}
     from drone_flights f join supervision_sources s on s.id = f.drone_id
     where ${inRegionScope('s.region', 1)} and ($2::text is null or f.drone_id = $2)
       and coalesce(f.ended_at, f.planned_end) > $4::timestamptz - make_interval(days => $3)
     order by f.planned_start desc limit 500`,
    [scope, options.droneId ?? null, options.days, now],
  );
}

/** The flight each drone was on at each moment asked, for the evidence of its hits. */
export async function flightsAt(
  sql: Sql,
  droneIds: readonly string[],
  from: Date,
  to: Date,
): Promise<FlightRow[]> {
  if (droneIds.length === 0) return [];
  return sql.query<FlightRow>(
    `select * from drone_flights where drone_id = any($1::text[]) and planned_start <= $3 and coalesce(ended_at, planned_end) >= $2 and coalesce(end_reason, '') <> 'cancelled'`,
    [droneIds, from, to],
  );
}
