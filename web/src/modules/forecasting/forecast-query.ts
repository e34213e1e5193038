import { buildUrl, type Query } from '../../app/api-client';
import { FREQUENCIES, MAP_MEASURES } from './types';
import type {
  Frequency,
  MapMeasure,
  SliceCodes,
} from '../../../../src/modules/forecasting/forecasting.contract.js';

// The view lives in the URL (/forecasting?region=KZ-75&chapter=06&horizon=12) so it can be linked, and the back
// button undoes a drill-down.

export interface ForecastQuery extends SliceCodes {
  frequency: Frequency;
  horizon: number;
  measure: MapMeasure;
}

/** The server's bounds (forecasting.schema.ts, horizonFor): up to 24 months or 26 weeks ahead. */
export const MAX_HORIZON: Record<Frequency, number> = { monthly: 24, weekly: 26 };
const DEFAULT_HORIZON: Record<Frequency, number> = { monthly: 12, weekly: 13 };

export const DEFAULT_QUERY: ForecastQuery = {
  frequency: 'monthly',
  region: null,
  district: null,
  chapter: null,
  article: null,
  horizon: DEFAULT_HORIZON.monthly,
  measure: 'rate',
};

function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function matching(value: string | null, pattern: RegExp): string | null {
  return value !== null && pattern.test(value) ? value : null;
}

export function clampHorizon(horizon: number, frequency: Frequency): number {
  if (!Number.isFinite(horizon)) return DEFAULT_HORIZON[frequency];
  return Math.min(MAX_HORIZON[frequency], Math.max(1, Math.round(horizon)));
}

/** Values a hand-edited URL gets wrong are dropped rather than sent, so they cannot turn the screen into a 400. */
export function queryFromUrl(params: URLSearchParams): ForecastQuery {
  const frequency = oneOf(FREQUENCIES, params.get('frequency'), 'monthly');
  const region = matching(params.get('region'), /^KZ-\d{2}$/);
  const rawDistrict = params.get('district');
  // "none" is the URL's (and the API's) spelling of the records whose district was not stated.
  const district = !region ? null : rawDistrict === 'none' ? '' : matching(rawDistrict, /^KZ-\d{2}-\d{2}$/);
  const horizon = params.has('horizon')
    ? clampHorizon(Number(params.get('horizon')), frequency)
    : DEFAULT_HORIZON[frequency];
  return {
    frequency,
    region,
    district:
      district !== null && region && district !== '' && !district.startsWith(region) ? null : district,
    chapter: matching(params.get('chapter'), /^\d{2}$/),
    article: matching(params.get('article'), /^\d{1,3}(-\d{1,2})?$/),
    horizon,
    measure: oneOf(MAP_MEASURES, params.get('measure'), 'rate'),
  };
}

/** The slice as the API takes it: district '' becomes "none"; an unset level is left out. */
export function sliceToApi(q: SliceCodes & { frequency: Frequency }): Query {
  return {
    frequency: q.frequency,
    region: q.region,
    district: q.district === '' ? 'none' : q.district,
    chapter: q.chapter,
    article: q.article,
  };
}

/** The dashboard URL of a view; defaults are left out to keep links short. */
export function forecastingHref(q: ForecastQuery, path = '/forecasting'): string {
  return buildUrl(path, {
    ...sliceToApi(q),
    frequency: q.frequency === 'monthly' ? null : q.frequency,
    horizon: q.horizon === DEFAULT_HORIZON[q.frequency] ? null : q.horizon,
    measure: q.measure === 'rate' ? null : q.measure,
  });
}

export function withFrequency(q: ForecastQuery, frequency: Frequency): ForecastQuery {
  return { ...q, frequency, horizon: frequency === q.frequency ? q.horizon : DEFAULT_HORIZON[frequency] };
}

/** Drill to another area: choosing a region forgets the district; null goes back to the country. */
export function withArea(
  q: ForecastQuery,
  region: string | null,
  district: string | null = null,
): ForecastQuery {
  return { ...q, region, district: region ? district : null };
}

/** Choose a category: a chapter forgets the article; an article keeps (or sets) its chapter. */
export function withCategory(
  q: ForecastQuery,
  chapter: string | null,
  article: string | null = null,
): ForecastQuery {
  return { ...q, chapter, article: chapter ? article : null };
}
