/**
 * Accuracy on a 12-month holdout of real series: the last 12 months of every series are hidden, every method
 * forecasts them from the rest, and every row is scored by the engine's own metrics (metrics.ts), so the peer is
 * measured by the same code as ours. MASE is scaled by the in-sample seasonal naive error (m = 12).
 */
import { forecastSeries, type SeriesForecast } from '../../src/modules/forecasting/engine/forecast.js';
import { coverage, intervalScore, mase, smape } from '../../src/modules/forecasting/engine/metrics.js';
import { periodAfter, type DataSet } from '../../src/modules/forecasting/engine/benchmark-sets.js';
import { runPeer, type PeerOutput, type PeerSeries } from './statsmodels-peer.js';

export const M = 12;
export const HOLDOUT = 12;

type Interval = Pick<SeriesForecast, 'mean' | 'lo80' | 'hi80' | 'lo95' | 'hi95'>;

export interface Scores {
  mase: number;
  smape: number;
  coverage80: number;
  coverage95: number;
  /** Winkler score of the 95 % interval over the MASE scale (M4's MSIS): width plus misses, lower is better. */
  msis95: number;
}

export interface MethodScore extends Scores {
  method: string;
  series: number;
  maseMedian: number;
  seconds: number;
  /** How often each model was chosen. */
  models: Record<string, number>;
}

export interface SeriesScore {
  dataSet: string;
  /** Months between the end of the holdout window and the end of the data (0: the last 12 months are held out). */
  offset: number;
  id: string;
  /** Method → its scores and chosen model on this series. */
  methods: Record<string, Scores & { model: string }>;
}

export interface DataSetAccuracy {
  name: string;
  source: string;
  series: number;
  months: number;
  offset: number;
  /** The held-out months, `YYYY-MM…YYYY-MM`. */
  window: string;
  methods: MethodScore[];
}

export interface AccuracyBench {
  holdout: number;
  dataSets: DataSetAccuracy[];
  perSeries: SeriesScore[];
  peer: PeerOutput['versions'] | null;
  peerFailures: number;
  peerNotConverged: number;
}

export const methodNames = {
  ours: 'ours (forecastSeries, automatic choice)',
  etsOnly: "ours, ETS only (candidates ['ets'])",
  snaive: "seasonal naive (candidates ['snaive'])",
  statsmodels: 'statsmodels ETSModel, auto AICc',
} as const;

function score(actual: readonly number[], history: readonly number[], forecast: Interval): Scores {
  // mase() of a unit error is 1 / scale: the same seasonal-naive scale MASE uses, reused for the interval score.
  const scale = 1 / mase([0], [1], history, M);
  return {
    mase: mase(actual, forecast.mean, history, M),
    smape: smape(actual, forecast.mean),
    coverage80: coverage(actual, forecast.lo80, forecast.hi80),
    coverage95: coverage(actual, forecast.lo95, forecast.hi95),
    msis95: intervalScore(actual, forecast.lo95, forecast.hi95, 0.05) / scale,
  };
}

/** The counts cannot be negative, and ours clips at zero; the peer's forecasts get the same clip to be fair. */
function clipped(peer: PeerSeries): Interval | null {
  if (!peer.mean || !peer.lo80 || !peer.hi80 || !peer.lo95 || !peer.hi95) return null;
  const clip = (list: number[]) => list.map((value) => Math.max(0, value));
  return {
    mean: clip(peer.mean),
    lo80: clip(peer.lo80),
    hi80: clip(peer.hi80),
    lo95: clip(peer.lo95),
    hi95: clip(peer.hi95),
  };
}

/** The row for a series: ours and the peer's return one result per series, in order. */
function at<T>(rows: readonly T[], index: number): T {
  const row = rows[index];
  if (row === undefined) throw new Error(`accuracy: no series at position ${String(index)}`);
  return row;
}

const mean = (values: readonly number[]) =>
  values.reduce((sum, value) => sum + value, 0) / (values.length || 1);
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  // NaN for no values, as before.
  return sorted.length % 2
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
};

