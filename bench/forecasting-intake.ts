/**
 * `npm run bench:forecasting-intake`: one month of registered offences for a region arriving at a platform that
 * holds the demo world (six years of counts), on embedded PGlite and on server PostgreSQL: the time to take the batch
 * in, and the time until the anomaly detector has re-judged every affected series (country, region and district totals,
 * country and region by chapter), beside the same intake with the detector switched off.
 * Printed, and written to bench/results/forecasting-intake-latest.json.
 *
 * Environment: BENCH_DATABASE_URL or DATABASE_URL [postgres://postgres@127.0.0.1:5432/postgres], INTAKE_RUNS [3].
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Rng } from '../src/core/demo/rng.js';
import { present, type AnyModule } from '../src/core/index.js';
import { startTestPlatform, type TestPlatform } from '../src/core/testing/test-platform.js';
import { waitFor } from '../src/core/testing/wait-for.js';
import { seedDemoOffences } from '../src/modules/forecasting/demo/demo-offences.js';
import { nextPeriod, periodOf } from '../src/modules/forecasting/engine/periods.js';
import { forecastingModule } from '../src/modules/forecasting/index.js';

const runs = Number(process.env.INTAKE_RUNS ?? 3);
const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const regionsToSend = ['KZ-35', 'KZ-55', 'KZ-39', 'KZ-63', 'KZ-15'];

interface Run {
  region: string;
  records: number;
  intakeMs: number;
  judgedMs: number | null;
  seriesJudged: number;
}

/** The region's records for this month so far, composed like last month's counts (district × article), one per offence. */
async function monthOfRecords(qg: TestPlatform, region: string, tag: string) {
  const now = new Date();
  const month = periodOf(now, 'monthly');
  const last = nextPeriod(month, 'monthly', -1);
  const share = (now.getUTCDate() - 1) / 30;
  const cells = await qg.db.query<{ district: string; chapter: string; article: string; count: number }>(
    `select district, chapter, article, sum(count)::int as count from offence_counts where frequency = 'monthly' and period = $1 and region = $2 and article <> '' group by 1, 2, 3`,
    [last, region],
  );
  const records = [];
  let n = 0;
  for (const cell of cells) {
    for (let i = 0; i < Math.round(cell.count * share); i++) {
      const day = String(1 + (n % Math.max(1, now.getUTCDate() - 1))).padStart(2, '0');
      records.push({
        recordId: `BENCH-${tag}-${String(n++)}`,
        registeredOn: `${month}-${day}`,
        region,
        ...(cell.district ? { district: cell.district } : {}),
        article: cell.article,
      });
    }
  }
  return records;
}

async function bench(
  label: string,
  module: AnyModule,
  detector: boolean,
  databaseUrl: string | undefined,
): Promise<{ label: string; seedSeconds: number; runs: Run[] }> {
  if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
  else delete process.env.DATABASE_URL;
  const qg = await startTestPlatform({ modules: [module] });
  try {
    const seeded = performance.now();
    await seedDemoOffences(qg, new Rng(7));
    const seedSeconds = (performance.now() - seeded) / 1000;
    const key = await qg.apiKey(['offences.ingest']);
    const out: Run[] = [];
    for (let run = 0; run < runs; run++) {
      const region = present(regionsToSend[run % regionsToSend.length], 'a region to send');
      const records = await monthOfRecords(qg, region, `${label}-${String(run)}`);
      const started = new Date();
      const t0 = performance.now();
      for (let from = 0; from < records.length; from += 5000) {
        const response = await qg.request(null, {
          method: 'POST',
          url: '/api/offences',
          headers: { authorization: `Bearer ${key}` },
          payload: { records: records.slice(from, from + 5000) },
        });
        if (response.statusCode !== 200) throw new Error(response.body);
      }
      const intakeMs = performance.now() - t0;
      let judgedMs: number | null = null;
      let seriesJudged = 0;
      if (detector) {
        await waitFor(
          async () => {
            const [row] = await qg.db.query<{ n: number }>(
              `select count(*)::int as n from forecast_expectations where series_key = $1 and computed_at >= $2`,
              [`${region}|*|*|*`, started],
            );
            return present(row, 'the count of expectations').n > 0 ? true : undefined;
          },
          30_000,
          'detection',
        );
        judgedMs = performance.now() - t0;
        const [row] = await qg.db.query<{ n: number }>(
          'select count(*)::int as n from forecast_expectations where computed_at >= $1',
          [started],
        );
        seriesJudged = present(row, 'the count of expectations').n;
      }
      out.push({ region, records: records.length, intakeMs, judgedMs, seriesJudged });
    }
    return { label, seedSeconds, runs: out };
  } finally {
    await qg.stop();
  }
}

const median = (values: number[]) =>
  present([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)], 'a median of no runs');
// The peer: the same module with its anomaly detector (its durable handlers) taken out.
const withoutDetector: AnyModule = {
  ...forecastingModule,
  setup: async (platform) => ({ ...(await forecastingModule.setup(platform)), handlers: [] }),
};
const results = [];
for (const [backend, url] of [
  ['PGlite', undefined],
  ['PostgreSQL', serverUrl],
] as const) {
  results.push({
    backend,
    detector: await bench(`${backend}-on`, forecastingModule, true, url),
    peer: await bench(`${backend}-off`, withoutDetector, false, url),
  });
}

console.log(
  '\nOne month of a region’s records arriving (median of runs; the detector re-judges every affected series)\n',
);
console.log(
  `${'backend'.padEnd(11)} ${'records'.padStart(8)} ${'intake ms'.padStart(10)} ${'judged ms'.padStart(10)} ${'series'.padStart(7)} ${'intake, no detector'.padStart(20)}`,
);
for (const { backend, detector, peer } of results) {
  const judged = detector.runs.map((run) => run.judgedMs ?? 0);
  console.log(
    `${backend.padEnd(11)} ${String(median(detector.runs.map((run) => run.records))).padStart(8)} ${median(
      detector.runs.map((run) => run.intakeMs),
    )
      .toFixed(0)
      .padStart(
        10,
      )} ${median(judged).toFixed(0).padStart(10)} ${String(median(detector.runs.map((run) => run.seriesJudged))).padStart(7)} ${`${median(peer.runs.map((run) => run.intakeMs)).toFixed(0)} ms`.padStart(20)}`,
  );
}
console.log(
  '\n"judged ms" runs from sending the first record to the detector having stored its verdict on the region total.',
);
const file = fileURLToPath(new URL('./results/forecasting-intake-latest.json', import.meta.url));
mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
writeFileSync(
  file,
  `${JSON.stringify({ at: new Date().toISOString(), node: process.version, runs, results }, null, 2)}\n`,
);
