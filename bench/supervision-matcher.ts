/**
 * `node --import tsx bench/supervision-matcher.ts`: the supervision matching core on one core, beside its floor and
 * its naive peer, in one run.
 *   1. for each name source (the demo people of src/core/demo/people.ts, and the same people renamed from wider
 *      lists): a watchlist of 100,000 entries (persons and vehicles) and 1,000,000 observations, 5 % of them listed
 *      entries under variant spellings, misread plates and the like (planted truth), the rest unlisted people and
 *      plates; our blocked index, the exact-key floor and the naive scan (the same scoring against every entry, on a
 *      sample, extrapolated) timed, with precision and recall on the planted truth;
 *   2. the batch interface (matchFiles) end to end on files.
 *   3. the probation half (10,000 people on probation, bracelet pings with planted breaches) mixed into the
 *      watchlist's observations, against 100,000 entries: the whole matching core in one loop, beside each half alone.
 * Printed, and written to bench/results/supervision-matcher-latest.json (figures only).
 *
 * Environment (defaults in brackets): SUPERVISION_BENCH_SECTIONS [index,files,probation], SUPERVISION_BENCH_NAMES [demo,wide],
 * SUPERVISION_BENCH_PERSONS [60000], SUPERVISION_BENCH_VEHICLES [40000], SUPERVISION_BENCH_OBSERVATIONS [1000000],
 * SUPERVISION_BENCH_PLANTED [0.05], SUPERVISION_BENCH_NAIVE [200] observations for the naive scan,
 * SUPERVISION_BENCH_FILES_NAMES [demo], SUPERVISION_BENCH_PROBATION [10000] people, SUPERVISION_BENCH_PINGS [200000].
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ALERT_THRESHOLD } from '../src/modules/supervision/matching/person-score.js';
import type { NameSource } from '../src/modules/supervision/matching/synthetic/dataset.js';
import { benchFiles, type FilesBench } from './supervision/files.js';
import { benchProbation, printProbation } from './supervision/probation.js';
import { machine, printDataset, printFiles } from './supervision/report.js';
import { benchDataset, type DatasetBench, type Settings } from './supervision/run.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const list = (name: string, fallback: string) =>
  (process.env[name] ?? fallback)
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
const sections = new Set(list('SUPERVISION_BENCH_SECTIONS', 'index,files,probation'));
const nameSources = list('SUPERVISION_BENCH_NAMES', 'demo,wide') as NameSource[];
const settings: Settings = {
  persons: env('SUPERVISION_BENCH_PERSONS', 60_000),
  vehicles: env('SUPERVISION_BENCH_VEHICLES', 40_000),
  observations: env('SUPERVISION_BENCH_OBSERVATIONS', 1_000_000),
  planted: env('SUPERVISION_BENCH_PLANTED', 0.05),
  naiveSample: env('SUPERVISION_BENCH_NAIVE', 200),
  seed: 20_240_601,
};

const started = performance.now();
const loadStart = loadavg()[0] ?? 0;
const datasets: DatasetBench[] = [];
let files: FilesBench | null = null;
if (sections.has('index')) for (const names of nameSources) datasets.push(benchDataset(names, settings));
if (sections.has('files'))
  files = await benchFiles((process.env.SUPERVISION_BENCH_FILES_NAMES ?? 'demo') as NameSource, settings);
const pingCount = env('SUPERVISION_BENCH_PINGS', 200_000);
const probation = sections.has('probation')
  ? benchProbation({
      persons: env('SUPERVISION_BENCH_PROBATION', 10_000),
      pings: pingCount,
      plantedShare: 0.02,
      watchlistPersons: settings.persons,
      watchlistVehicles: settings.vehicles,
      observations: Math.max(0, settings.observations - pingCount),
      seed: settings.seed + 7,
    })
  : null;

const host = machine(loadStart);
console.log(`\n${host.line}`);
console.log(
  `alerting threshold ${String(ALERT_THRESHOLD)}; target ≥ 50,000 observations/s on one core against 100,000 entries and 10,000 people on probation`,
);
for (const dataset of datasets) printDataset(dataset);
if (files) printFiles(files);
if (probation) printProbation(probation);
console.log(`\nwhole run ${((performance.now() - started) / 1000).toFixed(0)} s`);

const results = fileURLToPath(new URL('./results', import.meta.url));
mkdirSync(results, { recursive: true });
writeFileSync(
  `${results}/supervision-matcher-latest.json`,
  `${JSON.stringify({ at: new Date().toISOString(), machine: host, threshold: ALERT_THRESHOLD, settings, datasets, files, probation }, null, 2)}\n`,
);
