/**
 * Speed on the synthetic panel: fit + forecast 12 months ahead for every series, then reconcile every group's
 * regions with its total (reconcileTotal); and the incremental case, one series refitted after a new month arrives.
 *
 * Ours goes through forecastPanel (worker threads, src/modules/forecasting/engine/panel.ts) when that file exists,
 * and otherwise through forecastSeries in a loop on the main thread. FORECAST_BENCH_PANEL=off forces the loop. The
 * statsmodels peer gets as many processes as ours has workers, so both sides use the same number of cores.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { forecastSeries, type SeriesForecast } from '../../src/modules/forecasting/engine/forecast.js';
import { reconcileTotal } from '../../src/modules/forecasting/engine/reconcile.js';
import { runPeer, type PeerOutput } from './statsmodels-peer.js';
import { flatten, type SyntheticGroup } from './synthetic.js';

const H = 12;

interface PanelSeries {
  id: string;
  values: number[];
  m: number;
}

type ForecastPanel = (
  series: PanelSeries[],
  h: number,
  options?: { workers?: number },
) => Promise<SeriesForecast[]>;

const panelFile = fileURLToPath(new URL('../../src/modules/forecasting/engine/panel.ts', import.meta.url));

/** forecastPanel when the engine has it and FORECAST_BENCH_PANEL is not `off`; otherwise null (the loop). */
export async function loadPanel(mode: string): Promise<ForecastPanel | null> {
  if (mode === 'off' || !existsSync(panelFile)) return null;
  const module = (await import(pathToFileURL(panelFile).href)) as { forecastPanel?: unknown };
  return typeof module.forecastPanel === 'function' ? (module.forecastPanel as ForecastPanel) : null;
}

export interface SpeedBench {
  series: number;
  points: number;
  groups: number;
  partsPerGroup: number;
  intermittentShare: number;
  ours: {
    path: string;
    workers: number;
    fitSeconds: number;
    reconcileSeconds: number;
    seconds: number;
    /** CPU time of this process (main thread and workers) over the timed part: ≈ workers × seconds when nothing else competed for the cores. */
    cpuSeconds: number;
    /** 1-minute load average before and after the timed part. */
    load: { before: number; after: number };
    seriesPerSecond: number;
    /** Largest |panel − forecastSeries| over the first series' means: the parallel path must not change results. */
    panelMaxDifference: number | null;
    models: Record<string, number>;
  };
  statsmodels: {
    sample: number;
    processes: number;
    wallSeconds: number;
    seriesPerSecond: number;
    extrapolatedSeconds: number;
    meanSecondsPerSeries: number;
    failures: number;
    notConverged: number;
    models: Record<string, number>;
  } | null;
  /** ours series/s over statsmodels series/s. */
  ratio: number | null;
  peer: PeerOutput['versions'] | null;
}

