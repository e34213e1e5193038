import { randomUUID } from 'node:crypto';
import { emitEvent, raiseAlert, type Severity, type Sql, systemActor } from '../../../core/index.js';
import type { SeriesForecast } from '../engine/forecast.js';
import { forecastPanel } from '../engine/panel.js';
import { nextPeriod, periodOf, seasonLength, type Frequency } from '../engine/periods.js';
import { dataRange } from '../series/counts.repository.js';
import { describe, seriesKey, type Slice } from '../series/slice.js';
import {
  linkAnomalyAlert,
  storeExpectations,
  upsertAnomaly,
  type ExpectationRow,
} from './anomalies.repository.js';
import {
  evaluatePeriod,
  hasHistory,
  oneStepInput,
  shiftInput,
  type Expectation,
  type Finding,
  type SeriesData,
} from './detector.js';
import { detectionRange, loadWatchedSeries, type ChangedCell } from './series-loader.js';
import '../forecasting.events.js';

export interface DetectionResult {
  series: number;
  expectations: number;
  anomalies: {
    id: string;
    seriesKey: string;
    period: string;
    kind: string;
    alertId: string | null;
    created: boolean;
  }[];
}

/**
 * Re-judges the watched series for the given periods: stores what each was expected to do and what it did, records
 * departures as anomalies, and raises one alert per new anomaly (in the caller's transaction, so alert, audit entry
 * and notification commit together). Only the current and the previous period are judged: late corrections to older
 * periods update the counts, not the alarms.
 */
export async function detectAnomalies(
  sql: Sql,
  frequency: Frequency,
  changed: readonly ChangedCell[] | 'all',
  periods: readonly string[],
  now = new Date(),
): Promise<DetectionResult> {
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
  const oneStep = await forecastPanel(
    jobs.map(({ data, index }, i) => ({ id: String(i), m, values: oneStepInput(data, index) })),
    1,
  );
  const shiftJobs = jobs.map(({ data, index }) => shiftInput(data, index));
  const shiftForecasts = await forecastPanel(
    shiftJobs.flatMap((values, i) => (values ? [{ id: String(i), m, values }] : [])),
    6,
  );
  let next = 0;
  const expectations: { data: SeriesData; expectation: Expectation }[] = [];
  const findings: { data: SeriesData; finding: Finding }[] = [];
  jobs.forEach(({ data, index }, i) => {
    const shift = shiftJobs[i] ? forecastAt(shiftForecasts, next++) : null;
    const result = evaluatePeriod(data, index, now, forecastAt(oneStep, i), shift);
    expectations.push({ data, expectation: result.expectation });
    for (const finding of result.findings) findings.push({ data, finding });
  });
  await storeExpectations(sql, frequency, expectations.map(expectationRow));
  const anomalies = [];
  for (const { data, finding } of findings) anomalies.push(await recordAnomaly(sql, data, finding));
  return { series: watched.length, expectations: expectations.length, anomalies };
}

/** The periods worth judging now: the one filling and the last complete one. */
export function recentPeriods(frequency: Frequency, now = new Date()): string[] {
  const current = periodOf(now, frequency);
  return [nextPeriod(current, frequency, -1), current];
}

/** The panel answers every series it was given, in order; a gap is a defect to report, not a NaN to store. */
function forecastAt(forecasts: readonly SeriesForecast[], index: number): SeriesForecast {
  const forecast = forecasts[index];
  if (!forecast)
    throw new Error(
      `the forecast panel returned no forecast for series ${String(index)} of ${String(forecasts.length)}`,
    );
  return forecast;
}

const expectationRow = ({
  data,
  expectation,
}: {
  data: SeriesData;
  expectation: Expectation;
}): ExpectationRow => ({
  seriesKey: seriesKey(data.slice),
  period: expectation.period,
  region: data.slice.region ?? 'KZ',
  district: data.slice.district ?? '',
  chapter: data.slice.chapter ?? '',
  article: data.slice.article ?? '',
  observed: expectation.observed,
  expected: expectation.expected,
  lo80: expectation.lo80,
  hi80: expectation.hi80,
  lo95: expectation.lo95,
  hi95: expectation.hi95,
  score: expectation.score,
  model: expectation.model,
  complete: expectation.complete,
});

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
  const row = await upsertAnomaly(sql, {
    id: randomUUID(),
    seriesKey: key,
    frequency: data.slice.frequency,
    period,
    kind: finding.kind,
    direction: finding.direction,
    region: data.slice.region ?? 'KZ',
    district: data.slice.district ?? '',
    chapter: data.slice.chapter ?? '',
    article: data.slice.article ?? '',
    observed: finding.observed,
    expected: finding.expected,
    lo95: finding.lo95,
    hi95: finding.hi95,
    score: finding.score,
    evidence: { ...finding.evidence, summary: finding.summary },
  });
  let alertId = row.alert_id;
  if (!alertId) {
    const title =
      finding.kind === 'interval_breach'
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
      evidence: { ...finding.evidence, anomalyId: row.id },
      topics: [`chapter:${data.slice.chapter ?? 'all'}`],
      dedupeKey:
        finding.kind === 'sustained_shift'
          ? `forecasting:shift:${key}:${data.slice.frequency}:${finding.direction}`
          : `forecasting:breach:${key}:${data.slice.frequency}:${period}`,
      dedupeWindowMinutes: finding.kind === 'sustained_shift' ? 120 * 24 * 60 : 60 * 24 * 60,
    });
    alertId = alert.id;
    await linkAnomalyAlert(sql, row.id, alertId);
    await emitEvent(sql, 'forecasting.anomaly', {
      anomalyId: row.id,
      seriesKey: key,
      period,
      kind: finding.kind,
      alertId,
    });
  }
  return { id: row.id, seriesKey: key, period, kind: finding.kind, alertId, created: row.created };
}