function summarise(method: string, rows: (Scores & { model: string })[], seconds: number): MethodScore {
  const models: Record<string, number> = {};
  for (const row of rows) models[row.model] = (models[row.model] ?? 0) + 1;
  const finite = (key: keyof Scores) => rows.map((row) => row[key]).filter(Number.isFinite);
  return {
    method,
    series: rows.length,
    mase: mean(finite('mase')),
    maseMedian: median(finite('mase')),
    smape: mean(finite('smape')),
    coverage80: mean(finite('coverage80')),
    coverage95: mean(finite('coverage95')),
    msis95: mean(finite('msis95')),
    seconds,
    models,
  };
}

/**
 * Scores every method on every data set, once per offset: offset 0 holds out the last 12 months; offset 12 holds out
 * the 12 months before them (and forgets the last year), a check that a method was not tuned to the final year.
 */
export async function benchAccuracy(
  dataSets: readonly DataSet[],
  offsets: readonly number[],
  peer: { processes: number } | null,
): Promise<AccuracyBench> {
  const out: AccuracyBench = {
    holdout: HOLDOUT,
    dataSets: [],
    perSeries: [],
    peer: null,
    peerFailures: 0,
    peerNotConverged: 0,
  };
  for (const offset of offsets)
    for (const dataSet of dataSets) {
      const scored = await scoreDataSet(dataSet, offset, peer, out);
      out.dataSets.push(scored.summary);
      out.perSeries.push(...scored.perSeries);
    }
  return out;
}

/** One data set at one offset; the peer's versions and failure counts are added to `peerTotals`. */
async function scoreDataSet(
  dataSet: DataSet,
  offset: number,
  peer: { processes: number } | null,
  peerTotals: Pick<AccuracyBench, 'peer' | 'peerFailures' | 'peerNotConverged'>,
): Promise<{ summary: DataSetAccuracy; perSeries: SeriesScore[] }> {
  const split = dataSet.series.map((series) => {
    const end = series.values.length - offset;
    return {
      id: series.id,
      history: series.values.slice(0, end - HOLDOUT),
      actual: series.values.slice(end - HOLDOUT, end),
    };
  });
  const first = dataSet.series[0];
  const months = first?.values.length ?? 0;
  const window = first
    ? `${periodAfter(first.start, months - offset - HOLDOUT)}…${periodAfter(first.start, months - offset - 1)}`
    : '';
  const perSeries: SeriesScore[] = split.map(({ id }) => ({
    dataSet: dataSet.name,
    offset,
    id,
    methods: {},
  }));
  const seconds: Record<string, number> = {};
  const ours = {
    [methodNames.ours]: (y: readonly number[]) => forecastSeries(y, M, HOLDOUT),
    [methodNames.etsOnly]: (y: readonly number[]) => forecastSeries(y, M, HOLDOUT, ['ets']),
    [methodNames.snaive]: (y: readonly number[]) => forecastSeries(y, M, HOLDOUT, ['snaive']),
  };
  for (const [method, run] of Object.entries(ours)) {
    const started = performance.now();
    const forecasts = split.map(({ history }) => run(history));
    seconds[method] = (performance.now() - started) / 1000;
    forecasts.forEach((forecast, index) => {
      const { history, actual } = at(split, index);
      at(perSeries, index).methods[method] = { ...score(actual, history, forecast), model: forecast.model };
    });
  }
  if (peer) {
    const result = await runPeer(
      split.map(({ id, history }) => ({ id, values: history, m: M })),
      HOLDOUT,
      peer.processes,
    );
    peerTotals.peer = result.versions;
    seconds[methodNames.statsmodels] = result.wallSeconds;
    result.series.forEach((series, index) => {
      peerTotals.peerNotConverged += series.notConverged;
      const forecast = clipped(series);
      const { history, actual } = at(split, index);
      if (!forecast || series.model === null) {
        peerTotals.peerFailures++;
        return;
      }
      at(perSeries, index).methods[methodNames.statsmodels] = {
        ...score(actual, history, forecast),
        model: series.model,
      };
    });
  }
  const methods = Object.entries(seconds).map(([method, methodSeconds]) =>
    summarise(
      method,
      perSeries.flatMap((row) => row.methods[method] ?? []),
      methodSeconds,
    ),
  );
  return {
    summary: {
      name: dataSet.name,
      source: dataSet.source,
      series: split.length,
      months,
      offset,
      window,
      methods,
    },
    perSeries,
  };
}
