import type { Sql } from '../../../core/index.js';
import type { CloseReason } from '../watchlists/watchlists.contract.js';
import type { DemoExclusion, Probationer } from './demo-world.js';

/** What only the demo world writes: its people on probation with a past, and its history moved back in time. */

/** Moves an entry's listing back in time: most were listed before the dashboard's 90 days. */
export async function backdateListing(
  sql: Sql,
  entryId: string,
  ageDays: number,
  hours: number,
): Promise<void> {
  await sql.query(
    `update watchlist_entries set created_at = now() - make_interval(days => $2, hours => $3) where id = $1`,
    [entryId, ageDays, hours],
  );
}

/** A person on probation registered `registeredDaysAgo`, last checked in `checkinDaysAgo`, with their places to avoid. */
export async function insertDemoProbationer(
  sql: Sql,
  person: Probationer,
  checkinDaysAgo: number,
  registeredDaysAgo: number,
  exclusions: readonly { id: string; place: DemoExclusion }[],
): Promise<void> {
  await sql.query(
    `insert into probation_persons (id, full_name, iin, birth_date, region, bracelet_id, home_lat, home_lon, home_radius_m, curfew_from, curfew_to, allowed_regions, checkin_every_days, silence_minutes, last_checkin_at, last_ping_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now() - make_interval(days => $15), now(), now() - make_interval(days => $16)) on conflict (id) do nothing`,
    [
      person.id,
      person.person.fullName,
      person.person.iin,
      person.person.birthDate,
      person.region,
      person.braceletId,
      person.home.lat,
      person.home.lon,
      person.home.radiusM,
      person.curfew?.from ?? null,
      person.curfew?.to ?? null,
      person.allowedRegions,
      person.checkinEveryDays,
      person.silenceMinutes,
      checkinDaysAgo,
      registeredDaysAgo,
    ],
  );
  for (const { id, place } of exclusions) {
    await sql.query(
      'insert into probation_exclusions (id, person_id, kind, label, lat, lon, radius_m) values ($1, $2, $3, $4, $5, $6, $7) on conflict (id) do nothing',
      [id, person.id, place.kind, place.label, place.lat, place.lon, place.radiusM],
    );
  }
}

/** The alert each history observation's hit raised or joined, by the observation's external id. */
export async function historyAlerts(
  sql: Sql,
  prefix: string,
): Promise<{ external_id: string; alert_id: string }[]> {
  return sql.query<{ external_id: string; alert_id: string }>(
    `select o.external_id, h.alert_id from supervision_hits h join observations o on o.id = h.observation_id where o.external_id like $1 and h.alert_id is not null`,
    [`${prefix}%`],
  );
}

export async function countHistoryHits(sql: Sql, prefix: string): Promise<number> {
  const [hits] = await sql.query<{ n: number }>(
    `select count(*)::int as n from supervision_hits h join observations o on o.id = h.observation_id where o.external_id like $1`,
    [`${prefix}%`],
  );
  return hits?.n ?? 0;
}

export async function countPendingHistory(sql: Sql, prefix: string): Promise<number> {
  const [pending] = await sql.query<{ n: number }>(
    `select count(*)::int as n from observations where state = 'pending' and external_id like $1`,
    [`${prefix}%`],
  );
  return pending?.n ?? 0;
}

/** The history's observations and hits moved back to when they happened: hits just after the observation, outcomes hours later. */
export async function backdateHistory(sql: Sql, prefix: string): Promise<void> {
  await sql.query(
    `update observations set received_at = observed_at + interval '2 seconds' where external_id like $1`,
    [`${prefix}%`],
  );
  await sql.query(
    `update supervision_hits h set created_at = o.observed_at + interval '3 seconds',
       outcome_at = case when h.outcome is null then null else o.observed_at + make_interval(hours => 1 + (abs(hashtext(h.id::text)) % 6)) end
     from observations o where o.id = h.observation_id and o.external_id like $1`,
    [`${prefix}%`],
  );
}

/** When each history alert's first hit happened and its last outcome was recorded, to move the alert back with them. */
export async function historyAlertTimes(
  sql: Sql,
  prefix: string,
): Promise<{ alert_id: string | null; first_at: Date; outcome_at: Date | null }[]> {
  return sql.query<{ alert_id: string | null; first_at: Date; outcome_at: Date | null }>(
    `select h.alert_id, min(h.created_at) as first_at, max(h.outcome_at) as outcome_at from supervision_hits h join observations o on o.id = h.observation_id
     where o.external_id like $1 group by h.alert_id`,
    [`${prefix}%`],
  );
}

/** Entries closed through the system are closed when their detention was recorded, and listed a month before at least. */
export async function backdateDetentions(sql: Sql): Promise<void> {
  await sql.query(
    `update watchlist_entries e set closed_at = t.outcome_at, created_at = least(e.created_at, t.outcome_at - interval '30 days')
     from (select subject_id, max(outcome_at) as outcome_at from supervision_hits where outcome = 'detained' and rule like 'watchlist_%' group by subject_id) t
     where e.id = t.subject_id and e.closed_through_system`,
  );
}

/** Closes an entry at a past moment, listed 20 days before at least. */
export async function closeEntryAt(
  sql: Sql,
  entryId: string,
  reason: CloseReason,
  throughSystem: boolean,
  at: Date,
): Promise<void> {
  await sql.query(
    `update watchlist_entries set status = 'closed', closed_reason = $2, closed_through_system = $3, closed_at = $4, created_at = least(created_at, $4::timestamptz - interval '20 days') where id = $1`,
    [entryId, reason, throughSystem, at],
  );
}

export async function closedEntryCounts(sql: Sql): Promise<{ total: number; throughSystem: number }> {
  const [row] = await sql.query<{ total: number; through: number }>(
    `select count(*)::int as total, count(*) filter (where closed_through_system)::int as through from watchlist_entries where status = 'closed'`,
  );
  return { total: row?.total ?? 0, throughSystem: row?.through ?? 0 };
}
