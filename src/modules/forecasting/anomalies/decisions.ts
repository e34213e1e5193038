import { randomUUID } from 'node:crypto';
import { type Actor, problems, type RegionScope, type Sql } from '../../../core/index.js';
import { forecastSeries } from '../engine/forecast.js';
import { isComplete, nextPeriod, seasonLength, type Frequency } from '../engine/periods.js';
import { dataRange, sliceHistory } from '../series/counts.repository.js';
import { describe, parseSeriesKey } from '../series/slice.js';

export const decisionActions = ['preventive_measures', 'patrols_reinforced', 'inspection_ordered', 'information_sent', 'registration_audit', 'no_action'] as const;
export type DecisionAction = (typeof decisionActions)[number];

/** How many periods after the anomaly the baseline covers: long enough to see an effect, short enough to mean it. */
const BASELINE_HORIZON = 6;

export interface AnomalyRow {
  id: string;
  series_key: string;
  frequency: Frequency;
  period: string;
  kind: string;
  direction: string;
  region: string;
  observed: number;
  expected: number;
  lo95: number;
  hi95: number;
  score: number;
  evidence: Record<string, unknown>;
  alert_id: string | null;
  detected_at: Date;
}

const inScope = (scope: RegionScope, from: number) => (scope ? `region = any($${String(from)}::text[])` : 'true');

export async function findAnomaly(sql: Sql, scope: RegionScope, id: string): Promise<AnomalyRow | undefined> {
  const [row] = await sql.query<AnomalyRow>(`select * from forecast_anomalies where id = $1 and ${inScope(scope, 2)}`, scope ? [id, scope] : [id]);
  return row;
}

export async function listAnomalies(sql: Sql, scope: RegionScope, options: { limit: number; seriesKey?: string | undefined; frequency?: Frequency | undefined }) {
  const params: unknown[] = [options.limit, options.seriesKey ?? null, options.frequency ?? null];
  if (scope) params.push(scope);
  return sql.query<AnomalyRow & { decisions: number; alert_region: string | null }>(
    `select a.*, al.region as alert_region, (select count(*)::int from forecast_decisions d where d.anomaly_id = a.id) as decisions
     from forecast_anomalies a left join alerts al on al.id = a.alert_id
     where ($2::text is null or a.series_key = $2) and ($3::text is null or a.frequency = $3) and ${inScope(scope, 4).replace('region', 'a.region')}
     order by a.detected_at desc, a.period desc limit $1`,
    params,
  );
}

export const presentAnomaly = (row: AnomalyRow & { decisions?: number }) => ({
  id: row.id,
  seriesKey: row.series_key,
  label: describe(parseSeriesKey(row.series_key, row.frequency)),
  frequency: row.frequency,
  period: row.period,
  kind: row.kind,
  direction: row.direction,
  region: row.region,
  observed: row.observed,
  expected: row.expected,
  lo95: row.lo95,
  hi95: row.hi95,
  score: row.score,
  summary: typeof row.evidence.summary === 'string' ? row.evidence.summary : '',
  evidence: row.evidence,
  alertId: row.alert_id,
  detectedAt: new Date(row.detected_at).toISOString(),
  ...(row.decisions !== undefined ? { decisions: row.decisions } : {}),
});

/**
 * Records what was done about an anomaly, with the forecast that stood at that moment (made from the data up to the
 * anomaly), so that later counts can be set against what was expected without the action.
 */