export interface UpdateBench {
  series: number;
  points: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

const seconds = (started: number) => (performance.now() - started) / 1000;
const count = (names: readonly (string | null)[]) => {
  const out: Record<string, number> = {};
  for (const name of names) out[name ?? 'failed'] = (out[name ?? 'failed'] ?? 0) + 1;
  return out;
};

export async function benchSpeed(options: {
  groups: SyntheticGroup[];
  points: number;
  panel: ForecastPanel | null;
  workers: number;
  peerSample: number;
  withPeer: boolean;
}): Promise<SpeedBench> {
  const series = flatten(options.groups, options.points);
  const partsPerGroup = options.groups[0]?.parts.length ?? 0;
  const intermittent = options.groups.reduce(
    (sum, group) => sum + group.parts.filter((part) => part.intermittent).length,
    0,
  );
  const workers = options.panel ? options.workers : 1;

  // Warm-up on the main thread so the loop path is timed with compiled code, as a long-running server would be.
  for (const item of series.slice(-20)) forecastSeries(item.values, item.m, H);

  const [loadBefore = 0] = loadavg();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const forecasts = options.panel
    ? await options.panel(series, H, { workers })
    : series.map((item) => forecastSeries(item.values, item.m, H));
  const fitSeconds = seconds(started);
  if (forecasts.length !== series.length)
    throw new Error(
      `forecastPanel returned ${String(forecasts.length)} forecasts for ${String(series.length)} series`,
    );

  const reconcileStarted = performance.now();
  const stride = partsPerGroup + 1;
  let reconciledSum = 0;
  for (let g = 0; g < options.groups.length; g++) {
    const group = forecasts.slice(g * stride, (g + 1) * stride);
    const total = group[0];
    if (!total) throw new Error(`group ${String(g)} has no forecasts`);
    const reconciled = reconcileTotal(
      total.mean,
      group.slice(1).map((forecast) => forecast.mean),
    );
    // A missing total is NaN here, and fails the finiteness check below.
    reconciledSum += reconciled.total[0] ?? NaN;
  }
  const reconcileSeconds = seconds(reconcileStarted);
  const total = fitSeconds + reconcileSeconds;
  const cpu = process.cpuUsage(cpuBefore);
  const load = { before: loadBefore, after: loadavg()[0] ?? 0 };
  if (!Number.isFinite(reconciledSum)) throw new Error('reconciled totals are not finite');

  let panelMaxDifference: number | null = null;
  if (options.panel) {
    panelMaxDifference = 0;
    series.slice(0, 20).forEach((item, index) => {
      const direct = forecastSeries(item.values, item.m, H).mean;
      // The panel returned one forecast per series (checked above), each with H points.
      const fromPanel = forecasts[index]?.mean ?? [];
      direct.forEach((value, i) => {
        panelMaxDifference = Math.max(panelMaxDifference ?? 0, Math.abs(value - (fromPanel[i] ?? NaN)));
      });
    });
  }

  const ours = {
    path: options.panel
      ? `forecastPanel, ${String(workers)} worker threads`
      : 'forecastSeries in a loop, main thread',
    workers,
    fitSeconds,
    reconcileSeconds,
    seconds: total,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    load,
    seriesPerSecond: series.length / total,
    panelMaxDifference,
    models: count(forecasts.map((forecast) => forecast.model)),
  };

  let statsmodels: SpeedBench['statsmodels'] = null;
  let peer: SpeedBench['peer'] = null;
  if (options.withPeer && options.peerSample > 0) {
    const sample = series.slice(0, options.peerSample);
    const result = await runPeer(sample, H, workers);
    peer = result.versions;
    const perSecond = sample.length / result.wallSeconds;
    statsmodels = {
      sample: sample.length,
      processes: result.processes,
      wallSeconds: result.wallSeconds,
      seriesPerSecond: perSecond,
      extrapolatedSeconds: series.length / perSecond,
      meanSecondsPerSeries:
        result.series.reduce((sum, item) => sum + item.seconds, 0) / (result.series.length || 1),
      failures: result.series.filter((item) => item.model === null).length,
      notConverged: result.series.reduce((sum, item) => sum + item.notConverged, 0),
      models: count(result.series.map((item) => item.model)),
    };
  }
  return {
    series: series.length,
    points: options.points,
    groups: options.groups.length,
    partsPerGroup,
    intermittentShare: intermittent / series.length,
    ours,
    statsmodels,
    ratio: statsmodels ? ours.seriesPerSecond / statsmodels.seriesPerSecond : null,
    peer,
  };
}

/** One series refitted from scratch after its new month arrives (points + 1 values), timed call by call. */
export function benchUpdate(groups: readonly SyntheticGroup[], points: number, count: number): UpdateBench {
  const series = flatten(groups, points + 1);
  for (const item of series.slice(count, count + 10)) forecastSeries(item.values, item.m, H);
  const times = series.slice(0, count).map((item) => {
    const started = performance.now();
    forecastSeries(item.values, item.m, H);
    return performance.now() - started;
  });
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    series: times.length,
    points: points + 1,
    meanMs: times.reduce((sum, value) => sum + value, 0) / (times.length || 1),
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
  };
}
