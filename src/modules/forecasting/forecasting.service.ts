import { type Actor, canSeeRegion, csvField, problems, regions, type Sql } from '../../core/index.js';
import { forecastSlice, type ForecastCache, type SliceForecastView } from './analysis/slice-forecast.js';
import { listAnomalies } from './anomalies/anomalies.repository.js';
import { articles, chapters, criminalCodeSource, districtsOf } from './catalogue/catalogue.js';
import { isComplete, nextPeriod, periodOf, seasonLength, type Frequency } from './engine/periods.js';
import {
  mapMeasures,
  type Catalogue,
  type DeparturesView,
  type ForecastView,
  type MapView,
} from './forecasting.contract.js';
import { largestDepartures, regionCounts, regionExpectations } from './forecasting.repository.js';
import { dataRange } from './series/counts.repository.js';
import { describe, parseSeriesKey, type Slice } from './series/slice.js';

/**
 * Counts and forecasts are for everyone with the permission, but an anomaly's alert and record follow region scope:
 * outside the user's regions the figures stay and the links go, as the inbox would answer 404.
 */
function visibleAlert(
  actor: Actor,
  anomalyId: string | null,
  alertId: string | null,
  alertRegion: string | null,
) {
  const visible = alertRegion !== null && canSeeRegion(actor, alertRegion);
  return { anomalyId: visible ? anomalyId : null, alertId: visible ? alertId : null };
}

export function horizonFor(slice: Slice, horizon: number | undefined): number {
  const h = horizon ?? 12;
  if (slice.frequency === 'monthly' && h > 24)
    throw problems.validation('monthly forecasts go up to 24 months ahead', [
      { field: 'querystring/horizon', message: 'must be at most 24 for monthly series' },
    ]);
  return h;
}

/** The latest complete period of a frequency, or the requested one. */
async function periodFor(
  sql: Sql,
  frequency: Frequency,
  requested: string | undefined,
): Promise<string | null> {
  if (requested) return requested;
  const range = await dataRange(sql, frequency);
  if (!range) return null;
  let period = range.last;
  while (!isComplete(period, frequency, new Date()) && period > range.first)
    period = nextPeriod(period, frequency, -1);
  return period;
}

export async function catalogueView(sql: Sql): Promise<Catalogue> {
  return {
    regions: regions.map((region) => ({
      code: region.code,
      name: region.name,
      population: region.population,
      districts: districtsOf(region.code).map(({ code, name, population }) => ({ code, name, population })),
    })),
    chapters: chapters.map((chapter) => ({
      ...chapter,
      articles: articles
        .filter((article) => article.chapter === chapter.code)
        .map(({ code, name, short }) => ({ code, name, short })),
    })),
    ranges: {
      monthly: (await dataRange(sql, 'monthly')) ?? null,
      weekly: (await dataRange(sql, 'weekly')) ?? null,
    },
    currentPeriod: { monthly: periodOf(new Date(), 'monthly'), weekly: periodOf(new Date(), 'weekly') },
    source: criminalCodeSource,
    note: 'Registered offences, not all crime: reporting and registration practice move the counts too.',
  };
}

/** A slice's forecast with the anomalies flagged on it; a candidate that could not be validated scores null. */
export async function forecastView(
  sql: Sql,
  actor: Actor,
  slice: Slice,
  horizon: number,
  cache: ForecastCache,
): Promise<ForecastView> {
  const view = await forecastSlice(sql, slice, horizon, cache);
  const flagged = await listAnomalies(sql, null, {
    limit: 100,
    seriesKey: view.slice.key,
    frequency: slice.frequency,
  });
  return {
    ...view,
    validation: Object.fromEntries(
      Object.entries(view.validation).map(([name, score]) => [name, Number.isFinite(score) ? score : null]),
    ),
    flagged: flagged.map((row) => ({
      id: row.id,
      period: row.period,
      kind: row.kind,
      direction: row.direction,
      observed: row.observed,
      expected: row.expected,
      lo95: row.lo95,
      hi95: row.hi95,
      alertId: visibleAlert(actor, row.id, row.alert_id, row.alert_region).alertId,
    })),
  };
}

