/** Forecast accuracy measures (Hyndman & Koehler 2006; Gneiting & Raftery 2007 for the interval score). */

/** Mean absolute error scaled by the in-sample mean absolute error of the seasonal naive forecast. */
export function mase(actual: readonly number[], forecast: readonly number[], history: readonly number[], m: number): number {
  const lag = history.length > m ? m : 1;
  let scale = 0;
  for (let t = lag; t < history.length; t++) scale += Math.abs(history[t]! - history[t - lag]!);
  scale /= Math.max(1, history.length - lag);
  const mae = actual.reduce((sum, value, i) => sum + Math.abs(value - forecast[i]!), 0) / actual.length;
  return scale > 0 ? mae / scale : mae === 0 ? 0 : Number.POSITIVE_INFINITY;
}

export function smape(actual: readonly number[], forecast: readonly number[]): number {
  return (200 / actual.length) * actual.reduce((sum, value, i) => {
    const denominator = Math.abs(value) + Math.abs(forecast[i]!);
    return sum + (denominator === 0 ? 0 : Math.abs(value - forecast[i]!) / denominator);
  }, 0);
}

export function rmse(actual: readonly number[], forecast: readonly number[]): number {
  return Math.sqrt(actual.reduce((sum, value, i) => sum + (value - forecast[i]!) ** 2, 0) / actual.length);
}

export function coverage(actual: readonly number[], lower: readonly number[], upper: readonly number[]): number {
  return actual.filter((value, i) => value >= lower[i]! && value <= upper[i]!).length / actual.length;
}

/** Winkler interval score at level 1 − alpha: width plus 2/alpha times the distance outside. Lower is better. */
export function intervalScore(actual: readonly number[], lower: readonly number[], upper: readonly number[], alpha: number): number {
  return actual.reduce((sum, value, i) => {
    const lo = lower[i]!;
    const hi = upper[i]!;
    return sum + (hi - lo) + (2 / alpha) * Math.max(0, lo - value) + (2 / alpha) * Math.max(0, value - hi);
  }, 0) / actual.length;
}
