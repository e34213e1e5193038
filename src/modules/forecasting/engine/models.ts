import { nelderMead } from './optimize.js';

export interface PointForecast {
  model: string;
  mean: number[];
  /** One-step in-sample residual standard deviation, for intervals when cross-validation errors are scarce. */
  sigma: number;
}

export type Model = (y: readonly number[], m: number, h: number) => PointForecast;

// Indexed reads below are in bounds by construction; where one is not (a series too short for its season, an empty
// series), `?? NaN` gives what the `undefined` it replaces gave in the arithmetic: NaN.

export const seasonalNaive: Model = (y, m, h) => {
  const lag = y.length >= m ? m : 1;
  const mean = Array.from({ length: h }, (_, i) => y[y.length - lag + (i % lag)] ?? NaN);
  const residuals = y.slice(lag).map((value, i) => value - (y[i] ?? NaN));
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
  return {
    model: 'tsb',
    mean: Array.from({ length: h }, () => size * probability),
    sigma: standardDeviation(residuals),
  };
};

export type Trend = 'N' | 'A' | 'Ad';
export type Season = 'N' | 'A' | 'M';
export interface EtsForm {
  trend: Trend;
  season: Season;
}

interface EtsFit {
  sse: number;
  forecast: number[];
  parameters: number;
}

// The slope adapts more slowly than the level: with β up to α, least squares finds trends that extrapolate wildly.
const BETA_SHARE = 0.3;
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const parameterCount = ({ trend, season }: EtsForm) =>
  1 + (trend === 'N' ? 0 : 1) + (season === 'N' ? 0 : 1) + (trend === 'Ad' ? 1 : 0);

/**
 * Additive-error exponential smoothing with optional (damped) trend and additive or multiplicative season. The raw
 * parameters are unconstrained and mapped into the usual admissible region (β ≤ α, γ ≤ 1 − α, 0.8 ≤ φ ≤ 0.98).
 */
function runEts(
  y: readonly number[],
  m: number,
  h: number,
  { trend, season }: EtsForm,
  raw: readonly number[],
): EtsFit {
  let next = 0;
  const alpha = 0.01 + 0.98 * logistic(raw[next++] ?? NaN);
  const beta = trend === 'N' ? 0 : alpha * logistic(raw[next++] ?? NaN) * BETA_SHARE;
  const gamma = season === 'N' ? 0 : (1 - alpha) * logistic(raw[next++] ?? NaN) * 0.99;
  const phi = trend === 'Ad' ? 0.8 + 0.18 * logistic(raw[next++] ?? NaN) : trend === 'A' ? 1 : 0;
  const seasonal = season !== 'N';
  const multiplicative = season === 'M';
  const cycle = seasonal ? m : 1;
  let firstMean = 0;
  for (let t = 0; t < cycle; t++) firstMean += y[t] ?? NaN;
  firstMean /= cycle;
  let level = firstMean;
  let slope = 0;
  if (trend !== 'N') {
    if (seasonal && y.length >= 2 * m) {
      let secondMean = 0;
      for (let t = m; t < 2 * m; t++) secondMean += y[t] ?? NaN;
      slope = (secondMean / m - firstMean) / m;
    } else {
      const first = y[0] ?? NaN;
      slope = (y[1] ?? first) - first;
    }
  }
  const seasons = new Float64Array(cycle);
  if (seasonal)
    for (let t = 0; t < m; t++) {
      const value = y[t] ?? NaN;
      seasons[t] = multiplicative ? value / (firstMean || 1) : value - firstMean;
    }
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const value = y[t] ?? NaN;
    const slot = seasonal ? t % m : 0;
    const s = seasonal ? (seasons[slot] ?? NaN) : 0;
    const base = level + phi * slope;
    const fitted = multiplicative ? base * s : base + s;
    const error = value - fitted;
    sse += error * error;
    const scaled = multiplicative ? error / (s || 1e-6) : error;
    level = base + alpha * scaled;
    slope = phi * slope + beta * scaled;
    if (seasonal) seasons[slot] = multiplicative ? s + (gamma * error) / (base || 1e-6) : s + gamma * error;
  }
  const forecast: number[] = [];
  let damp = 0;
  for (let i = 1; i <= h; i++) {
    damp += phi ** i;
    const base = level + (trend === 'N' ? 0 : damp * slope);
    const s = seasonal ? (seasons[(y.length + i - 1) % m] ?? NaN) : 0;
    forecast.push(multiplicative ? base * s : base + s);
  }
  return { sse, forecast, parameters: parameterCount({ trend, season }) };
}

