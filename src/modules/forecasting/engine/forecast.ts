import { mase } from './metrics.js';
import {
  combine,
  combinationMembers,
  etsName,
  etsOfForm,
  seasonalNaive,
  selectEtsForm,
  theta,
  tsb,
  type Model,
  type PointForecast,
} from './models.js';

export interface SeriesForecast {
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
  /** The winning model, e.g. `ets(A,Ad,M)`, `theta`, `combination`. */
  model: string;
  /** Why this model: each candidate's mean MASE over the rolling origins (lower is better). */
  validation: Record<string, number>;
}

export const candidateNames = ['snaive', 'ets', 'theta', 'tsb', 'combination'] as const;
export type CandidateName = (typeof candidateNames)[number];

const Z80 = 1.2816;
const Z95 = 1.96;

/**
 * Rolling-origin cross-validation (Tashman 2000): the series is cut at up to four origins, each candidate forecasts the
 * next points from the data before the cut, and the candidate with the lowest mean MASE is chosen. Its errors at
 * those origins also give the width of the prediction intervals, so the intervals reflect how wrong the model has
 * actually been on this series rather than what its equations assume.
 *
 * ETS chooses its form (trend, season) once, by AICc on the whole series, and only refits its parameters at each
 * origin; the combination reuses its members' forecasts. Both keep the cost near one fit per candidate per origin.
 */
export function forecastSeries(
  y: readonly number[],
  m: number,
  h: number,
  candidates: readonly CandidateName[] = candidatesFor(y),
): SeriesForecast {
  const n = y.length;
  const models = concreteModels(y, m, candidates);
  const step = Math.min(h, m);
  const origins = Math.max(0, Math.min(4, Math.floor((n - m - 2) / step)));
  const scores = new Map<string, number[]>(candidates.map((name) => [name, []]));
  const errors = new Map<string, number[][]>(candidates.map((name) => [name, []]));
  for (let k = origins; k >= 1; k--) {
    const cut = n - k * step;
    const train = y.slice(0, cut);
    const test = y.slice(cut, cut + step);
    const predicted = forecastAll(models, candidates, train, m, test.length);
    const level = levelOf(train, m);
    for (const name of candidates) {
      const mean = entry(predicted, name).mean;
      entry(scores, name).push(mase(test, mean, train, m));
      entry(errors, name).push(test.map((value, i) => (value - (mean[i] ?? NaN)) / level));
    }
  }
  const validation = Object.fromEntries(
    [...scores].map(([name, list]) => [
      name,
      list.length ? list.reduce((a, b) => a + b, 0) / list.length : Number.NaN,
    ]),
  );
  const chosen = choose(validation, candidates);
  const fit = entry(forecastAll(models, [chosen], y, m, h), chosen);
  const level = levelOf(y, m);
  const spread = intervalSpread(errors.get(chosen) ?? [], fit.sigma / level, h).map((value) => value * level);
  const clip = (value: number) => Math.max(0, value);
  // spread has h entries, like the mean.
  return {
    mean: fit.mean.map(clip),
    lo80: fit.mean.map((value, i) => clip(value - Z80 * (spread[i] ?? NaN))),
    hi80: fit.mean.map((value, i) => clip(value + Z80 * (spread[i] ?? NaN))),
    lo95: fit.mean.map((value, i) => clip(value - Z95 * (spread[i] ?? NaN))),
    hi95: fit.mean.map((value, i) => clip(value + Z95 * (spread[i] ?? NaN))),
    model: chosen === 'ets' ? fit.model : chosen,
    validation,
  };
}

function concreteModels(
  y: readonly number[],
  m: number,
  candidates: readonly CandidateName[],
): Map<string, Model> {
  const needsEts = candidates.includes('ets') || candidates.includes('combination');
  const etsModel = needsEts ? etsOfForm(selectEtsForm(y, m)) : undefined;
  const models = new Map<string, Model>([
    ['snaive', seasonalNaive],
    ['theta', theta],
    ['tsb', tsb],
  ]);
  if (etsModel) models.set('ets', etsModel);
  return models;
}

