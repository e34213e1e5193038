import { forecastSeries, type SeriesForecast } from '../engine/forecast.js';
import { isComplete, periodEnd, seasonLength, type Frequency } from '../engine/periods.js';
import type { ChildDimension, History } from '../series/counts.repository.js';
import { describe, type Slice } from '../series/slice.js';

export interface SeriesData {
  slice: Slice;
  history: History;
  children: { dimension: ChildDimension; code: string; history: History }[];
}

export interface Expectation {
  period: string;
  observed: number;
  expected: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
  /** Standardised departure: (observed − expected) ÷ the forecast's standard error. */
  score: number;
  model: string;
  complete: boolean;
}

export interface Driver {
  dimension: ChildDimension;
  code: string;
  observed: number;
  expected: number;
  excess: number;
}

export interface Finding {
  kind: 'interval_breach' | 'sustained_shift';
  direction: 'up' | 'down';
  /** For a breach, the period's count and its expectation and range; for a shift, the same over the whole run. */
  observed: number;
  expected: number;
  lo95: number;
  hi95: number;
  score: number;
  summary: string;
  evidence: Record<string, unknown>;
}

/** Counts this small swing by chance alone; they are forecast, never alerted on. */
export const MIN_VOLUME = 10;
/** CUSUM (Page 1954) on standardised errors: allowance k = 0.5, decision limit h = 5, over this many periods. */
export const SHIFT_WINDOW = 6;
const CUSUM_K = 0.5;
const CUSUM_H = 5;
/**
 * A departure must also matter: with hundreds of series watched, a 95 % interval is breached somewhere every month by
 * chance, and the country total's interval is so narrow that a 2 % wobble leaves it. Alerts need the count to be at
 * least this share away from the expectation (and the shift's total excess this share of its expected total).
 */
export const MATERIAL_SHARE = 0.1;
const Z95 = 1.96;

/** Enough history to validate a seasonal model: two full years. */
export const hasHistory = (data: SeriesData, index: number) =>
  index >= 2 * seasonLength(data.slice.frequency);

/** The history a period is judged against: everything before it. */
export const oneStepInput = (data: SeriesData, index: number) => data.history.values.slice(0, index);
/** For the shift test: the forecast made SHIFT_WINDOW periods earlier, so the recent run is compared with the past. */
export const shiftInput = (data: SeriesData, index: number) =>
  index - SHIFT_WINDOW + 1 >= 2 * seasonLength(data.slice.frequency)
    ? data.history.values.slice(0, index - SHIFT_WINDOW + 1)
    : null;

/** Share of a period already elapsed: a partial count is compared with the same share of the expectation. */
export function elapsedShare(period: string, frequency: Frequency, now: Date): number {
  const end = periodEnd(period, frequency).getTime();
  const length =
    frequency === 'monthly' ? end - new Date(`${period}-01T00:00:00Z`).getTime() : 7 * 86_400_000;
  return Math.min(1, Math.max(0.02, 1 - (end - now.getTime()) / length));
}

/**
 * Judges one period of a series. A complete period is an interval breach when its count falls outside the 95 %
 * prediction interval made before it; a period still filling can only be judged upwards (its count so far already
 * above the whole period's upper bound). A sustained shift is a CUSUM over the last six complete periods against the
 * forecast made before them crossing its limit, in either direction: a rise may be a wave of offences, a fall may be a
 * wave of non-registration, and both deserve a look.
 */
