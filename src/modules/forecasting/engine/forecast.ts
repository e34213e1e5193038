import { mase } from './metrics.js';
import { allModels, seasonalNaive, type Model } from './models.js';

export interface SeriesForecast {
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
  model: string;
  /** Why this model: each candidate's mean MASE over the rolling origins. */
  validation: Record<string, number>;
}

const Z80 = 1.2816;
const Z95 = 1.96;

/**
 * Rolling-origin cross-validation (Tashman 2000): the series is cut at up to four origins, each candidate forecasts the
 * next `h` points from the data before the cut, and the candidate with the lowest mean MASE is chosen. Its errors at
 * those origins also give the width of the prediction intervals, so the intervals reflect how wrong the model has
 * actually been on this series rather than what its equations assume.
 */
export function forecastSeries(y: readonly number[], m: number, h: number, candidates = candidatesFor(y)): SeriesForecast {
  const n = y.length;
  const step = Math.min(h, m);
  const origins = Math.max(0, Math.min(4, Math.floor((n - m - 2) / step)));
  const scores: Record<string, number[]> = Object.fromEntries(Object.keys(candidates).map((name) => [name, []]));
  const errors: Record<string, number[][]> = Object.fromEntries(Object.keys(candidates).map((name) => [name, []]));
  for (let k = origins; k >= 1; k--) {
    const cut = n - k * step;
    const train = y.slice(0, cut);
    const test = y.slice(cut, cut + step);
    for (const [name, model] of Object.entries(candidates)) {
      const predicted = model(train, m, test.length).mean;
      scores[name]!.push(mase(test, predicted, train, m));
      errors[name]!.push(test.map((value, i) => value - predicted[i]!));
    }
  }
  const validation = Object.fromEntries(Object.entries(scores).map(([name, list]) => [name, list.length ? list.reduce((a, b) => a + b, 0) / list.length : Number.NaN]));
  const ranked = Object.entries(validation).filter(([, score]) => Number.isFinite(score)).sort((a, b) => a[1] - b[1]);
  const chosen = ranked[0]?.[0] ?? 'snaive';
  const fit = (candidates[chosen] ?? seasonalNaive)(y, m, h);
  const sigmas = intervalSigmas(errors[chosen] ?? [], fit.sigma, h);
  const clip = (value: number) => Math.max(0, value);
  return {
    mean: fit.mean.map(clip),
    lo80: fit.mean.map((value, i) => clip(value - Z80 * sigmas[i]!)),
    hi80: fit.mean.map((value, i) => clip(value + Z80 * sigmas[i]!)),
    lo95: fit.mean.map((value, i) => clip(value - Z95 * sigmas[i]!)),
    hi95: fit.mean.map((value, i) => clip(value + Z95 * sigmas[i]!)),
    model: fit.model,
    validation,
  };
}

/**
 * Standard deviation of the error at each step ahead: the root mean square of the cross-validation errors up to that
 * step (pooling steps keeps the estimate stable with few origins), never below the one-step in-sample residual scale,
 * and growing like √h beyond the validated horizon.
 */
function intervalSigmas(errors: number[][], inSample: number, h: number): number[] {
  const sigmas: number[] = [];
  let sum = 0;
  let count = 0;
  const validated = errors[0]?.length ?? 0;
  for (let j = 0; j < h; j++) {
    if (j < validated) {
      for (const row of errors) {
        sum += row[j]! ** 2;
        count++;
      }
    }
    const pooled = count ? Math.sqrt(sum / count) : inSample * Math.sqrt(j + 1);
    const growth = j < validated ? 1 : Math.sqrt((j + 1) / Math.max(1, validated));
    sigmas.push(Math.max(pooled * growth, inSample));
  }
  return sigmas;
}

/**
 * TSB is a model for intermittent counts (Syntetos et al. 2005: a series is intermittent when zeros are common); on
 * smooth series it only adds a way to overfit the validation origins, so it competes only where a quarter or more of
 * the values are zero.
 */
export function candidatesFor(y: readonly number[]): Record<string, Model> {
  const zeros = y.filter((value) => value === 0).length / Math.max(1, y.length);
  const { tsb: intermittent, ...smooth } = allModels;
  return zeros >= 0.25 && intermittent ? { ...smooth, tsb: intermittent } : smooth;
}
