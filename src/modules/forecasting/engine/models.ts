import { nelderMead } from './optimize.js';

export interface PointForecast {
  model: string;
  mean: number[];
  /** One-step in-sample residual standard deviation, for intervals when cross-validation errors are scarce. */
  sigma: number;
}

export type Model = (y: readonly number[], m: number, h: number) => PointForecast;

export const seasonalNaive: Model = (y, m, h) => {
  const lag = y.length >= m ? m : 1;
  const mean = Array.from({ length: h }, (_, i) => y[y.length - lag + (i % lag)]!);
  const residuals = y.slice(lag).map((value, i) => value - y[i]!);
  return { model: 'snaive', mean, sigma: standardDeviation(residuals) };
};

/**
 * Teunter–Syntetos–Babai (2011) for small and intermittent counts: it smooths the probability of a non-zero count and
 * the size of non-zero counts separately, so the forecast decays when counts stop (unlike Croston's method).
 */
export const tsb: Model = (y, _m, h) => {
  const alpha = 0.1;
  const beta = 0.05;
  const nonZero = y.filter((value) => value > 0);
  let size = nonZero.length ? nonZero.reduce((sum, value) => sum + value, 0) / nonZero.length : 0;
  let probability = y.length ? nonZero.length / y.length : 0;
  const residuals: number[] = [];
  for (const value of y) {
    residuals.push(value - size * probability);
    probability += beta * ((value > 0 ? 1 : 0) - probability);
    if (value > 0) size += alpha * (value - size);
  }
  return { model: 'tsb', mean: Array.from({ length: h }, () => size * probability), sigma: standardDeviation(residuals) };
};

type Trend = 'N' | 'A' | 'Ad';
type Season = 'N' | 'A' | 'M';

interface EtsFit {
  sse: number;
  forecast: number[];
  parameters: number;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** Additive-error exponential smoothing with optional (damped) trend and additive or multiplicative season. */
function runEts(y: readonly number[], m: number, h: number, trend: Trend, season: Season, raw: number[]): EtsFit {
  const alpha = 0.01 + 0.98 * logistic(raw[0]!);
  const beta = trend === 'N' ? 0 : alpha * logistic(raw[1] ?? 0) * 0.99;
  const gamma = season === 'N' ? 0 : (1 - alpha) * logistic(raw[2] ?? 0) * 0.99;
  const phi = trend === 'Ad' ? 0.8 + 0.18 * logistic(raw[3] ?? 0) : trend === 'A' ? 1 : 0;
  const seasonal = season !== 'N';
  const cycle = seasonal ? m : 1;
  const first = y.slice(0, cycle);
  const firstMean = first.reduce((sum, value) => sum + value, 0) / first.length;
  let level = firstMean;
  let slope = trend === 'N' ? 0 : seasonal && y.length >= 2 * m ? (y.slice(m, 2 * m).reduce((s, v) => s + v, 0) / m - firstMean) / m : (y[1] ?? y[0]!) - y[0]!;
  const seasons = seasonal ? first.map((value) => (season === 'M' ? value / (firstMean || 1) : value - firstMean)) : [0];
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const s = seasonal ? seasons[t % m]! : 0;
    const base = level + phi * slope;
    const fitted = season === 'M' ? base * s : base + s;
    const error = y[t]! - fitted;
    sse += error * error;
    const scaled = season === 'M' ? error / (s || 1e-6) : error;
    level = base + alpha * scaled;
    slope = phi * slope + beta * scaled;
    if (seasonal) seasons[t % m] = season === 'M' ? s + (gamma * error) / (base || 1e-6) : s + gamma * error;
  }
  const forecast: number[] = [];
  let damp = 0;
  for (let i = 1; i <= h; i++) {
    damp += phi ** i;
    const base = level + (trend === 'N' ? 0 : damp * slope);
    const s = seasonal ? seasons[(y.length + i - 1) % m]! : 0;
    forecast.push(season === 'M' ? base * s : base + s);
  }
  const parameters = 1 + (trend === 'N' ? 0 : 1) + (seasonal ? 1 : 0) + (trend === 'Ad' ? 1 : 0);
  return { sse, forecast, parameters };
}

/**
 * ETS with automatic selection (Hyndman et al. 2002): every admissible combination of trend (none, additive, damped)
 * and season (none, additive, multiplicative when all values are positive) is fitted by Nelder–Mead on the sum of
 * squared errors, and the one with the lowest AICc wins.
 */
export const ets: Model = (y, m, h) => {
  const seasonal = y.length >= 2 * m;
  const positive = y.every((value) => value > 0);
  const candidates: [Trend, Season][] = [];
  for (const trend of ['N', 'A', 'Ad'] as Trend[]) {
    candidates.push([trend, 'N']);
    if (seasonal) candidates.push([trend, 'A']);
    if (seasonal && positive) candidates.push([trend, 'M']);
  }
  let best: { aicc: number; fit: EtsFit; name: string } | undefined;
  const n = y.length;
  for (const [trend, season] of candidates) {
    const dimensions = 4;
    const { x } = nelderMead((raw) => runEts(y, m, h, trend, season, raw).sse, Array.from({ length: dimensions }, () => 0), { maxEvaluations: 120 });
    const fit = runEts(y, m, h, trend, season, x);
    const k = fit.parameters + 1;
    const aicc = n * Math.log(Math.max(fit.sse, 1e-9) / n) + 2 * k + (2 * k * (k + 1)) / Math.max(1, n - k - 1);
    if (!best || aicc < best.aicc) best = { aicc, fit, name: `ets(A,${trend},${season})` };
  }
  return { model: best!.name, mean: best!.fit.forecast, sigma: Math.sqrt(best!.fit.sse / Math.max(1, n)) };
};

export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1));
}

export const baseModels: Record<string, Model> = { snaive: seasonalNaive, ets, tsb };

/** The mean of the base models' forecasts: combinations are rarely the best and rarely bad (Makridakis et al. 2020). */
export const combination: Model = (y, m, h) => {
  const parts = Object.values(baseModels).map((model) => model(y, m, h));
  return {
    model: 'combination',
    mean: Array.from({ length: h }, (_, i) => parts.reduce((sum, part) => sum + part.mean[i]!, 0) / parts.length),
    sigma: parts.reduce((sum, part) => sum + part.sigma, 0) / parts.length,
  };
};

export const allModels: Record<string, Model> = { ...baseModels, combination };
