import { inRegionScope, type RegionScope, type Sql } from '../../core/index.js';
import type { Outcome } from './supervision.contract.js';

/** The active watchlist's size at the end of each of the last `days` days. */
export async function wantedOverTime(
  sql: Sql,
  scope: RegionScope,
  days: number,
): Promise<{ day: string; active: number }[]> {
  return sql.query<{ day: string; active: number }>(
    `select to_char(d, 'YYYY-MM-DD') as day,
       (select count(*)::int from watchlist_entries w where w.created_at < d + interval '1 day' and (w.closed_at is null or w.closed_at >= d + interval '1 day') and ${inRegionScope('w.region', 2)}) as active
     from generate_series(date_trunc('day', now()) - make_interval(days => $1 - 1), date_trunc('day', now()), interval '1 day') as d order by d`,
    [days, scope],
  );
}

export interface ClosureCounts {
  closed: number;
  through_system: number;
  active: number;
}

/** Entries closed, closed through the system (a detention after an alert), and active now. */
export async function wantedClosures(sql: Sql, scope: RegionScope): Promise<ClosureCounts | undefined> {
  const [closed] = await sql.query<ClosureCounts>(
    `select count(*) filter (where status = 'closed')::int as closed, count(*) filter (where status = 'closed' and closed_through_system)::int as through_system,
       count(*) filter (where status = 'active')::int as active
     from watchlist_entries where ${inRegionScope('region', 1)}`,
    [scope],
  );
  return closed;
}

/** Hits by week and rule over the last `days` days. */
export async function weeklyHits(
  sql: Sql,
  scope: RegionScope,
  days: number,
): Promise<{ week: string; rule: string; hits: number }[]> {
  return sql.query<{ week: string; rule: string; hits: number }>(
    `select to_char(date_trunc('week', created_at), 'YYYY-MM-DD') as week, rule, count(*)::int as hits from supervision_hits
     where created_at > now() - make_interval(days => $1) and ${inRegionScope('region', 2)} group by 1, 2 order by 1`,
    [days, scope],
  );
}

export interface RuleTallyRow {
  rule: string;
  hits: number;
  outcomes: number;
  false_matches: number;
  detained: number;
}

/** Hits by rule over the last `days` days, with the outcomes recorded on them. */
export async function hitsByRule(sql: Sql, scope: RegionScope, days: number): Promise<RuleTallyRow[]> {
  return sql.query<RuleTallyRow>(
    `select rule, count(*)::int as hits, count(outcome)::int as outcomes, count(*) filter (where outcome = 'false_match')::int as false_matches,
       count(*) filter (where outcome = 'detained')::int as detained
     from supervision_hits where created_at > now() - make_interval(days => $1) and ${inRegionScope('region', 2)} group by rule order by rule`,
    [days, scope],
  );
}

/** The latest outcome recorded on the hits behind each of these alerts (alerts without one are left out). */
export async function latestOutcomes(
  sql: Sql,
  alertIds: readonly string[],
): Promise<Map<string, { outcome: Outcome; at: Date }>> {
  if (alertIds.length === 0) return new Map();
  const rows = await sql.query<{ alert_id: string; outcome: Outcome; outcome_at: Date }>(
    `select distinct on (alert_id) alert_id, outcome, outcome_at from supervision_hits
     where alert_id = any($1::uuid[]) and outcome is not null order by alert_id, outcome_at desc`,
    [alertIds],
  );
  return new Map(rows.map((row) => [row.alert_id, { outcome: row.outcome, at: row.outcome_at }]));
}

/** Writes the officers' finding to every hit behind an alert in the caller's regions; returns the hits. */
export async function recordHitOutcomes(
  sql: Sql,
  scope: RegionScope,
  alertId: string,
  outcome: Outcome,
  note: string | null,
  by: string,
): Promise<{ id: string; rule: string; subject_id: string; region: string }[]> {
  return sql.query<{ id: string; rule: string; subject_id: string; region: string }>(
    `update supervision_hits set outcome = $2, outcome_note = $3, outcome_at = now(), outcome_by = $4
     where alert_id = $1 and ${inRegionScope('region', 5)} returning id, rule, subject_id, region`,
    [alertId, outcome, note, by, scope],
  );
}
