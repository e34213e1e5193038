import { randomUUID } from 'node:crypto';
import { inRegionScope, type RegionScope, type Sql } from '../../../core/index.js';

/** A person on probation as the rules read them. */
export interface PersonRow {
  id: string;
  full_name: string;
  iin: string | null;
  region: string;
  bracelet_id: string | null;
  home_lat: number | null;
  home_lon: number | null;
  home_radius_m: number;
  curfew_from: string | null;
  curfew_to: string | null;
  allowed_regions: string[];
}

export interface ExclusionRow {
  person_id: string;
  kind: string;
  label: string;
  lat: number;
  lon: number;
  radius_m: number;
}

export interface NewProbationPerson {
  id: string;
  fullName: string;
  iin?: string | undefined;
  birthDate?: string | undefined;
  region: string;
  braceletId?: string | undefined;
  home?: { lat: number; lon: number; radiusM?: number | undefined } | undefined;
  curfew?: { from: string; to: string } | undefined;
  allowedRegions: string[];
  checkinEveryDays?: number | undefined;
  silenceMinutes?: number | undefined;
}

export interface NewExclusion {
  kind: string;
  label: string;
  lat: number;
  lon: number;
  radiusM: number;
}

/** Registers a person on probation; false if the id, or the bracelet, is taken. */
export async function insertProbationPerson(sql: Sql, person: NewProbationPerson): Promise<boolean> {
  const inserted = await sql.query(
    `insert into probation_persons (id, full_name, iin, birth_date, region, bracelet_id, home_lat, home_lon, home_radius_m, curfew_from, curfew_to, allowed_regions, checkin_every_days, silence_minutes)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) on conflict do nothing returning id`,
    [
      person.id,
      person.fullName,
      person.iin ?? null,
      person.birthDate ?? null,
      person.region,
      person.braceletId ?? null,
      person.home?.lat ?? null,
      person.home?.lon ?? null,
      person.home?.radiusM ?? 150,
      person.curfew?.from ?? null,
      person.curfew?.to ?? null,
      person.allowedRegions,
      person.checkinEveryDays ?? null,
      person.silenceMinutes ?? 30,
    ],
  );
  return inserted.length > 0;
}

/** The region of the person holding an id, whoever may see them. */
export async function probationRegionOf(sql: Sql, id: string): Promise<string | undefined> {
  const [held] = await sql.query<{ region: string }>('select region from probation_persons where id = $1', [
    id,
  ]);
  return held?.region;
}

export async function insertExclusions(
  sql: Sql,
  personId: string,
  places: readonly NewExclusion[],
): Promise<void> {
  for (const place of places) {
    await sql.query(
      'insert into probation_exclusions (id, person_id, kind, label, lat, lon, radius_m) values ($1, $2, $3, $4, $5, $6, $7)',
      [randomUUID(), personId, place.kind, place.label, place.lat, place.lon, place.radiusM],
    );
  }
}

export interface ListedProbationerRow {
  id: string;
  full_name: string;
  region: string;
  bracelet_id: string | null;
  last_ping_at: Date | null;
  silent_alerted_at: Date | null;
  violations: number;
}

/** People on probation in the caller's regions, with their violations of the last 30 days. */
export async function listProbationers(sql: Sql, scope: RegionScope): Promise<ListedProbationerRow[]> {
  return sql.query<ListedProbationerRow>(
    `select p.id, p.full_name, p.region, p.bracelet_id, p.last_ping_at, p.silent_alerted_at,
       (select count(*)::int from supervision_hits h where h.subject_id = p.id and h.rule like 'probation_%' and h.created_at > now() - interval '30 days') as violations
     from probation_persons p where p.status = 'active' and ${inRegionScope('p.region', 1)} order by p.id`,
    [scope],
  );
}

/** The active persons wearing these bracelets or identified by these IINs. */
export async function probationersFor(
  sql: Sql,
  devices: readonly (string | undefined)[],
  iins: readonly (string | undefined)[],
): Promise<PersonRow[]> {
  return sql.query<PersonRow>(
    `select id, full_name, iin, region, bracelet_id, home_lat, home_lon, home_radius_m, to_char(curfew_from, 'HH24:MI') as curfew_from,
       to_char(curfew_to, 'HH24:MI') as curfew_to, allowed_regions
     from probation_persons where status = 'active' and (bracelet_id = any($1::text[]) or iin = any($2::text[]))`,
    [devices, iins],
  );
}

export async function exclusionsOf(sql: Sql, personIds: readonly string[]): Promise<ExclusionRow[]> {
  return sql.query<ExclusionRow>(
    'select person_id, kind, label, lat, lon, radius_m from probation_exclusions where person_id = any($1)',
    [personIds],
  );
}

/** Check-ins (by IIN) fulfil the reporting duty; only a later one moves the date. */
export async function recordCheckins(
  sql: Sql,
  iins: readonly (string | undefined)[],
  ats: readonly Date[],
): Promise<void> {
  await sql.query(
    `update probation_persons p set last_checkin_at = greatest(coalesce(p.last_checkin_at, t.at), t.at)
     from unnest($1::text[], $2::timestamptz[]) as t(iin, at) where p.iin = t.iin`,
    [iins, ats],
  );
}

/** A bracelet's latest ping says it is alive, and ends its silence. */
export async function recordPings(sql: Sql, devices: readonly string[], ats: readonly Date[]): Promise<void> {
  await sql.query(
    `update probation_persons p set last_ping_at = greatest(coalesce(p.last_ping_at, t.at), t.at), silent_alerted_at = null
     from unnest($1::text[], $2::timestamptz[]) as t(device, at) where p.bracelet_id = t.device`,
    [devices, ats],
  );
}

export interface SilentBraceletRow {
  id: string;
  full_name: string;
  iin: string | null;
  region: string;
  bracelet_id: string;
  last_ping_at: Date | null;
  silence_minutes: number;
}

/** Marks the bracelets silent longer than allowed (once per silence) and returns their wearers. */
export async function markSilentBracelets(sql: Sql, now: Date): Promise<SilentBraceletRow[]> {
  return sql.query<SilentBraceletRow>(
    `update probation_persons set silent_alerted_at = $1
     where status = 'active' and bracelet_id is not null and silent_alerted_at is null
       and coalesce(last_ping_at, created_at) < $1::timestamptz - make_interval(mins => silence_minutes)
     returning id, full_name, iin, region, bracelet_id, last_ping_at, silence_minutes`,
    [now],
  );
}

export interface MissedCheckinRow {
  id: string;
  full_name: string;
  iin: string | null;
  region: string;
  checkin_every_days: number;
  last_checkin_at: Date | null;
}

/** Marks the persons overdue for a check-in (once per missed check-in) and returns them. */
export async function markMissedCheckins(sql: Sql, now: Date): Promise<MissedCheckinRow[]> {
  return sql.query<MissedCheckinRow>(
    `update probation_persons set checkin_alerted_at = $1
     where status = 'active' and checkin_every_days is not null
       and coalesce(last_checkin_at, created_at) < $1::timestamptz - make_interval(days => checkin_every_days)
       and (checkin_alerted_at is null or checkin_alerted_at < coalesce(last_checkin_at, created_at))
     returning id, full_name, iin, region, checkin_every_days, last_checkin_at`,
    [now],
  );
}