export async function recordDecision(sql: Sql, actor: Actor, anomaly: AnomalyRow, action: DecisionAction, note: string) {
  const slice = parseSeriesKey(anomaly.series_key, anomaly.frequency);
  const range = await dataRange(sql, anomaly.frequency);
  if (!range) throw problems.conflict('no counts to forecast from');
  const history = await sliceHistory(sql, slice, { first: range.first, last: anomaly.period });
  const forecast = forecastSeries(history.values, seasonLength(anomaly.frequency), BASELINE_HORIZON);
  const baseline = {
    from: nextPeriod(anomaly.period, anomaly.frequency),
    model: forecast.model,
    mean: forecast.mean.map(round),
    lo80: forecast.lo80.map(round),
    hi80: forecast.hi80.map(round),
  };
  const id = randomUUID();
  const [user] = actor.type === 'user' ? await sql.query<{ display_name: string }>('select display_name from users where id = $1', [actor.id]) : [];
  await sql.query(
    'insert into forecast_decisions (id, anomaly_id, action, note, decided_by, decided_by_name, baseline) values ($1, $2, $3, $4, $5, $6, $7)',
    [id, anomaly.id, action, note, actor.type === 'user' ? actor.id : null, user?.display_name ?? actor.name, JSON.stringify(baseline)],
  );
  return id;
}

interface DecisionRow {
  id: string;
  anomaly_id: string;
  action: DecisionAction;
  note: string;
  decided_by_name: string;
  decided_at: Date;
  baseline: { from: string; model: string; mean: number[]; lo80: number[]; hi80: number[] };
  series_key: string;
  frequency: Frequency;
  period: string;
  kind: string;
  direction: string;
  region: string;
}

/** The decision log, each entry with its effect so far: counts since the anomaly against the baseline forecast. */
export async function listDecisions(sql: Sql, scope: RegionScope, options: { anomalyId?: string | undefined; limit: number }, now = new Date()) {
  const params: unknown[] = [options.limit, options.anomalyId ?? null];
  if (scope) params.push(scope);
  const rows = await sql.query<DecisionRow>(
    `select d.*, a.series_key, a.frequency, a.period, a.kind, a.direction, a.region from forecast_decisions d join forecast_anomalies a on a.id = d.anomaly_id
     where ($2::uuid is null or d.anomaly_id = $2) and ${scope ? 'a.region = any($3::text[])' : 'true'} order by d.decided_at desc limit $1`,
    params,
  );
  const out = [];
  for (const row of rows) out.push({ ...presentDecision(row), effect: await effectOf(sql, row, now) });
  return out;
}

const presentDecision = (row: DecisionRow) => ({
  id: row.id,
  anomalyId: row.anomaly_id,
  seriesKey: row.series_key,
  label: describe(parseSeriesKey(row.series_key, row.frequency)),
  frequency: row.frequency,
  period: row.period,
  kind: row.kind,
  direction: row.direction,
  region: row.region,
  action: row.action,
  note: row.note,
  decidedBy: row.decided_by_name,
  decidedAt: new Date(row.decided_at).toISOString(),
  baseline: row.baseline,
});

async function effectOf(sql: Sql, row: DecisionRow, now: Date) {
  const slice = parseSeriesKey(row.series_key, row.frequency);
  const range = await dataRange(sql, row.frequency);
  if (!range || range.last < row.baseline.from) return { periods: 0, observed: 0, expected: 0, percent: null, words: 'No complete period since the decision yet.' };
  const history = await sliceHistory(sql, slice, { first: row.baseline.from, last: range.last });
  let observed = 0;
  let expected = 0;
  let periods = 0;
  history.periods.forEach((period, i) => {
    if (i >= row.baseline.mean.length || !isComplete(period, row.frequency, now)) return;
    observed += history.values[i]!;
    expected += row.baseline.mean[i]!;
    periods++;
  });
  if (periods === 0) return { periods: 0, observed: 0, expected: 0, percent: null, words: 'No complete period since the decision yet.' };
  const percent = expected > 0 ? Math.round(((observed - expected) / expected) * 1000) / 10 : null;
  const words = `${String(periods)} period${periods === 1 ? '' : 's'} since: ${String(observed)} registered against ${String(Math.round(expected))} forecast at the time${percent === null ? '' : ` (${percent >= 0 ? '+' : ''}${String(percent)} %)`}. Compare with other areas before crediting the action.`;
  return { periods, observed, expected: round(expected), percent, words };
}

const round = (value: number) => Math.round(value * 100) / 100;