export function evaluatePeriod(
  data: SeriesData,
  index: number,
  now: Date,
  oneStep: SeriesForecast,
  shift: SeriesForecast | null,
): { expectation: Expectation; findings: Finding[] } {
  const { slice, history } = data;
  const period = at(history.periods, index);
  const complete = isComplete(period, slice.frequency, now);
  const share = complete ? 1 : elapsedShare(period, slice.frequency, now);
  const observed = at(history.values, index);
  const mean = at(oneStep.mean, 0);
  const sigma = Math.max(0.5, (at(oneStep.hi95, 0) - at(oneStep.lo95, 0)) / (2 * Z95));
  const score = (observed - mean * share) / (sigma * Math.sqrt(share));
  const expectation: Expectation = {
    period,
    observed,
    expected: mean,
    lo80: at(oneStep.lo80, 0),
    hi80: at(oneStep.hi80, 0),
    lo95: at(oneStep.lo95, 0),
    hi95: at(oneStep.hi95, 0),
    score,
    model: oneStep.model,
    complete,
  };
  const findings: Finding[] = [];
  const volume = Math.max(observed, mean) >= MIN_VOLUME;
  const above = observed > expectation.hi95;
  const below = complete && observed < expectation.lo95;
  const material = Math.abs(observed - mean * share) >= Math.max(MATERIAL_SHARE * mean * share, 3);
  if (volume && material && (above || below)) {
    const drivers = driversOf(data, index, share, above ? 'up' : 'down');
    const unit = slice.frequency === 'monthly' ? 'month' : 'week';
    const sofar = complete ? '' : ` so far (${String(Math.round(share * 100))} % of the ${unit} elapsed)`;
    findings.push({
      kind: 'interval_breach',
      direction: above ? 'up' : 'down',
      observed,
      expected: mean,
      lo95: expectation.lo95,
      hi95: expectation.hi95,
      score,
      summary: `${describe(slice)}: ${String(observed)} offences registered in ${period}${sofar}; ${above ? 'above' : 'below'} the 95 % forecast range ${fmt(expectation.lo95)}–${fmt(expectation.hi95)} (expected ${fmt(mean)}, ${describeScore(score)}). ${driverWords(drivers)}${above ? '' : ' A fall in registrations can also mean offences going unregistered.'}`,
      evidence: { ...evidenceBase(data, expectation, oneStep), drivers, elapsedShare: share },
    });
  }
  if (complete && shift) {
    const finding = shiftFinding(data, index, shift, expectation, oneStep);
    if (finding) findings.push(finding);
  }
  return { expectation, findings };
}

function shiftFinding(
  data: SeriesData,
  index: number,
  forecast: SeriesForecast,
  expectation: Expectation,
  oneStep: SeriesForecast,
): Finding | null {
  const { slice, history } = data;
  const start = index - SHIFT_WINDOW + 1;
  let up = 0;
  let down = 0;
  const path: { period: string; observed: number; expected: number; z: number; up: number; down: number }[] =
    [];
  for (let j = 0; j < SHIFT_WINDOW; j++) {
    const observed = at(history.values, start + j);
    const expected = at(forecast.mean, j);
    const sigma = Math.max(0.5, (at(forecast.hi80, j) - at(forecast.lo80, j)) / (2 * 1.2816));
    const z = (observed - expected) / sigma;
    up = Math.max(0, up + z - CUSUM_K);
    down = Math.max(0, down - z - CUSUM_K);
    path.push({
      period: at(history.periods, start + j),
      observed,
      expected: round(expected),
      z: round(z),
      up: round(up),
      down: round(down),
    });
  }
  const totalObserved = path.reduce((sum, point) => sum + point.observed, 0);
  const totalExpected = forecast.mean.slice(0, SHIFT_WINDOW).reduce((sum, value) => sum + value, 0);
  if (Math.max(totalObserved, totalExpected) < MIN_VOLUME * SHIFT_WINDOW) return null;
  if (Math.abs(totalObserved - totalExpected) < MATERIAL_SHARE * totalExpected) return null;
  const direction = up >= CUSUM_H ? 'up' : down >= CUSUM_H ? 'down' : null;
  const lastZ = at(path, path.length - 1).z;
  if (!direction || (direction === 'up' ? lastZ <= 0 : lastZ >= 0)) return null;
  const excess = totalObserved - totalExpected;
  // The run's 95 % range, taking the six steps' errors as independent (they are not quite: it is on the narrow side).
  const runSpread =
    Z95 *
    Math.sqrt(
      forecast.mean
        .slice(0, SHIFT_WINDOW)
        .reduce((sum, _, j) => sum + ((at(forecast.hi95, j) - at(forecast.lo95, j)) / (2 * Z95)) ** 2, 0),
    );
  const drivers = driversOf(data, index, 1, direction);
  const unit = slice.frequency === 'monthly' ? 'months' : 'weeks';
  return {
    kind: 'sustained_shift',
    direction,
    observed: totalObserved,
    expected: totalExpected,
    lo95: Math.max(0, totalExpected - runSpread),
    hi95: totalExpected + runSpread,
    score: direction === 'up' ? up : -down,
    summary: `${describe(slice)}: a sustained ${direction === 'up' ? 'rise' : 'fall'} over the last ${String(SHIFT_WINDOW)} ${unit} to ${at(history.periods, index)}: ${String(totalObserved)} registered against ${fmt(totalExpected)} forecast before the run (${excess >= 0 ? '+' : ''}${fmt(excess)}, ${fmt((excess / Math.max(1, totalExpected)) * 100)} %); the cumulative sum of standardised departures reached ${fmt(direction === 'up' ? up : down)} (limit ${String(CUSUM_H)}). ${driverWords(drivers)}`,
    evidence: {
      ...evidenceBase(data, expectation, oneStep),
      cusum: { k: CUSUM_K, h: CUSUM_H, path },
      drivers,
    },
  };
}