function fitEts(y: readonly number[], m: number, h: number, form: EtsForm): EtsFit {
  const dimensions = parameterCount(form);
  const { x } = nelderMead((raw) => runEts(y, m, 0, form, raw).sse, new Array<number>(dimensions).fill(0), {
    maxEvaluations: 40 * dimensions,
  });
  return runEts(y, m, h, form, x);
}

/** The admissible forms for a series: season only with two full cycles, multiplicative season only on positive data. */
export function etsForms(y: readonly number[], m: number): EtsForm[] {
  const seasonal = m > 1 && y.length >= 2 * m;
  const positive = y.every((value) => value > 0);
  const forms: EtsForm[] = [];
  for (const trend of ['N', 'A', 'Ad'] as Trend[]) {
    forms.push({ trend, season: 'N' });
    if (seasonal) forms.push({ trend, season: 'A' });
    if (seasonal && positive) forms.push({ trend, season: 'M' });
  }
  return forms;
}

/**
 * ETS with automatic selection (Hyndman et al. 2002): every admissible form is fitted by Nelder–Mead on the sum of
 * squared errors, and the one with the lowest AICc wins.
 */
export function selectEtsForm(y: readonly number[], m: number): EtsForm {
  const n = y.length;
  let best: { aicc: number; form: EtsForm } | undefined;
  for (const form of etsForms(y, m)) {
    const fit = fitEts(y, m, 0, form);
    const k = fit.parameters + 1;
    const aicc =
      n * Math.log(Math.max(fit.sse, 1e-9) / n) + 2 * k + (2 * k * (k + 1)) / Math.max(1, n - k - 1);
    if (!best || aicc < best.aicc) best = { aicc, form };
  }
  // etsForms always offers the three non-seasonal forms.
  if (!best) throw new Error('selectEtsForm: no admissible ETS form');
  return best.form;
}

export const etsName = ({ trend, season }: EtsForm) => `ets(A,${trend},${season})`;

/** ETS of a given form, refitted to whatever data it is given (used at the validation origins). */
export function etsOfForm(form: EtsForm): Model {
  return (y, m, h) => {
    const admissible = etsForms(y, m).some(
      (candidate) => candidate.trend === form.trend && candidate.season === form.season,
    );
    const used = admissible ? form : { trend: form.trend, season: 'N' as Season };
    const fit = fitEts(y, m, h, used);
    return { model: etsName(used), mean: fit.forecast, sigma: Math.sqrt(fit.sse / Math.max(1, y.length)) };
  };
}

export const ets: Model = (y, m, h) => etsOfForm(selectEtsForm(y, m))(y, m, h);

/**
 * The Theta method (Assimakopoulos & Nikolopoulos 2000), in its equivalent form of simple exponential smoothing with
 * drift equal to half the linear trend (Hyndman & Billah 2003), on data seasonally adjusted by classical
 * multiplicative decomposition when the lag-m autocorrelation is significant at 90 %.
 */
