/**
 * Forecast accuracy measures (Hyndman & Koehler 2006; Gneiting & Raftery 2007 for the interval score). The forecast
 * and bounds are as long as the actuals; a shorter one scores NaN (`?? NaN`), as its missing entries always did.
 */

/** Mean absolute error scaled by the in-sample mean absolute error of the seasonal naive forecast. */
export function mase(
  actual: readonly number[],
  forecast: readonly number[],
  history: readonly number[],
  m: number,
): number {
  const lag = history.length > m ? m : 1;
  let scale = 0;
  for (let t = lag; t < history.length; t++)
    scale += Math.abs((history[t] ?? NaN) - (history[t - lag] ?? NaN));
  scale /= Math.max(1, history.length - lag);
  const mae =
    actual.reduce((sum, value, i) => sum + Math.abs(value - (forecast[i] ?? NaN)), 0) / actual.length;
  return scale > 0 ? mae / scale : mae === 0 ? 0 : Number.POSITIVE_INFINITY;
}

export function smape(actual: readonly number[], forecast: readonly number[]): number {
  return (
    (200 / actual.length) *
    actual.reduce((sum, value, i) => {
      const predicted = forecast[i] ?? NaN;
      const denominator = Math.abs(value) + Math.abs(predicted);
      return sum + (denominator === 0 ? 0 : Math.abs(value - predicted) / denominator);
    }, 0)
  );
}

export function rmse(actual: readonly number[], forecast: readonly number[]): number {
  return Math.sqrt(
    actual.reduce((sum, value, i) => sum + (value - (forecast[i] ?? NaN)) ** 2, 0) / actual.length,
  );
}

export function coverage(
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
): number {
  return (
    actual.filter((value, i) => value >= (lower[i] ?? NaN) && value <= (upper[i] ?? NaN)).length /
    actual.length
  );
}

/** Winkler interval score at level 1 − alpha: width plus 2/alpha times the distance outside. Lower is better. */
export function intervalScore(
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
  alpha: number,
): number {
  return (
    actual.reduce((sum, value, i) => {
      const lo = lower[i] ?? NaN;
      const hi = upper[i] ?? NaN;
      return sum + (hi - lo) + (2 / alpha) * Math.max(0, lo - value) + (2 / alpha) * Math.max(0, value - hi);
    }, 0) / actual.length
  );
}
