import type { RegionScope, Sql } from '../../core/index.js';

const inScope = (column: string, index: number) => `($${String(index)}::text[] is null or ${column} = any($${String(index)}))`;

/**
 * The measures the dashboard shows, in the user's regions: the wanted list's size over time and the share closed
 * through the system (the reform's headline figure), probation violations and zone incursions by week, and hits and
 * false matches by rule.
 */
export async function supervisionMeasures(sql: Sql, scope: RegionScope, days = 90) {
  const wanted = await sql.query<{ day: string; active: number }>(
    `select to_char(d, 'YYYY-MM-DD') as day,
       (select count(*)::int from watchlist_entries w where w.created_at < d + interval '1 day' and (w.closed_at is null or w.closed_at >= d + interval '1 day') and ${inScope('w.region', 2)}) as active
     from generate_series(date_trunc('day', now()) - make_interval(days => $1 - 1), date_trunc('day', now()), interval '1 day') as d order by d`,
    [days, scope],
  );
  const [closed] = await sql.query<{ closed: number; through_system: number; active: number }>(
    `select count(*) filter (where status = 'closed')::int as closed, count(*) filter (where status = 'closed' and closed_through_system)::int as through_system,
       count(*) filter (where status = 'active')::int as active
     from watchlist_entries where ${inScope('region', 1)}`,
    [scope],
  );
  const weekly = await sql.query<{ week: string; rule: string; hits: number }>(
    `select to_char(date_trunc('week', created_at), 'YYYY-MM-DD') as week, rule, count(*)::int as hits from supervision_hits
     where created_at > now() - make_interval(days => $1) and ${inScope('region', 2)} group by 1, 2 order by 1`,
    [days, scope],
  );
  const byRule = await sql.query<{ rule: string; hits: number; outcomes: number; false_matches: number; detained: number }>(
    `select rule, count(*)::int as hits, count(outcome)::int as outcomes, count(*) filter (where outcome = 'false_match')::int as false_matches,
       count(*) filter (where outcome = 'detained')::int as detained
     from supervision_hits where created_at > now() - make_interval(days => $1) and ${inScope('region', 2)} group by rule order by rule`,
    [days, scope],
  );
  return {
    days,
    wanted: {
      overTime: wanted,
      active: closed?.active ?? 0,
      closed: closed?.closed ?? 0,
      closedThroughSystem: closed?.through_system ?? 0,
      shareClosedThroughSystem: closed && closed.closed > 0 ? closed.through_system / closed.closed : null,
      changeOverPeriod: wanted.length > 1 && wanted[0]!.active > 0 ? (wanted[wanted.length - 1]!.active - wanted[0]!.active) / wanted[0]!.active : null,
    },
    weekly,
    byRule: byRule.map((row) => ({ rule: row.rule, hits: row.hits, outcomes: row.outcomes, falseMatches: row.false_matches, detained: row.detained, falseMatchRate: row.outcomes > 0 ? row.false_matches / row.outcomes : null })),
  };
}

/** Recent alerts with where they happened, for the live map (no personal data: labels are masked). */
export async function recentAlertLocations(sql: Sql, scope: RegionScope, hours = 24) {
  return sql.query<{ id: string; kind: string; severity: string; status: string; region: string; subject_id: string; subject_label: string; lat: number | null; lon: number | null; created_at: Date; outcome: string | null; outcome_at: Date | null }>(
    `select a.id, a.kind, a.severity, a.status, a.region, a.subject_id, a.subject_label, (a.evidence->'location'->>'lat')::float8 as lat,
       (a.evidence->'location'->>'lon')::float8 as lon, a.created_at, h.outcome, h.outcome_at
     from alerts a left join lateral (select outcome, outcome_at from supervision_hits where alert_id = a.id and outcome is not null order by outcome_at desc limit 1) h on true
     where a.module = 'supervision' and a.created_at > now() - make_interval(hours => $1) and ${inScope('a.region', 2)} order by a.created_at desc limit 500`,
    [hours, scope],
  );
}