export const theta: Model = (y, m, h) => {
  const indices = seasonalIndices(y, m);
  const adjusted = indices ? y.map((value, t) => value / (indices[t % m] ?? NaN)) : [...y];
  const n = adjusted.length;
  const slope = linearSlope(adjusted);
  const run = (alpha: number) => {
    let level = adjusted[0] ?? NaN;
    let sse = 0;
    for (let t = 1; t < n; t++) {
      const value = adjusted[t] ?? NaN;
      const error = value - (level + slope / 2);
      sse += error * error;
      level = alpha * value + (1 - alpha) * level;
    }
    return { level, sse };
  };
  const { x } = nelderMead((raw) => run(0.01 + 0.98 * logistic(raw[0] ?? NaN)).sse, [0], {
    maxEvaluations: 30,
  });
  const alpha = 0.01 + 0.98 * logistic(x[0] ?? NaN);
  const { level, sse } = run(alpha);
  const mean = Array.from({ length: h }, (_, i) => {
    const drift = (slope / 2) * (i + 1 / alpha - (1 - alpha) ** n / alpha);
    const value = level + drift;
    return indices ? value * (indices[(n + i) % m] ?? NaN) : value;
  });
  return { model: 'theta', mean, sigma: Math.sqrt(sse / Math.max(1, n - 1)) };
};

function seasonalIndices(y: readonly number[], m: number): number[] | undefined {
  const n = y.length;
  if (m < 2 || n < 2 * m || !y.every((value) => value > 0)) return undefined;
  const mean = y.reduce((sum, value) => sum + value, 0) / n;
  const acf = (lag: number) => {
    let numerator = 0;
    let denominator = 0;
    for (const [t, value] of y.entries()) {
      denominator += (value - mean) ** 2;
      if (t >= lag) numerator += (value - mean) * ((y[t - lag] ?? NaN) - mean);
    }
    return numerator / denominator;
  };
  let spread = 1;
  for (let k = 1; k < m; k++) spread += 2 * acf(k) ** 2;
  if (Math.abs(acf(m)) <= 1.645 * Math.sqrt(spread / n)) return undefined;
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  const half = m / 2;
  for (let t = Math.ceil(half); t < n - half; t++) {
    let centred = 0;
    for (let k = -half; k <= half; k++) centred += (Math.abs(k) === half ? 0.5 : 1) * (y[t + k] ?? NaN);
    centred /= m;
    const slot = t % m;
    sums[slot] = (sums[slot] ?? NaN) + (y[t] ?? NaN) / centred;
    counts[slot] = (counts[slot] ?? NaN) + 1;
  }
  const raw = sums.map((sum, i) => (counts[i] ? sum / counts[i] : 1));
  const norm = raw.reduce((sum, value) => sum + value, 0) / m;
  return raw.map((value) => value / norm);
}

function linearSlope(y: readonly number[]): number {
  const n = y.length;
  if (n < 2) return 0;
  const meanT = (n - 1) / 2;
  const meanY = y.reduce((sum, value) => sum + value, 0) / n;
  let numerator = 0;
  let denominator = 0;
  for (const [t, value] of y.entries()) {
    numerator += (t - meanT) * (value - meanY);
    denominator += (t - meanT) ** 2;
  }
  return numerator / denominator;
}

export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1));
}

/** The mean of several forecasts: combinations are rarely the best and rarely bad (Makridakis et al. 2020). */
export function combine(parts: readonly PointForecast[]): PointForecast {
  const [first] = parts;
  if (!first) throw new Error('combine: no forecasts to combine');
  return {
    model: 'combination',
    mean: first.mean.map(
      (_, i) => parts.reduce((sum, part) => sum + (part.mean[i] ?? NaN), 0) / parts.length,
    ),
    sigma: parts.reduce((sum, part) => sum + part.sigma, 0) / parts.length,
  };
}

/** The base models by name; ETS selects its form on the data it is given. */
export const baseModels = { snaive: seasonalNaive, ets, theta, tsb } satisfies Record<string, Model>;
/** The members of the combination candidate. */
export const combinationMembers = ['ets', 'theta'] as const;
export const combination: Model = (y, m, h) =>
  combine(combinationMembers.map((name) => baseModels[name](y, m, h)));
export const allModels: Record<string, Model> = { ...baseModels, combination };
