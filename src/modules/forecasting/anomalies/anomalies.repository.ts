import { alertRegions, inRegionScope, type RegionScope, type Sql } from '../../../core/index.js';
import type { AnomalyKind, Baseline, DecisionAction, Direction } from '../forecasting.contract.js';
import type { Frequency } from '../engine/periods.js';

/**
 * The detector's records: what each watched series was expected to do in a period (forecast_expectations), the
 * departures found (forecast_anomalies), and what people decided about them (forecast_decisions). Anomalies and
 * decisions follow the region scope of whoever reads them.
 */
export interface AnomalyRow {
  id: string;
  series_key: string;
  frequency: Frequency;
  period: string;
  kind: AnomalyKind;
  direction: Direction;
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

/** An anomaly as lists show it: with its alert's region (to decide whether to link the alert) and its decisions. */
export type ListedAnomalyRow = AnomalyRow & { decisions: number; alert_region: string | null };

export async function findAnomaly(sql: Sql, scope: RegionScope, id: string): Promise<AnomalyRow | undefined> {
  const [row] = await sql.query<AnomalyRow>(
    `select * from forecast_anomalies where id = $1 and ${inRegionScope('region', 2)}`,
    [id, scope],
  );
  return row;
}

export async function listAnomalies(
  sql: Sql,
  scope: RegionScope,
  options: { limit: number; seriesKey?: string | undefined; frequency?: Frequency | undefined },
): Promise<ListedAnomalyRow[]> {
  const rows = await sql.query<AnomalyRow & { decisions: number }>(
    `select a.*, (select count(*)::int from forecast_decisions d where d.anomaly_id = a.id) as decisions
     from forecast_anomalies a
     where ($2::text is null or a.series_key = $2) and ($3::text is null or a.frequency = $3) and ${inRegionScope('a.region', 4)}
     order by a.detected_at desc, a.period desc limit $1`,
    [options.limit, options.seriesKey ?? null, options.frequency ?? null, scope],
  );
  const regions = await alertRegions(
    sql,
    rows.flatMap((row) => (row.alert_id ? [row.alert_id] : [])),
  );
  return rows.map((row) => ({
    ...row,
    alert_region: row.alert_id ? (regions.get(row.alert_id) ?? null) : null,
  }));
}

/** The earliest monthly anomalies before a period, largest first within a period (the demo's first decisions). */
export async function earliestMonthlyAnomalies(
  sql: Sql,
  before: string,
  limit: number,
): Promise<AnomalyRow[]> {
  return sql.query<AnomalyRow>(
    `select * from forecast_anomalies where frequency = 'monthly' and period < $1 order by period, abs(score) desc limit $2`,
    [before, limit],
  );
}

export interface ExpectationRow {
  seriesKey: string;
  period: string;
  region: string;
  district: string;
  chapter: string;
  article: string;
  observed: number;
  expected: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
  score: number;
  model: string;
  complete: boolean;
}

/** Stores what each series was expected to do and did, replacing an earlier judgement of the same period. */
export async function storeExpectations(
  sql: Sql,
  frequency: Frequency,
  rows: readonly ExpectationRow[],
): Promise<void> {
  const chunk = 2000;
  for (let from = 0; from < rows.length; from += chunk) {
    const part = rows.slice(from, from + chunk);
    const column = <T>(pick: (row: ExpectationRow) => T) => part.map(pick);
    await sql.query(
      `insert into forecast_expectations (series_key, frequency, period, region, district, chapter, article, observed, expected, lo80, hi80, lo95, hi95, score, model, complete)
       select k, $1, p, r, d, c, a, o, e, l8, h8, l9, h9, s, m, done
       from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::float8[], $11::float8[], $12::float8[], $13::float8[], $14::float8[], $15::text[], $16::bool[])
         as t(k, p, r, d, c, a, o, e, l8, h8, l9, h9, s, m, done)
       on conflict (series_key, frequency, period) do update set observed = excluded.observed, expected = excluded.expected, lo80 = excluded.lo80,
         hi80 = excluded.hi80, lo95 = excluded.lo95, hi95 = excluded.hi95, score = excluded.score, model = excluded.model, complete = excluded.complete, computed_at = now()`,
      [
        frequency,
        column((row) => row.seriesKey),
        column((row) => row.period),
        column((row) => row.region),
        column((row) => row.district),
        column((row) => row.chapter),
        column((row) => row.article),
        column((row) => row.observed),
        column((row) => row.expected),
        column((row) => row.lo80),
        column((row) => row.hi80),
        column((row) => row.lo95),
        column((row) => row.hi95),
        column((row) => row.score),
        column((row) => row.model),
        column((row) => row.complete),
      ],
    );
  }
}

export interface AnomalyInput {
  id: string;
  seriesKey: string;
  frequency: Frequency;
  period: string;
  kind: AnomalyKind;
  direction: Direction;
  region: string;
  district: string;
  chapter: string;
  article: string;
  observed: number;
  expected: number;
  lo95: number;
  hi95: number;
  score: number;
  evidence: Record<string, unknown>;
}

/**
 * Records a departure once per series, period and kind: a second judgement updates the figures and keeps the id and
 * the alert, so an anomaly raises one alert however often its period is judged.
 */
export async function upsertAnomaly(
  sql: Sql,
  anomaly: AnomalyInput,
): Promise<{ id: string; alert_id: string | null; created: boolean }> {
  const [row] = await sql.query<{ id: string; alert_id: string | null; created: boolean }>(
    `insert into forecast_anomalies (id, series_key, frequency, period, kind, direction, region, district, chapter, article, observed, expected, lo95, hi95, score, evidence)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     on conflict (series_key, frequency, period, kind) do update set observed = excluded.observed, expected = excluded.expected, score = excluded.score,
       evidence = excluded.evidence, direction = excluded.direction
     returning id, alert_id, (xmax = 0) as created`,
    [
      anomaly.id,
      anomaly.seriesKey,
      anomaly.frequency,
      anomaly.period,
      anomaly.kind,
      anomaly.direction,
      anomaly.region,
      anomaly.district,
      anomaly.chapter,
      anomaly.article,
      anomaly.observed,
      anomaly.expected,
      anomaly.lo95,
      anomaly.hi95,
      anomaly.score,
      JSON.stringify(anomaly.evidence),
    ],
  );
  if (!row)
    throw new Error(
      `anomaly ${anomaly.seriesKey} ${anomaly.period} ${anomaly.kind}: the upsert returned no row`,
    );
  return row;
}

export async function linkAnomalyAlert(sql: Sql, anomalyId: string, alertId: string): Promise<void> {
  await sql.query('update forecast_anomalies set alert_id = $2 where id = $1', [anomalyId, alertId]);
}

export interface DecisionRow {
  id: string;
  anomaly_id: string;
  action: DecisionAction;
  note: string;
  decided_by_name: string;
  decided_at: Date;
  baseline: Baseline;
  series_key: string;
  frequency: Frequency;
  period: string;
  kind: AnomalyKind;
  direction: Direction;
  region: string;
}

export async function insertDecision(
  sql: Sql,
  decision: {
    id: string;
    anomalyId: string;
    action: DecisionAction;
    note: string;
    decidedBy: string | null;
    decidedByName: string;
    baseline: Baseline;
  },
): Promise<void> {
  await sql.query(
    'insert into forecast_decisions (id, anomaly_id, action, note, decided_by, decided_by_name, baseline) values ($1, $2, $3, $4, $5, $6, $7)',
    [
      decision.id,
      decision.anomalyId,
      decision.action,
      decision.note,
      decision.decidedBy,
      decision.decidedByName,
      JSON.stringify(decision.baseline),
    ],
  );
}

/** Decisions within a scope, newest first, each with the anomaly it answers; optionally those about one anomaly. */
export async function listDecisionRows(
  sql: Sql,
  scope: RegionScope,
  options: { anomalyId?: string | undefined; limit: number },
): Promise<DecisionRow[]> {
  return sql.query<DecisionRow>(
    `select d.*, a.series_key, a.frequency, a.period, a.kind, a.direction, a.region from forecast_decisions d join forecast_anomalies a on a.id = d.anomaly_id
     where ($2::uuid is null or d.anomaly_id = $2) and ${inRegionScope('a.region', 3)} order by d.decided_at desc limit $1`,
    [options.limit, options.anomalyId ?? null, scope],
  );
}
