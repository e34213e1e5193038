import { recentAlerts, type RegionScope, type Sql } from '../../core/index.js';
import type { LiveAlert, LiveView, Measures, Outcome, OutcomeRecorded } from './supervision.contract.js';
import {
  hitsByRule,
  latestOutcomes,
  recordHitOutcomes,
  wantedClosures,
  wantedOverTime,
  weeklyHits,
} from './supervision.repository.js';
import { listSources, presentSource } from './sources/sources.repository.js';
import { closeEntry } from './watchlists/watchlists.repository.js';

/** The live map shows at most this many alerts. */
const LIVE_LIMIT = 500;

/**
 * The measures the dashboard shows, in the user's regions: the wanted list's size over time and the share closed
 * through the system (the reform's headline figure), probation violations and zone incursions by week, and hits and
 * false matches by rule.
 */
export async function supervisionMeasures(sql: Sql, scope: RegionScope, days = 90): Promise<Measures> {
  const wanted = await wantedOverTime(sql, scope, days);
  const closed = await wantedClosures(sql, scope);
  const weekly = await weeklyHits(sql, scope, days);
  const byRule = await hitsByRule(sql, scope, days);
  const first = wanted[0];
  const last = wanted[wanted.length - 1];
  return {
    days,
    wanted: {
      overTime: wanted,
      active: closed?.active ?? 0,
      closed: closed?.closed ?? 0,
      closedThroughSystem: closed?.through_system ?? 0,
      shareClosedThroughSystem: closed && closed.closed > 0 ? closed.through_system / closed.closed : null,
      changeOverPeriod:
        wanted.length > 1 && first && last && first.active > 0
          ? (last.active - first.active) / first.active
          : null,
    },
    weekly,
    byRule: byRule.map((row) => ({
      rule: row.rule,
      hits: row.hits,
      outcomes: row.outcomes,
      falseMatches: row.false_matches,
      detained: row.detained,
      falseMatchRate: row.outcomes > 0 ? row.false_matches / row.outcomes : null,
    })),
  };
}

/** A coordinate as the evidence holds it: a number, or (an integration's alert) a number written as text. */
const coordinate = (value: unknown): number | null => {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : Number.NaN;
  return Number.isFinite(number) ? number : null;
};

/** Where an alert happened, as its evidence records it (hits carry their observation's location). */
function locationOf(evidence: Record<string, unknown>): LiveAlert['location'] {
  const location: unknown = evidence['location'];
  if (typeof location !== 'object' || location === null) return null;
  const lat = coordinate('lat' in location ? location.lat : undefined);
  const lon = coordinate('lon' in location ? location.lon : undefined);
  return lat === null || lon === null ? null : { lat, lon };
}

/** The alerts of the last `hours` with their places and outcomes, and the sources, for the live map (labels masked). */
export async function liveView(sql: Sql, scope: RegionScope, hours = 24): Promise<LiveView> {
  const alerts = await recentAlerts(sql, scope, { module: 'supervision', hours, limit: LIVE_LIMIT });
  const outcomes = await latestOutcomes(
    sql,
    alerts.map((alert) => alert.id),
  );
  return {
    alerts: alerts.map((alert): LiveAlert => {
      const found = outcomes.get(alert.id);
      return {
        id: alert.id,
        kind: alert.kind,
        severity: alert.severity,
        status: alert.status,
        region: alert.region,
        subjectId: alert.subject.id,
        label: alert.subject.label,
        location: locationOf(alert.evidence),
        createdAt: new Date(alert.createdAt).toISOString(),
        outcome: found?.outcome ?? null,
        outcomeAt: found ? new Date(found.at).toISOString() : null,
      };
    }),
    sources: (await listSources(sql, scope)).map((row) => presentSource(row)),
  };
}

/**
 * The duty officer's finding on an alert, written to every hit behind it. A detention closes the watchlist entry as
 * closed through the system; a false match counts against the source that reported it.
 */
export async function recordOutcome(
  sql: Sql,
  scope: RegionScope,
  alertId: string,
  outcome: Outcome,
  note: string | null,
  by: string,
): Promise<OutcomeRecorded | undefined> {
  const hits = await recordHitOutcomes(sql, scope, alertId, outcome, note, by);
  const [first] = hits;
  if (!first) return undefined;
  let closedEntry: string | null = null;
  if (outcome === 'detained' && first.rule.startsWith('watchlist_'))
    closedEntry = (await closeEntry(sql, null, first.subject_id, 'detained', true))?.id ?? null;
  return { alertId, outcome, hits: hits.length, region: first.region, closedEntry };
}
