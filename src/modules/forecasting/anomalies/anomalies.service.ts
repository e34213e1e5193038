import { randomUUID } from 'node:crypto';
import { emitEvent, raiseAlert, type Severity, type Sql, systemActor } from '../../../core/index.js';
import { forecastPanel } from '../engine/panel.js';
import { nextPeriod, periodOf, seasonLength, type Frequency } from '../engine/periods.js';
import { dataRange } from '../series/counts.repository.js';
import { describe, seriesKey, type Slice } from '../series/slice.js';
import { evaluatePeriod, hasHistory, oneStepInput, shiftInput, type Expectation, type Finding, type SeriesData } from './detector.js';
import { detectionRange, loadWatchedSeries, type ChangedCell } from './series-loader.js';
import '../forecasting.events.js';

export interface DetectionResult {
  series: number;
  expectations: number;
  anomalies: { id: string; seriesKey: string; period: string; kind: string; alertId: string | null; created: boolean }[];
}

/**
 * Re-judges the watched series for the given periods: stores what each was expected to do and what it did, records
 * departures as anomalies, and raises one alert per new anomaly (in the caller's transaction, so alert, audit entry
 * and notification commit together). Only the current and the previous period are judged: late corrections to older
 * periods update the counts, not the alarms.
 */
export async function detectAnomalies(sql: Sql, frequency: Frequency, changed: readonly ChangedCell[] | 'all', periods: readonly string[], now = new Date()): Promise<DetectionResult> {
  const range = await dataRange(sql, frequency);
  if (!range || periods.length === 0) return { series: 0, expectations: 0, anomalies: [] };
  const window = detectionRange(range.last, range.first, frequency);
  const watched = await loadWatchedSeries(sql, frequency, window, changed);
  const jobs: { data: SeriesData; index: number }[] = [];
  for (const data of watched) {
    for (const period of periods) {
      const index = data.history.periods.indexOf(period);
      if (index >= 0 && hasHistory(data, index)) jobs.push({ data, index });
    }
  }
  const m = seasonLength(frequency);
  const oneStep = await forecastPanel(jobs.map(({ data, index }, i) => ({ id: String(i), m, values: oneStepInput(data, index) })), 1);
  const shiftJobs = jobs.map(({ data, index }) => shiftInput(data, index));
  const shiftForecasts = await forecastPanel(shiftJobs.flatMap((values, i) => (values ? [{ id: String(i), m, values }] : [])), 6);
  let next = 0;
  const expectations: { data: SeriesData; expectation: Expectation }[] = [];
  const findings: { data: SeriesData; finding: Finding }[] = [];
  jobs.forEach(({ data, index }, i) => {
    const shift = shiftJobs[i] ? shiftForecasts[next++]! : null;
    const result = evaluatePeriod(data, index, now, oneStep[i]!, shift);
    expectations.push({ data, expectation: result.expectation });
    for (const finding of result.findings) findings.push({ data, finding });
  });
  await storeExpectations(sql, frequency, expectations);
  const anomalies = [];
  for (const { data, finding } of findings) anomalies.push(await recordAnomaly(sql, data, finding));
  return { series: watched.length, expectations: expectations.length, anomalies };
}

/** The periods worth judging now: the one filling and the last complete one. */
export function recentPeriods(frequency: Frequency, now = new Date()): string[] {
  const current = periodOf(now, frequency);
  return [nextPeriod(current, frequency, -1), current];
}

async function storeExpectations(sql: Sql, frequency: Frequency, rows: readonly { data: SeriesData; expectation: Expectation }[]): Promise<void> {
  const chunk = 2000;
  for (let from = 0; from < rows.length; from += chunk) {
    const part = rows.slice(from, from + chunk);
    const column = <T>(pick: (row: { data: SeriesData; expectation: Expectation }) => T) => part.map(pick);
    await sql.query(
      `insert into forecast_expectations (series_key, frequency, period, region, district, chapter, article, observed, expected, lo80, hi80, lo95, hi95, score, model, complete)
       select k, $1, p, r, d, c, a, o, e, l8, h8, l9, h9, s, m, done
       from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::float8[], $11::float8[], $12::float8[], $13::float8[], $14::float8[], $15::text[], $16::bool[])
         as t(k, p, r, d, c, a, o, e, l8, h8, l9, h9, s, m, done)
       on conflict (series_key, frequency, period) do update set observed = excluded.observed, expected = excluded.expected, lo80 = excluded.lo80,
         hi80 = excluded.hi80, lo95 = excluded.lo95, hi95 = excluded.hi95, score = excluded.score, model = excluded.model, complete = excluded.complete, computed_at = now()`,
      [
        frequency, column(({ data }) => seriesKey(data.slice)), column(({ expectation }) => expectation.period),
        column(({ data }) => data.slice.region ?? 'KZ'), column(({ data }) => data.slice.district ?? ''), column(({ data }) => data.slice.chapter ?? ''),
        column(({ data }) => data.slice.article ?? ''), column(({ expectation }) => expectation.observed), column(({ expectation }) => expectation.expected),
        column(({ expectation }) => expectation.lo80), column(({ expectation }) => expectation.hi80), column(({ expectation }) => expectation.lo95),
        column(({ expectation }) => expectation.hi95), column(({ expectation }) => expectation.score), column(({ expectation }) => expectation.model),
        column(({ expectation }) => expectation.complete),
      ],
    );
  }
}