function forecastAll(
  models: Map<string, Model>,
  names: readonly CandidateName[],
  y: readonly number[],
  m: number,
  h: number,
): Map<string, PointForecast> {
  const results = new Map<string, PointForecast>();
  const get = (name: string) => {
    let result = results.get(name);
    if (!result) {
      const model = models.get(name);
      if (!model) throw new Error(`forecastSeries: no model named ${name}`);
      result = model(y, m, h);
      results.set(name, result);
    }
    return result;
  };
  for (const name of names) {
    if (name === 'combination') results.set(name, combine(combinationMembers.map(get)));
    else get(name);
  }
  return results;
}

/** What a map here holds for a candidate: every candidate has one by construction (and forecastAll fills each name). */
function entry<V>(map: ReadonlyMap<string, V>, name: string): V {
  const value = map.get(name);
  if (value === undefined) throw new Error(`forecastSeries: nothing recorded for ${name}`);
  return value;
}

/**
 * Selection on four origins is noisy, so the combination, which is rarely bad, is kept unless a single model was
 * clearly (more than 10 %) better in validation.
 */
function choose(validation: Record<string, number>, candidates: readonly CandidateName[]): CandidateName {
  const ranked = Object.entries(validation)
    .filter(([, score]) => Number.isFinite(score))
    .sort((a, b) => a[1] - b[1]);
  const best = ranked[0];
  if (!best) {
    if (candidates.includes('snaive')) return 'snaive';
    const [first] = candidates;
    if (first === undefined) throw new Error('forecastSeries: no candidate models given');
    return first;
  }
  const combination = validation.combination;
  if (
    combination !== undefined &&
    Number.isFinite(combination) &&
    combination <= best[1] * (1 + COMBINATION_MARGIN)
  )
    return 'combination';
  return best[0] as CandidateName;
}

const COMBINATION_MARGIN = 0.1;

/**
 * The error scale at each step ahead: the root mean square of the validation errors up to that step (pooled, to stay
 * stable with few origins). Errors are taken relative to the level of the series at their origin, so years when the
 * series ran higher do not widen today's intervals. With fewer than eight validation errors the one-step in-sample
 * residual scale is used instead where larger; beyond the validated horizon the scale grows like √h.
 */
function intervalSpread(errors: number[][], inSample: number, h: number): number[] {
  const spread: number[] = [];
  const pool: number[] = [];
  const validated = errors[0]?.length ?? 0;
  let scale = inSample;
  for (let j = 0; j < h; j++) {
    if (j < validated) {
      // Every origin validated the same number of steps.
      for (const row of errors) pool.push(Math.abs(row[j] ?? NaN));
      scale = rootMeanSquare(pool);
    }
    const growth = j < validated ? 1 : Math.sqrt((j + 1) / Math.max(1, validated));
    spread.push(pool.length >= 8 ? scale * growth : Math.max(scale * growth, inSample * Math.sqrt(j + 1)));
  }
  return spread;
}

const rootMeanSquare = (values: readonly number[]) =>
  Math.sqrt(values.reduce((sum, value) => sum + value * value, 0) / values.length);

/** The mean of the last cycle, the scale errors are measured against (1 for an all-zero stretch). */
function levelOf(y: readonly number[], m: number): number {
  const tail = y.slice(-m);
  const level = tail.reduce((sum, value) => sum + value, 0) / Math.max(1, tail.length);
  return level > 0 ? level : 1;
}

/**
 * TSB is a model for intermittent counts (Syntetos et al. 2005: a series is intermittent when zeros are common); on
 * smooth series it only adds a way to overfit the validation origins, so it competes only where a quarter or more of
 * the values are zero.
 */
export function candidatesFor(y: readonly number[]): CandidateName[] {
  const zeros = y.filter((value) => value === 0).length / Math.max(1, y.length);
  return zeros >= 0.25
    ? ['snaive', 'ets', 'theta', 'tsb', 'combination']
    : ['snaive', 'ets', 'theta', 'combination'];
}

export { etsName };
