import { randomUUID } from 'node:crypto';
import { type Actor, displayNames, problems, type RegionScope, type Sql } from '../../../core/index.js';
import type { AnomalyView, DecisionAction, DecisionView, Effect } from '../forecasting.contract.js';
import { forecastSeries } from '../engine/forecast.js';
import { isComplete, nextPeriod, seasonLength } from '../engine/periods.js';
import { dataRange, sliceHistory } from '../series/counts.repository.js';
import { describe, parseSeriesKey } from '../series/slice.js';
import {
  insertDecision,
  listDecisionRows,
  type AnomalyRow,
  type DecisionRow,
} from './anomalies.repository.js';

/** How many periods after the anomaly the baseline covers: long enough to see an effect, short enough to mean it. */
const BASELINE_HORIZON = 6;

export const presentAnomaly = (row: AnomalyRow & { decisions?: number }): AnomalyView => ({
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
export async function recordDecision(
  sql: Sql,
  actor: Actor,
  anomaly: AnomalyRow,
  action: DecisionAction,
  note: string,
): Promise<string> {
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
  const names = actor.type === 'user' ? await displayNames(sql, [actor.id]) : new Map<string, string>();
  await insertDecision(sql, {
    id,
    anomalyId: anomaly.id,
    action,
    note,
    decidedBy: actor.type === 'user' ? actor.id : null,
    decidedByName: names.get(actor.id) ?? actor.name,
    baseline,
  });
  return id;
}

/** The decision log, each entry with its effect so far: counts since the anomaly against the baseline forecast. */
export async function listDecisions(
  sql: Sql,
  scope: RegionScope,
  options: { anomalyId?: string | undefined; limit: number },
  now = new Date(),
): Promise<DecisionView[]> {
  const rows = await listDecisionRows(sql, scope, options);
  const out: DecisionView[] = [];
  for (const row of rows) out.push({ ...presentDecision(row), effect: await effectOf(sql, row, now) });
  return out;
}

const presentDecision = (row: DecisionRow): Omit<DecisionView, 'effect'> => ({
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

async function effectOf(sql: Sql, row: DecisionRow, now: Date): Promise<Effect> {
  const slice = parseSeriesKey(row.series_key, row.frequency);
  const range = await dataRange(sql, row.frequency);
  if (!range || range.last < row.baseline.from)
    return {
      periods: 0,
      observed: 0,
      expected: 0,
      percent: null,
      words: 'No complete period since the decision yet.',
    };
  const history = await sliceHistory(sql, slice, { first: row.baseline.from, last: range.last });
  let observed = 0;
  let expected = 0;
  let periods = 0;
  history.periods.forEach((period, i) => {
    const baseline = row.baseline.mean[i];
    if (baseline === undefined || !isComplete(period, row.frequency, now)) return;
    observed += history.values[i] ?? 0;
    expected += baseline;
    periods++;
  });
  if (periods === 0)
    return {
      periods: 0,
      observed: 0,
      expected: 0,
      percent: null,
      words: 'No complete period since the decision yet.',
    };
  const percent = expected > 0 ? Math.round(((observed - expected) / expected) * 1000) / 10 : null;
  const words = `${String(periods)} period${periods === 1 ? '' : 's'} since: ${String(observed)} registered against ${String(Math.round(expected))} forecast at the time${percent === null ? '' : ` (${percent >= 0 ? '+' : ''}${String(percent)} %)`}. Compare with other areas before crediting the action.`;
  return { periods, observed, expected: round(expected), percent, words };
}

const round = (value: number) => Math.round(value * 100) / 100;
