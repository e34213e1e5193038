/** The printed tables of bench/supervision-matcher.ts, with the machine beside the figures. */
import { cpus, loadavg, release, totalmem } from 'node:os';
import type { FilesBench } from './files.js';
import type { DatasetBench, QualitySummary } from './run.js';

const int = (value: number, width: number) => Math.round(value).toLocaleString('en-US').padStart(width);
const pct = (value: number, width = 7) => (value * 100).toFixed(2).padStart(width);

/** `loadStart` is the 1-minute load average when the run began: other work on the machine skews every figure. */
export function machine(loadStart: number) {
  const cpu = cpus();
  const info = {
    cpu: `${cpu[0]?.model.trim() ?? '?'} × ${String(cpu.length)}`,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    kernel: `Linux ${release()}`,
    node: process.version,
    loadAverage: { start: loadStart, end: loadavg()[0] ?? 0 },
  };
  return {
    ...info,
    line: `${info.cpu}, ${String(info.memoryGb)} GB, ${info.kernel}; Node ${info.node}; one core (the matcher is single-threaded)\nload average (1 min) ${info.loadAverage.start.toFixed(2)} at start, ${info.loadAverage.end.toFixed(2)} at end`,
  };
}

function qualityCells(quality: QualitySummary): string {
  return `${pct(quality.precision)} ${pct(quality.recall)} ${int(quality.alerts, 8)} ${int(quality.found, 7)}/${int(quality.planted, 6).trim()}`;
}

export function printDataset(bench: DatasetBench): void {
  const { ours, exact, naive } = bench;
  console.log(
    `\n[${bench.names} names] ${int(bench.entries.persons + bench.entries.vehicles, 0)} entries (${int(bench.entries.persons, 0)} persons, ${int(bench.entries.vehicles, 0)} vehicles); ${int(ours.throughput.observations, 0)} observations, ${String(ours.quality.planted)} planted`,
  );
  console.log(
    `  index built in ${bench.build.seconds.toFixed(2)} s, ~${bench.build.heapMb.toFixed(0)} MB of heap`,
  );
  console.log(
    `  ${'method'.padEnd(28)} ${'obs/s'.padStart(10)} ${'seconds'.padStart(8)} ${'prec %'.padStart(7)} ${'recall %'.padStart(8)} ${'alerts'.padStart(8)} ${'found/planted'.padStart(14)}`,
  );
  console.log(
    `  ${'ours (blocked index)'.padEnd(28)} ${int(ours.throughput.perSecond, 10)} ${ours.throughput.seconds.toFixed(1).padStart(8)} ${qualityCells(ours.quality)}`,
  );
  console.log(
    `  ${'exact keys only (floor)'.padEnd(28)} ${int(exact.throughput.perSecond, 10)} ${exact.throughput.seconds.toFixed(1).padStart(8)} ${qualityCells(exact.quality)}`,
  );
  if (naive) {
    console.log(
      `  ${`naive scan (${String(naive.sample)} sampled)`.padEnd(28)} ${naive.throughput.perSecond.toFixed(1).padStart(10)} ${naive.throughput.seconds.toFixed(1).padStart(8)}   (same scoring against all ${int(bench.entries.persons + bench.entries.vehicles, 0).trim()} entries; ${String(naive.sameAsIndex)}/${String(naive.sample)} results identical to the index's)`,
    );
    console.log(
      `  index speed-up over the naive scan: ×${int(ours.throughput.perSecond / naive.throughput.perSecond, 0)}`,
    );
  }
  const wrong = ours.falseAlerts;
  console.log(
    `  false alerts: ${String(wrong.total)} = ${String(wrong.namesakeSameDate)} namesakes (same surname and given name) born the same day + ${String(wrong.namesakeNearDate)} namesakes born a digit or a day–month swap apart + ${String(wrong.plates)} plates one confusion from a listed one + ${String(wrong.other)} other`,
  );
  console.log('  recall by how the planted observation was written (ours | exact keys):');
  for (const [variant, row] of Object.entries(ours.quality.byVariant).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const floor = exact.quality.byVariant[variant] ?? { found: 0, planted: row.planted };
    console.log(
      `    ${variant.padEnd(18)} ${int(row.planted, 7)}  ${pct(row.found / row.planted)} | ${pct(floor.found / floor.planted)}`,
    );
  }
}

export function printFiles(bench: FilesBench): void {
  console.log(
    `\n[${bench.names} names] batch interface, matchFiles on disk: ${int(bench.observations, 0)} observation lines (${bench.inputMb.toFixed(0)} MB JSONL) in ${bench.seconds.toFixed(1)} s, of which ${bench.indexSeconds.toFixed(1)} s reading the watchlist and indexing it; ${int(bench.perSecond, 0)} obs/s after that (read, parse, match, write); ${int(bench.matched, 0)} with matches, ${String(bench.malformed)} malformed`,
  );
}
