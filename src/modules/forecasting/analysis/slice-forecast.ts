import { present, type Sql } from '../../../core/index.js';
import type { ForecastView } from '../forecasting.contract.js';
import { forecastSeries, type SeriesForecast } from '../engine/forecast.js';
import { nextPeriod, seasonLength } from '../engine/periods.js';
import { reconcileTotal } from '../engine/reconcile.js';
import {
  childHistories,
  dataRange,
  sliceHistory,
  type ChildDimension,
  type DataRange,
  type History,
} from '../series/counts.repository.js';
import { labelOf, seriesKey, type Slice } from '../series/slice.js';
import { lastCompleteIndex } from './dynamics.js';

/** The forecast a slice answers with, before the route adds the anomalies flagged on it (forecasting.contract.ts). */
export type SliceForecastView = Omit<ForecastView, 'validation' | 'flagged'> & {
  validation: SeriesForecast['validation'];
};

interface Coherent {
  base: SeriesForecast;
  mean: number[];
  shift: number[];
  reconciledWith: { level: 'country' | 'regions' | 'region' | 'chapter'; with: string } | null;
}

/** Forecasts computed for one state of the data; the version moves whenever counts change. */
export class ForecastCache {
  private version = 0;
  private readonly entries = new Map<string, Coherent>();

  invalidate(): void {
    this.version++;
    this.entries.clear();
  }

  get(key: string): Coherent | undefined {
    return this.entries.get(`${String(this.version)}:${key}`);
  }

  set(key: string, value: Coherent): void {
    if (this.entries.size > 2000) this.entries.clear();
    this.entries.set(`${String(this.version)}:${key}`, value);
  }
}

const MODEL_WORDS: Record<string, string> = {
  snaive: 'seasonal naive (same period last year)',
  theta: 'Theta (smoothed level with half the long-run trend)',
  tsb: 'TSB (for small, intermittent counts)',
  combination: 'the mean of ETS and Theta',
};

export function describeModel(model: string): string {
  if (model.startsWith('ets(')) {
    const [, trend, season] = /ets\(A,(\w+),(\w)\)/.exec(model) ?? [];
    const trendWords = trend === 'N' ? 'no trend' : trend === 'Ad' ? 'a damped trend' : 'a trend';
    const seasonWords =
      season === 'N' ? 'no season' : season === 'M' ? 'a multiplicative season' : 'an additive season';
    return `exponential smoothing with ${trendWords} and ${seasonWords}`;
  }
  return MODEL_WORDS[model] ?? model;
}

/**
 * A slice's forecast, coherent with the hierarchy: regions sum to the country, a region's districts to the region,
 * a chapter's articles to the chapter. Each level is reconciled against the already reconciled level above it.
 */
export async function forecastSlice(
  sql: Sql,
  slice: Slice,
  horizon: number,
  cache: ForecastCache,
  now = new Date(),
): Promise<SliceForecastView> {
  const range = await dataRange(sql, slice.frequency);
  const head = { ...slice, key: seriesKey(slice), label: labelOf(slice) };
  if (!range)
    return {
      slice: head,
      horizon,
      history: [],
      partial: null,
      forecast: [],
      model: 'none',
      validation: {},
      reconciliation: null,
      explanation: 'No counts have been received for this frequency yet.',
    };
  const full = await sliceHistory(sql, slice, range);
  const last = lastCompleteIndex(full, slice, now);
  // A data range holds at least one period.
  const fitted: DataRange = {
    first: range.first,
    last: present(full.periods[Math.max(0, last)], 'the last fitted period'),
  };
  const coherent = await coherentForecast(sql, slice, fitted, horizon, cache);
  const { base } = coherent;
  // The shift and the bounds have an entry for every step of the horizon, like the mean.
  const points = coherent.mean.map((mean, i) => {
    const clip = (value: number | undefined) => Math.max(0, (value ?? NaN) + (coherent.shift[i] ?? NaN));
    return {
      period: nextPeriod(fitted.last, slice.frequency, i + 1),
      mean,
      lo80: clip(base.lo80[i]),
      hi80: clip(base.hi80[i]),
      lo95: clip(base.lo95[i]),
      hi95: clip(base.hi95[i]),
    };
  });
  const partial = full.periods[last + 1];
  const meanShift =
    coherent.shift.reduce((sum, value) => sum + value, 0) / Math.max(1, coherent.shift.length);
  return {
    slice: head,
    horizon,
    // fillRange gives a count for every period.
    history: full.periods.slice(0, last + 1).map((period, i) => ({ period, count: full.values[i] ?? 0 })),
    partial: partial !== undefined ? { period: partial, count: full.values[last + 1] ?? 0 } : null,
    forecast: points,
    model: base.model,
    validation: base.validation,
    reconciliation: coherent.reconciledWith
      ? { ...coherent.reconciledWith, meanAdjustment: meanShift }
      : null,
    explanation: explain(base, coherent.reconciledWith?.with ?? null, meanShift),
  };
}