/**
 * Severity grows with the departure. Among hundreds of watched series a 95 % interval is left by chance somewhere every
 * month; such marginal breaches (inside the 99 % range, |z| < 2.58) are low, so subscriptions at medium and above
 * hear only departures chance rarely explains.
 */
function severityOf(slice: Slice, finding: Finding): Severity {
  const size = Math.abs(finding.score);
  if (finding.kind === 'interval_breach' && size < 2.58) return 'low';
  if (finding.direction === 'down') return 'medium';
  const strong = finding.kind === 'sustained_shift' ? size >= 8 : size >= 4;
  return strong || slice.region === null ? 'high' : 'medium';
}

/** Country-level departures go to the inbox of the region that drives them most (national staff see every region). */
function alertRegion(slice: Slice, finding: Finding): string {
  if (slice.region) return slice.region;
  const drivers = (finding.evidence.drivers ?? []) as { dimension: string; code: string }[];
  return drivers.find((driver) => driver.dimension === 'region')?.code ?? 'KZ-71';
}

async function recordAnomaly(sql: Sql, data: SeriesData, finding: Finding) {
  const key = seriesKey(data.slice);
  const period = String(finding.evidence.period);
  const [row] = await sql.query<{ id: string; alert_id: string | null; created: boolean }>(
    `insert into forecast_anomalies (id, series_key, frequency, period, kind, direction, region, district, chapter, article, observed, expected, lo95, hi95, score, evidence)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     on conflict (series_key, frequency, period, kind) do update set observed = excluded.observed, expected = excluded.expected, score = excluded.score,
       evidence = excluded.evidence, direction = excluded.direction
     returning id, alert_id, (xmax = 0) as created`,
    [randomUUID(), key, data.slice.frequency, period, finding.kind, finding.direction, data.slice.region ?? 'KZ', data.slice.district ?? '', data.slice.chapter ?? '',
      data.slice.article ?? '', finding.observed, finding.expected, finding.lo95, finding.hi95, finding.score, JSON.stringify({ ...finding.evidence, summary: finding.summary })],
  );
  let alertId = row!.alert_id;
  if (!alertId) {
    const title = finding.kind === 'interval_breach'
      ? `${finding.direction === 'up' ? 'More' : 'Fewer'} offences than forecast: ${describe(data.slice)}, ${period}`
      : `Sustained ${finding.direction === 'up' ? 'rise' : 'fall'}: ${describe(data.slice)}, to ${period}`;
    const { alert } = await raiseAlert(sql, systemActor, {
      module: 'forecasting',
      kind: finding.kind,
      severity: severityOf(data.slice, finding),
      region: alertRegion(data.slice, finding),
      subject: { type: 'offence_series', id: key, label: describe(data.slice) },
      title,
      summary: finding.summary,
      evidence: { ...finding.evidence, anomalyId: row!.id },
      topics: [`chapter:${data.slice.chapter ?? 'all'}`],
      dedupeKey: finding.kind === 'sustained_shift' ? `forecasting:shift:${key}:${data.slice.frequency}:${finding.direction}` : `forecasting:breach:${key}:${data.slice.frequency}:${period}`,
      dedupeWindowMinutes: finding.kind === 'sustained_shift' ? 120 * 24 * 60 : 60 * 24 * 60,
    });
    alertId = alert.id;
    await sql.query('update forecast_anomalies set alert_id = $2 where id = $1', [row!.id, alertId]);
    await emitEvent(sql, 'forecasting.anomaly', { anomalyId: row!.id, seriesKey: key, period, kind: finding.kind, alertId });
  }
  return { id: row!.id, seriesKey: key, period, kind: finding.kind, alertId, created: row!.created };
}
