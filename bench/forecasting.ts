/**
 * `npm run bench:forecasting`: the forecasting engine beside its peers, in one run.
 *   1. accuracy on a 12-month holdout of real crime series (NSW offences by type, Russia by crime type): ours
 *      (automatic choice), our ETS alone, seasonal naive, and statsmodels' ETSModel with AICc selection;
 *   2. speed on a synthetic panel (10,000 monthly series × 120 points in 500 total-and-regions groups): fit +
 *      forecast 12 ahead + reconcile, ours on every series, statsmodels on a sample (extrapolated, and said so);
 *   3. incremental update: one series refitted after a new month.
 * Printed, and written to bench/results/forecasting-latest.json (figures only).
 *
 * Environment (defaults in brackets): FORECAST_BENCH_SECTIONS [accuracy,speed,update], FORECAST_BENCH_OFFSETS [0,12]
 * holdout windows (months before the end of the data; 12 re-runs table 1 a year earlier), FORECAST_BENCH_GROUPS [500]
 * totals, each with FORECAST_BENCH_PARTS [19] regions (the last FORECAST_BENCH_INTERMITTENT [3] intermittent),
 * FORECAST_BENCH_POINTS [120], FORECAST_BENCH_PEER_SAMPLE [200] series for statsmodels, FORECAST_BENCH_UPDATE [100]
 * series refitted, FORECAST_BENCH_WORKERS [available cores], FORECAST_BENCH_PANEL [auto: forecastPanel when
 * engine/panel.ts exists; off: forecastSeries in a loop], QADAGALAU_SHARED_DATA [../shared/data],
 * BENCH_PYTHON [/usr/bin/python3].
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchAccuracy, type AccuracyBench } from './forecasting/accuracy.js';
import { benchmarksDir, loadNsw, loadRussia } from '../src/modules/forecasting/engine/benchmark-sets.js';
import { machine, printAccuracy, printSpeed, printUpdate } from './forecasting/report.js';
import {
  benchSpeed,
  benchUpdate,
  loadPanel,
  type SpeedBench,
  type UpdateBench,
} from './forecasting/speed.js';
import { peerAvailable, python } from './forecasting/statsmodels-peer.js';
import { syntheticPanel } from './forecasting/synthetic.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const sections = new Set(
  (process.env.FORECAST_BENCH_SECTIONS ?? 'accuracy,speed,update')
    .split(',')
    .map((section) => section.trim()),
);
const settings = {
  groups: env('FORECAST_BENCH_GROUPS', 500),
  partsPerGroup: env('FORECAST_BENCH_PARTS', 19),
  intermittentPerGroup: env('FORECAST_BENCH_INTERMITTENT', 3),
  points: env('FORECAST_BENCH_POINTS', 120),
  offsets: (process.env.FORECAST_BENCH_OFFSETS ?? '0,12').split(',').map(Number),
  seed: 20_240_101,
  peerSample: env('FORECAST_BENCH_PEER_SAMPLE', 200),
  update: env('FORECAST_BENCH_UPDATE', 100),
  workers: env('FORECAST_BENCH_WORKERS', availableParallelism()),
  panel: process.env.FORECAST_BENCH_PANEL ?? 'auto',
};

const withPeer = peerAvailable();
if (!withPeer) console.log(`(${python} cannot import statsmodels: the statsmodels peer is skipped)`);
const panel = await loadPanel(settings.panel);
console.log(
  panel
    ? `(speed: forecastPanel from engine/panel.ts, ${String(settings.workers)} workers)`
    : `(speed: forecastSeries in a loop on one core: engine/panel.ts ${settings.panel === 'off' ? 'switched off by FORECAST_BENCH_PANEL=off' : 'not found'})`,
);

const started = performance.now();
const [loadStart = 0] = loadavg();
let accuracy: AccuracyBench | null = null;
let speed: SpeedBench | null = null;
let update: UpdateBench | null = null;

if (sections.has('accuracy')) {
  const dir = benchmarksDir();
  if (dir)
    accuracy = await benchAccuracy(
      [loadNsw(dir), loadRussia(dir)],
      settings.offsets,
      withPeer ? { processes: settings.workers } : null,
    );
  else console.log('(shared/data/crime/benchmarks not found: the accuracy table is skipped)');
}
const groups = syntheticPanel({
  groups: settings.groups,
  partsPerGroup: settings.partsPerGroup,
  intermittentPerGroup: settings.intermittentPerGroup,
  length: settings.points + 1,
  seed: settings.seed,
});
if (sections.has('speed'))
  speed = await benchSpeed({
    groups,
    points: settings.points,
    panel,
    workers: settings.workers,
    peerSample: settings.peerSample,
    withPeer,
  });
if (sections.has('update')) update = benchUpdate(groups, settings.points, settings.update);

const host = machine(accuracy?.peer ?? speed?.peer ?? null, loadStart);
console.log(`\n${host.line}`);
if (accuracy) printAccuracy(accuracy);
if (speed) printSpeed(speed);
if (update) printUpdate(update, speed);
console.log(`\nwhole run ${((performance.now() - started) / 1000).toFixed(0)} s`);

const results = fileURLToPath(new URL('./results', import.meta.url));
mkdirSync(results, { recursive: true });
writeFileSync(
  `${results}/forecasting-latest.json`,
  `${JSON.stringify({ at: new Date().toISOString(), machine: host, settings, accuracy, speed, update }, null, 2)}\n`,
);
