/**
 * `npm run bench:appeals`: the appeals risk screener beside its peers, in one run.
 *   1. quality on the fixed held-out split: our model, the bag-of-words baseline, scikit-learn (same split);
 *   2. screening throughput on one core (~20k texts): screen(), probabilities(), sklearn predict_proba;
 *   3. training time on 60k examples (seed corpus + KZgov + St Petersburg appeals): trainModel vs sklearn fit;
 *   4. intake through the API on PGlite and server PostgreSQL, beside the bare Fastify peer.
 * Printed, and written to bench/results/appeals-latest.json (figures only, no texts).
 *
 * Environment (defaults in brackets): APPEALS_BENCH_SECTIONS [model,training,intake], APPEALS_BENCH_TEXTS [20000]
 * texts to screen, APPEALS_BENCH_SINGLE [2000] texts for sklearn one-a-call, APPEALS_BENCH_ORDINARY [5000] St
 * Petersburg appeals for the false-alarm rate, APPEALS_BENCH_TRAIN [60000], APPEALS_BENCH_BATCH [100] appeals per
 * batch request, BENCH_SECONDS [8] per intake scenario, BENCH_CONNECTIONS [10], BENCH_DATABASE_URL or DATABASE_URL
 * [postgres://postgres@127.0.0.1:5432/postgres], BENCH_PYTHON [/usr/bin/python3].
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { present } from '../src/core/lang/index.js';
import { loadSpbAppeals, screeningTexts, TempDir } from './appeals/data.js';
import { benchIntake, type IntakeBackend } from './appeals/intake.js';
import { benchModels, type ModelBench } from './appeals/model-bench.js';
import { machine, printIntake, printModels, printTraining } from './appeals/report.js';
import { peerAvailable, python } from './appeals/sklearn-peer.js';
import { benchTraining, type TrainingBench } from './appeals/training.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const sections = new Set(
  (process.env.APPEALS_BENCH_SECTIONS ?? 'model,training,intake').split(',').map((section) => section.trim()),
);
const settings = {
  texts: env('APPEALS_BENCH_TEXTS', 20_000),
  single: env('APPEALS_BENCH_SINGLE', 2_000),
  ordinary: env('APPEALS_BENCH_ORDINARY', 5_000),
  train: env('APPEALS_BENCH_TRAIN', 60_000),
  batch: env('APPEALS_BENCH_BATCH', 100),
  seconds: env('BENCH_SECONDS', 8),
  connections: env('BENCH_CONNECTIONS', 10),
};
const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const withPeer = peerAvailable();
if (!withPeer) console.log(`(${python} not found: the scikit-learn peer is skipped)`);
const spb = loadSpbAppeals();
if (spb.length === 0)
  console.log(
    '(shared/data/text/spb_appeals_2020_2021.csv not found: training and screening sets use the repository corpus only)',
  );

const started = performance.now();
const [loadStart = 0] = loadavg();
const tmp = new TempDir();
let models: ModelBench | null = null;
let training: TrainingBench | null = null;
let intake: IntakeBackend[] | null = null;
try {
  if (sections.has('model'))
    models = await benchModels({
      texts: settings.texts,
      single: settings.single,
      ordinary: settings.ordinary,
      spb,
      tmp,
      withPeer,
    });
  if (sections.has('training'))
    training = await benchTraining({ labelled: settings.train, spb, tmp, withPeer });
} finally {
  tmp.remove();
}
if (sections.has('intake')) {
  intake = await benchIntake(
    {
      seconds: settings.seconds,
      connections: settings.connections,
      batch: settings.batch,
      texts: shuffled(screeningTexts(settings.texts, spb)),
    },
    serverUrl,
  );
}

const host = machine(models?.peer ?? training?.peer ?? null, intake, loadStart);
console.log(`\n${host.line}`);
if (models) printModels(models);
if (training) printTraining(training);
if (intake) printIntake(intake, settings);
console.log(`\nwhole run ${((performance.now() - started) / 1000).toFixed(0)} s`);

const results = fileURLToPath(new URL('./results', import.meta.url));
mkdirSync(results, { recursive: true });
writeFileSync(
  `${results}/appeals-latest.json`,
  `${JSON.stringify({ at: new Date().toISOString(), machine: host, settings, models, training, intake }, null, 2)}\n`,
);

/** A fixed shuffle, so intake sees the corpus's risky appeals spread among ordinary ones as a real stream would. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  let state = 12_345;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    const swapped = present(out[j], 'an item to shuffle');
    out[j] = present(out[i], 'an item to shuffle');
    out[i] = swapped;
  }
  return out;
}