/** The slice's history and forecast as CSV: one line per observed, partial and forecast period. */
export function forecastCsv(slice: Slice, view: SliceForecastView): { file: string; body: string } {
  const lines = ['series,period,kind,count,mean,lo80,hi80,lo95,hi95,model'];
  const name = describe(slice);
  for (const point of view.history)
    lines.push(
      [name, point.period, 'observed', String(point.count), '', '', '', '', '', ''].map(csvField).join(','),
    );
  if (view.partial)
    lines.push(
      [name, view.partial.period, 'partial', String(view.partial.count), '', '', '', '', '', '']
        .map(csvField)
        .join(','),
    );
  for (const point of view.forecast)
    lines.push(
      [
        name,
        point.period,
        'forecast',
        '',
        ...[point.mean, point.lo80, point.hi80, point.lo95, point.hi95].map((value) => value.toFixed(2)),
        view.model,
      ]
        .map(csvField)
        .join(','),
    );
  const file = `offences-${view.slice.key.replaceAll('|', '_').replaceAll('*', 'all')}-${slice.frequency}.csv`;
  return { file, body: `${lines.join('\n')}\n` };
}

/** Per region for one period and category: count, rate per 10,000, year-on-year change and anomaly score. */
export async function regionMap(
  sql: Sql,
  frequency: Frequency,
  chapter: string | null,
  requested: string | undefined,
): Promise<MapView> {
  const period = await periodFor(sql, frequency, requested);
  if (!period) return { period: null, frequency, chapter, regions: [] };
  const yearAgo = nextPeriod(period, frequency, -seasonLength(frequency));
  const counts = await regionCounts(sql, frequency, [period, yearAgo], chapter);
  const scores = await regionExpectations(sql, frequency, period, chapter);
  const count = (region: string, at: string) =>
    counts.find((row) => row.region === region && row.period === at)?.count ?? 0;
  return {
    period,
    frequency,
    chapter,
    measures: [...mapMeasures],
    regions: regions.map((region) => {
      const now = count(region.code, period);
      const before = count(region.code, yearAgo);
      const score = scores.find((row) => row.region === region.code);
      return {
        code: region.code,
        name: region.name,
        count: now,
        rate: Math.round((now / region.population) * 10_000 * 1000) / 1000,
        yearOnYear: before > 0 ? Math.round(((now - before) / before) * 1000) / 10 : null,
        anomalyScore: score ? Math.round(score.score * 100) / 100 : null,
        expected: score ? Math.round(score.expected * 10) / 10 : null,
      };
    }),
  };
}

/** The biggest departures from expectation in a period, over the watched series; links only within the caller's regions. */
export async function departures(
  sql: Sql,
  actor: Actor,
  frequency: Frequency,
  requested: string | undefined,
  limit: number,
): Promise<DeparturesView> {
  const period = await periodFor(sql, frequency, requested);
  if (!period) return { period: null, frequency, items: [] };
  const rows = await largestDepartures(sql, frequency, period, limit);
  return {
    period,
    frequency,
    items: rows.map((row) => {
      const slice = parseSeriesKey(row.series_key, frequency);
      return {
        seriesKey: row.series_key,
        slice,
        label: describe(slice),
        observed: row.observed,
        expected: row.expected,
        lo80: row.lo80,
        hi80: row.hi80,
        lo95: row.lo95,
        hi95: row.hi95,
        score: row.score,
        model: row.model,
        complete: row.complete,
        outside95: row.observed > row.hi95 || (row.complete && row.observed < row.lo95),
        ...visibleAlert(actor, row.anomaly_id, row.alert_id, row.alert_region),
      };
    }),
  };
}