function explain(base: SeriesForecast, reconciledWith: string | null, meanShift: number): string {
  const scores = Object.entries(base.validation)
    .filter(([, value]) => Number.isFinite(value))
    .sort((a, b) => a[1] - b[1]);
  const chosenKey = base.model.startsWith('ets(') ? 'ets' : base.model;
  const parts = [
    `Model: ${describeModel(base.model)}, chosen by rolling-origin validation.`,
    scores.length
      ? `Validation error (MASE, lower is better; 1.0 = as good as repeating last year): ${scores.map(([name, value]) => `${name} ${value.toFixed(2)}${name === chosenKey ? ' (chosen)' : ''}`).join(', ')}.`
      : 'Too little history to validate; seasonal naive is used.',
    'The 80 % and 95 % ranges come from this model’s own errors at the validation origins.',
  ];
  if (chosenKey === 'combination' && scores[0]?.[0] !== 'combination')
    parts.push('The combination is kept unless a single model is more than 10 % better in validation.');
  if (reconciledWith)
    parts.push(
      `Reconciled with ${reconciledWith}: shifted by ${meanShift >= 0 ? '+' : ''}${meanShift.toFixed(1)} per period on average so that the levels add up.`,
    );
  parts.push(
    'These are registered offences, not all crime: changes in reporting and registration move them too.',
  );
  return parts.join(' ');
}

/** A slice's own forecast; `known` is its history when the caller already loaded it with its siblings'. */
async function baseForecast(
  sql: Sql,
  slice: Slice,
  range: DataRange,
  horizon: number,
  cache: ForecastCache,
  known?: History,
): Promise<SeriesForecast> {
  const key = `base:${slice.frequency}:${seriesKey(slice)}:${range.last}:${String(horizon)}`;
  const cached = cache.get(key);
  if (cached) return cached.base;
  const history = known ?? (await sliceHistory(sql, slice, range));
  const base = forecastSeries(history.values, seasonLength(slice.frequency), horizon);
  cache.set(key, { base, mean: base.mean, shift: base.mean.map(() => 0), reconciledWith: null });
  return base;
}

async function coherentForecast(
  sql: Sql,
  slice: Slice,
  range: DataRange,
  horizon: number,
  cache: ForecastCache,
): Promise<Coherent> {
  const key = `coherent:${slice.frequency}:${seriesKey(slice)}:${range.last}:${String(horizon)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let result: Coherent;
  if (slice.district !== null)
    result = await withinParent(
      sql,
      slice,
      slice.district,
      { ...slice, district: null },
      'district',
      range,
      horizon,
      cache,
    );
  else if (slice.article !== null)
    result = await withinParent(
      sql,
      slice,
      slice.article,
      { ...slice, article: null },
      'article',
      range,
      horizon,
      cache,
    );
  else result = await acrossRegions(sql, slice, range, horizon, cache);
  cache.set(key, result);
  return result;
}

/** Country and regions: the two-level OLS reconciliation, every region's forecast and the country's counting. */
async function acrossRegions(
  sql: Sql,
  slice: Slice,
  range: DataRange,
  horizon: number,
  cache: ForecastCache,
): Promise<Coherent> {
  const country = { ...slice, region: null };
  const totalBase = await baseForecast(sql, country, range, horizon, cache);
  const histories = await childHistories(sql, country, 'region', range);
  const regionCodes = [...histories.keys()].sort();
  const parts = await Promise.all(
    regionCodes.map((region) =>
      baseForecast(sql, { ...country, region }, range, horizon, cache, histories.get(region)),
    ),
  );
  const reconciled = reconcileTotal(
    totalBase.mean,
    parts.map((part) => part.mean),
  );
  if (slice.region === null)
    return coherent(
      totalBase,
      reconciled.total,
      parts.length ? { level: 'regions', with: 'the 20 regions' } : null,
    );
  // reconcileTotal returns one part for each part it was given; a region without counts has neither.
  const index = regionCodes.indexOf(slice.region);
  const part = parts[index];
  const reconciledPart = reconciled.parts[index];
  if (part && reconciledPart)
    return coherent(part, reconciledPart, { level: 'country', with: 'the country total' });
  const own = await baseForecast(sql, slice, range, horizon, cache);
  return coherent(own, own.mean, null);
}

/**
 * Districts within their (reconciled) region, articles within their (reconciled) chapter: the level above is fixed,
 * and the gap between it and the sum of the parts is shared equally by the parts (the OLS solution with the total
 * held), keeping counts non-negative.
 */
async function withinParent(
  sql: Sql,
  slice: Slice,
  own: string,
  parent: Slice,
  dimension: ChildDimension,
  range: DataRange,
  horizon: number,
  cache: ForecastCache,
): Promise<Coherent> {
  const total = await coherentForecast(sql, parent, range, horizon, cache);
  const histories = await childHistories(sql, parent, dimension, range);
  const codes = [...histories.keys()].sort();
  const parts = await Promise.all(
    codes.map((code) =>
      baseForecast(sql, { ...parent, [dimension]: code }, range, horizon, cache, histories.get(code)),
    ),
  );
  const ownPart = parts[codes.indexOf(own)];
  if (!ownPart) {
    const base = await baseForecast(sql, slice, range, horizon, cache);
    return coherent(base, base.mean, null);
  }
  // Every forecast here has the same horizon.
  const adjusted = total.mean.map((value, i) => {
    const gap = value - parts.reduce((sum, part) => sum + (part.mean[i] ?? NaN), 0);
    return Math.max(0, (ownPart.mean[i] ?? NaN) + gap / parts.length);
  });
  return coherent(
    ownPart,
    adjusted,
    dimension === 'district'
      ? { level: 'region', with: 'the region’s forecast' }
      : { level: 'chapter', with: 'the chapter’s forecast' },
  );
}

function coherent(
  base: SeriesForecast,
  mean: number[],
  reconciledWith: Coherent['reconciledWith'],
): Coherent {
  return { base, mean, shift: mean.map((value, i) => value - (base.mean[i] ?? NaN)), reconciledWith };
}