function evidenceBase(data: SeriesData, expectation: Expectation, oneStep: SeriesForecast) {
  return {
    seriesKey: `${data.slice.region ?? 'KZ'}|${data.slice.district ?? '*'}|${data.slice.chapter ?? '*'}|${data.slice.article ?? '*'}`,
    frequency: data.slice.frequency,
    period: expectation.period,
    observed: expectation.observed,
    expected: round(expectation.expected),
    range80: [round(expectation.lo80), round(expectation.hi80)],
    range95: [round(expectation.lo95), round(expectation.hi95)],
    model: oneStep.model,
    validation: Object.fromEntries(
      Object.entries(oneStep.validation).map(([name, value]) => [name, round(value)]),
    ),
    complete: expectation.complete,
    note: 'Registered offences, not all crime.',
  };
}

/** Which children (articles, chapters, districts, regions) account for the departure, largest first. */
export function driversOf(
  data: SeriesData,
  index: number,
  share: number,
  direction: 'up' | 'down',
): Driver[] {
  const m = seasonLength(data.slice.frequency);
  const drivers = data.children.flatMap(({ dimension, code, history }) => {
    const past = history.values.slice(0, index);
    if (past.every((value) => value === 0) && history.values[index] === 0) return [];
    const expected =
      past.length >= m + 2
        ? at(forecastSeries(past, m, 1, ['snaive', 'theta']).mean, 0) * share
        : (past[past.length - 1] ?? 0) * share;
    const observed = at(history.values, index);
    return [{ dimension, code, observed, expected: round(expected), excess: round(observed - expected) }];
  });
  const sign = direction === 'up' ? 1 : -1;
  const along = drivers.filter((driver) => sign * driver.excess > 0);
  // Children whose share of the departure is under a tenth are noise around it, not what drives it.
  const total = along.reduce((sum, driver) => sum + sign * driver.excess, 0);
  return along
    .filter((driver) => sign * driver.excess >= 0.1 * total)
    .sort((a, b) => sign * (b.excess - a.excess))
    .slice(0, 5);
}

function driverWords(drivers: readonly Driver[]): string {
  if (drivers.length === 0) return '';
  const named = drivers
    .slice(0, 3)
    .map(
      (driver) =>
        `${driver.dimension} ${driver.code || '(not stated)'} ${driver.excess >= 0 ? '+' : ''}${fmt(driver.excess)} (${String(driver.observed)} vs ${fmt(driver.expected)})`,
    );
  return `Driven by: ${named.join('; ')}.`;
}

function describeScore(score: number): string {
  return `${fmt(Math.abs(score))} standard errors ${score >= 0 ? 'above' : 'below'}`;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The value at an index the caller knows is there (a period of the history, a step of the horizon); a clear error if not. */
function at<T>(list: readonly T[], index: number): T {
  const value = list[index];
  if (value === undefined)
    throw new RangeError(`index ${String(index)} is outside a list of ${String(list.length)}`);
  return value;
}
const fmt = (value: number) =>
  Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
