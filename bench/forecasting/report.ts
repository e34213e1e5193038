/** The printed tables of bench/forecasting.ts, with the machine and the versions beside the figures. */
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { methodNames, type AccuracyBench, type SeriesScore } from './accuracy.js';
import type { PeerVersions } from './statsmodels-peer.js';
import type { SpeedBench, UpdateBench } from './speed.js';

const fixed = (value: number, width: number, digits: number) => value.toFixed(digits).padStart(width);
const pct = (value: number, width = 7) => (value * 100).toFixed(1).padStart(width);
const tally = (models: Record<string, number>) =>
  Object.entries(models)
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${String(n)}`)
    .join(', ');

/** `loadStart` is the 1-minute load average when the run began: other work on the machine skews every figure. */
export function machine(peer: PeerVersions | null, loadStart: number) {
  const cpu = cpus();
  const info = {
    cpu: `${cpu[0]?.model.trim() ?? '?'} × ${String(cpu.length)}`,
    cpuCount: cpu.length,
    availableParallelism: availableParallelism(),
    memoryGb: Math.round(totalmem() / 2 ** 30),
    kernel: `Linux ${release()}`,
    node: process.version,
    python: peer?.python ?? null,
    statsmodels: peer?.statsmodels ?? null,
    numpy: peer?.numpy ?? null,
    scipy: peer?.scipy ?? null,
    pandas: peer?.pandas ?? null,
    loadAverage: { start: loadStart, end: loadavg()[0] ?? 0 },
  };
  const peerText = peer
    ? `Python ${peer.python}, statsmodels ${peer.statsmodels}, numpy ${peer.numpy}, scipy ${peer.scipy}, pandas ${peer.pandas} (1 BLAS/OpenMP thread a process)`
    : 'no statsmodels peer';
  return {
    ...info,
    line: `${info.cpu}, ${String(info.memoryGb)} GB, ${info.kernel}; Node ${info.node}; ${peerText}\nload average (1 min) ${info.loadAverage.start.toFixed(2)} at start, ${info.loadAverage.end.toFixed(2)} at end`,
  };
}

/** The series where ours is furthest behind statsmodels (or behind seasonal naive without the peer), by MASE. */
function losses(rows: readonly SeriesScore[], rival: string, limit: number) {
  return rows
    .flatMap((row) => {
      const ours = row.methods[methodNames.ours];
      const other = row.methods[rival];
      return ours && other ? [{ row, ours, other, gap: ours.mase - other.mase }] : [];
    })
    .sort((a, b) => b.gap - a.gap)
    .slice(0, limit);
}

export function printAccuracy(bench: AccuracyBench): void {
  console.log(`\n1. Accuracy, ${String(bench.holdout)}-month holdout: the last ${String(bench.holdout)} months of every series hidden, forecast from the rest, all rows scored by metrics.ts.
   MASE: mean absolute error over the in-sample seasonal naive error (m = 12), mean and median over series. sMAPE in %.
   cov80/cov95: share of held-out months inside the 80 %/95 % interval (nominal 80/95). MSIS95: 95 % Winkler interval score / MASE scale (lower is better).
   Every method's forecasts clipped at 0 (ours does it itself; the peer's get the same clip).`);
  for (const dataSet of bench.dataSets) {
    const when =
      dataSet.offset === 0
        ? `held out ${dataSet.window}`
        : `CHECK, origin ${String(dataSet.offset)} months earlier: held out ${dataSet.window}, the last ${String(dataSet.offset)} months unused`;
    console.log(
      `\n${dataSet.name}: ${String(dataSet.series)} series × ${String(dataSet.months)} months (${dataSet.source}); ${when}`,
    );
    console.log(
      `${'method'.padEnd(42)} ${'MASE'.padStart(6)} ${'median'.padStart(6)} ${'sMAPE'.padStart(6)} ${'cov80'.padStart(6)} ${'cov95'.padStart(6)} ${'MSIS95'.padStart(7)} ${'fit s'.padStart(6)}`,
    );
    for (const row of dataSet.methods)
      console.log(
        `${row.method.padEnd(42)} ${fixed(row.mase, 6, 3)} ${fixed(row.maseMedian, 6, 3)} ${fixed(row.smape, 6, 2)} ${pct(row.coverage80, 6)} ${pct(row.coverage95, 6)} ${fixed(row.msis95, 7, 2)} ${fixed(row.seconds, 6, 2)}`,
      );
    for (const row of dataSet.methods)
      if (row.method !== methodNames.snaive) console.log(`  chosen by ${row.method}: ${tally(row.models)}`);
    const rows = bench.perSeries.filter(
      (row) => row.dataSet === dataSet.name && row.offset === dataSet.offset,
    );
    const rival = dataSet.methods.some((row) => row.method === methodNames.statsmodels)
      ? methodNames.statsmodels
      : methodNames.snaive;
    const paired = rows.flatMap((row) => {
      const ours = row.methods[methodNames.ours];
      const other = row.methods[rival];
      return ours && other ? [{ ours, other }] : [];
    });
    const wins = paired.filter(({ ours, other }) => ours.mase < other.mase).length;
    console.log(
      `  ours has the lower MASE on ${String(wins)} of ${String(paired.length)} series against ${rival}; largest losses:`,
    );
    for (const { row, ours, other, gap } of losses(rows, rival, 4).filter((loss) => loss.gap > 0))
      console.log(
        `    ${row.id.slice(0, 40).padEnd(40)} ours ${fixed(ours.mase, 5, 2)} (${ours.model}) vs ${fixed(other.mase, 5, 2)} (${other.model}), +${gap.toFixed(2)}`,
      );
  }
  if (bench.peer)
    console.log(
      `\n  statsmodels: ${String(bench.peerFailures)} series without any fitted model, ${String(bench.peerNotConverged)} candidate fits not converged (ConvergenceWarning, suppressed)`,
    );
}

export function printSpeed(bench: SpeedBench): void {
  console.log(`\n2. Speed: ${String(bench.series)} synthetic monthly series × ${String(bench.points)} points (${String(bench.groups)} totals × ${String(bench.partsPerGroup)} regions, ${pct(bench.intermittentShare, 0).trim()} % small intermittent), 12 months ahead.
   Ours: fit + forecast every series (automatic choice, intervals) + reconcileTotal of every group. statsmodels: the same auto-ETS selection as table 1 (no reconciliation).`);
  console.log(
    `${'scenario'.padEnd(64)} ${'series'.padStart(6)} ${'cores'.padStart(5)} ${'s'.padStart(8)} ${'series/s'.padStart(9)} ${'vs ours'.padStart(8)}`,
  );
  const ours = bench.ours;
  console.log(
    `${`ours: ${ours.path}`.padEnd(64)} ${String(bench.series).padStart(6)} ${String(ours.workers).padStart(5)} ${fixed(ours.seconds, 8, 1)} ${fixed(ours.seriesPerSecond, 9, 1)} ${'1.00×'.padStart(8)}`,
  );
  console.log(
    `  CPU ${ours.cpuSeconds.toFixed(1)} s over ${ours.seconds.toFixed(1)} s wall: ${(ours.cpuSeconds / ours.seconds).toFixed(2)} of ${String(ours.workers)} cores busy with ours (load average ${ours.load.before.toFixed(2)} → ${ours.load.after.toFixed(2)}; lower than ${String(ours.workers)} means start-up or other work on the machine)`,
  );
  console.log(
    `${'  of which reconcileTotal'.padEnd(64)} ${String(bench.groups).padStart(6)} ${'1'.padStart(5)} ${fixed(ours.reconcileSeconds, 8, 3)}`,
  );
  const peer = bench.statsmodels;
  if (peer) {
    console.log(
      `${`statsmodels auto-ETS, measured on the first ${String(peer.sample)} series`.padEnd(64)} ${String(peer.sample).padStart(6)} ${String(peer.processes).padStart(5)} ${fixed(peer.wallSeconds, 8, 1)} ${fixed(peer.seriesPerSecond, 9, 2)} ${`${(peer.seriesPerSecond / ours.seriesPerSecond).toFixed(3)}×`.padStart(8)}`,
    );
    console.log(
      `${`statsmodels for all ${String(bench.series)}: EXTRAPOLATED from that sample`.padEnd(64)} ${String(bench.series).padStart(6)} ${String(peer.processes).padStart(5)} ${fixed(peer.extrapolatedSeconds, 8, 0)} ${fixed(peer.seriesPerSecond, 9, 2)} ${`${(peer.seriesPerSecond / ours.seriesPerSecond).toFixed(3)}×`.padStart(8)}`,
    );
    console.log(
      `  ours is ${(bench.ratio ?? Number.NaN).toFixed(1)}× the series/s of statsmodels on the same number of cores; the statsmodels figure for ${String(bench.series)} series is extrapolated from ${String(peer.sample)}, not measured`,
    );
    console.log(
      `  chosen by statsmodels on the sample: ${tally(peer.models)}; ${String(peer.failures)} failures, ${String(peer.notConverged)} fits not converged`,
    );
  }
  console.log(`  chosen by ours: ${tally(ours.models)}`);
  if (ours.panelMaxDifference !== null)
    console.log(
      `  forecastPanel vs forecastSeries on the first 20 series: largest difference in a mean ${ours.panelMaxDifference.toExponential(2)}`,
    );
}

export function printUpdate(bench: UpdateBench, speed: SpeedBench | null): void {
  console.log(
    `\n3. Incremental update: one series refitted from scratch after a new month (${String(bench.points)} points), forecastSeries on the main thread, ${String(bench.series)} synthetic series timed one by one`,
  );
  console.log(
    `${'scenario'.padEnd(64)} ${'mean ms'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`,
  );
  console.log(
    `${'ours: forecastSeries, one series'.padEnd(64)} ${fixed(bench.meanMs, 8, 1)} ${fixed(bench.p50Ms, 8, 1)} ${fixed(bench.p95Ms, 8, 1)} ${fixed(bench.maxMs, 8, 1)}`,
  );
  if (speed?.statsmodels)
    console.log(
      `${`statsmodels auto-ETS, one series (mean in its worker, ${String(speed.points)} points)`.padEnd(64)} ${fixed(speed.statsmodels.meanSecondsPerSeries * 1000, 8, 1)}`,
    );
  if (speed)
    console.log(
      `${`reconcileTotal of one group (${String(speed.partsPerGroup)} regions + total), mean`.padEnd(64)} ${fixed((speed.ours.reconcileSeconds * 1000) / speed.groups, 8, 3)}`,
    );
}
