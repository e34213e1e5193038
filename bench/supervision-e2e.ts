/**
 * `npm run bench:supervision-e2e`: observations streaming through MQTT (Mosquitto) into server PostgreSQL at a steady
 * rate over the demo world plus a 100,000-entry watchlist, beside a plain MQTT subscriber that does nothing with them,
 * in the same run. Prints the sustained rate, the backlog when publishing stops, and the latency from publishing an
 * observation to its alert being committed (p50/p95/p99), and the peer's receive rate and latency. Half way through,
 * a warrant is added to the list, as happens during a working day, so the run includes a list change under load.
 * Printed, and written to bench/results/supervision-e2e-latest.json.
 *
 * Environment: MQTT_URL [mqtt://127.0.0.1:1883], BENCH_DATABASE_URL or DATABASE_URL [postgres://postgres@127.0.0.1:5432/postgres],
 * E2E_RATE [2200] messages/s (about 8 % of them resends, so some 2,030 distinct observations/s: the target's 2,000), E2E_SECONDS [60], E2E_WATCHLIST [100000], E2E_CLIENTS [64] intake clients (MQTT_INTAKE_CLIENTS).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Rng } from '../src/core/demo/rng.js';
import { startTestPlatform } from '../src/core/testing/test-platform.js';
import { seedDemoSupervision } from '../src/modules/supervision/demo/demo-supervision.js';
import { acceptObservations } from '../src/modules/supervision/observations/observations.service.js';
import { supervisionModule } from '../src/modules/supervision/index.js';
import { syntheticWatchlist } from '../src/modules/supervision/matching/synthetic/dataset.js';
import { supervisionContext } from '../src/modules/supervision/testing.js';
import { present } from '../src/core/lang/index.js';

const rate = Number(process.env.E2E_RATE ?? 2200);
const seconds = Number(process.env.E2E_SECONDS ?? 60);
const watchlistSize = Number(process.env.E2E_WATCHLIST ?? 100_000);
const mqttUrl = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';
process.env.MQTT_URL = mqttUrl;
process.env.DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
};

const clients = Number(process.env.E2E_CLIENTS ?? 64);
const qg = await startTestPlatform({
  modules: [supervisionModule],
  settings: { supervision: { intakeClients: clients } },
});
try {
  await seedDemoSupervision(supervisionContext(qg), new Rng(42));
  const extra = syntheticWatchlist(7, watchlistSize, 0).entries;
  for (let from = 0; from < extra.length; from += 5000) {
    const part = extra.slice(from, from + 5000);
    await qg.db.query(
      `insert into watchlist_entries (id, kind, iin, full_name, birth_date, plate, warrant_basis, issuing_agency, danger_level, region)
       select 'X-' || i, 'person', iin, n, b::date, null, 'bench', 'bench', 'medium', 'KZ-75' from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as t(i, iin, n, b)`,
      [
        part.map((entry) => entry.entryId),
        part.map((entry) => entry.iin ?? null),
        part.map((entry) => entry.fullName ?? null),
        part.map((entry) => entry.birthDate ?? null),
      ],
    );
  }
  const [listed] = await qg.db.query<{ n: number }>(
    `select count(*)::int as n from watchlist_entries where status = 'active'`,
  );
  // Warm up: the pipeline builds the watchlist index when the list changes; let it do so before the clock starts.
  const [source] = await qg.db.query<{ id: string }>(
    `select id from supervision_sources where kind = 'camera' limit 1`,
  );
  await acceptObservations(qg.db, 'http', present(source, 'a source of the demo world').id, [
    {
      externalId: `warm-${String(Date.now())}`,
      observedAt: new Date().toISOString(),
      kind: 'person',
      identifiers: { name: 'Warm Up' },
    },
  ]);
  for (let waited = 0; waited < 30_000; waited += 100) {
    const [pending] = await qg.db.query<{ n: number }>(
      `select count(*)::int as n from observations where state = 'pending'`,
    );
    if ((pending?.n ?? 0) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 3000));

  // The load and the peer run in their own process, as devices and a bystander subscriber would.
  const started = new Date();
  // How busy the platform's main thread is under the load, and how long work waited for it.
  const eluStart = performance.eventLoopUtilization();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  // Half way, a warrant is added, as a prosecutor would during the day: the index takes it in while the load runs.
  const warrant = setTimeout(
    () => {
      // The list's triggers mark the change, as for any writer.
      void qg.db.query(
        `insert into watchlist_entries (id, kind, iin, full_name, birth_date, plate, warrant_basis, issuing_agency, danger_level, region)
       values ('X-midrun', 'person', null, 'Бенчмарков Ерлан', '1980-01-01', null, 'bench', 'bench', 'medium', 'KZ-75')`,
      );
    },
    (seconds * 1000) / 2,
  );
  const load = await new Promise<{
    sent: number;
    seconds: number;
    peer: { received: number; p50: number | null; p95: number | null; p99: number | null };
  }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./supervision/e2e-load.ts', import.meta.url)),
        mqttUrl,
        supervisionContext(qg).settings.topicPrefix,
        String(rate),
        String(seconds),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as never)
        : reject(new Error(`load exited ${String(code)}`)),
    );
  });
  clearTimeout(warrant);
  delay.disable();
  const mainThread = {
    busy: performance.eventLoopUtilization(eluStart).utilization,
    delayP99Ms: delay.percentile(99) / 1e6,
    delayMaxMs: delay.max / 1e6,
  };
  const run = { sent: load.sent, seconds: load.seconds };
  const [atEnd] = await qg.db.query<{ stored: number; judged: number }>(
    `select count(*)::int as stored, count(*) filter (where state <> 'pending')::int as judged from observations where received_at >= $1`,
    [started],
  );
  const end = present(atEnd, 'the counts at the end');
  const drainStart = performance.now();
  // Drained when every observation sent is stored (duplicates resent by the simulator count once) and judged.
  let lastStored = -1;
  let still = 0;
  for (;;) {
    const [row] = await qg.db.query<{ pending: number; stored: number }>(
      `select count(*) filter (where state = 'pending')::int as pending, count(*)::int as stored from observations where received_at >= $1`,
      [started],
    );
    const counts = present(row, 'the stored and pending counts');
    still = counts.stored === lastStored && counts.pending === 0 ? still + 1 : 0;
    lastStored = counts.stored;
    if (still >= 10 || performance.now() - drainStart > 180_000) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const drainSeconds = Math.max(0, (performance.now() - drainStart) / 1000 - 1);
  const latencies = (
    await qg.db.query<{ ms: number }>(
      `select extract(epoch from (h.created_at - to_timestamp((o.attributes->>'sentAt')::float8 / 1000))) * 1000 as ms
     from supervision_hits h join observations o on o.id = h.observation_id where h.created_at >= $1 and o.attributes ? 'sentAt'`,
      [started],
    )
  ).map((row) => Number(row.ms));
  // Where the time goes: publish → stored (every observation), and stored → alert committed (hits).
  const storedLatencies = (
    await qg.db.query<{ ms: number }>(
      `select extract(epoch from (o.received_at - to_timestamp((o.attributes->>'sentAt')::float8 / 1000))) * 1000 as ms
     from observations o where o.received_at >= $1 and o.attributes ? 'sentAt'`,
      [started],
    )
  ).map((row) => Number(row.ms));
  const judgedLatencies = (
    await qg.db.query<{ ms: number }>(
      `select extract(epoch from (h.created_at - o.received_at)) * 1000 as ms
     from supervision_hits h join observations o on o.id = h.observation_id where h.created_at >= $1 and o.attributes ? 'sentAt'`,
      [started],
    )
  ).map((row) => Number(row.ms));
  const [totals] = await qg.db.query<{ stored: number; alerts: number }>(
    `select (select count(*)::int from observations where received_at >= $1) as stored, (select count(*)::int from alerts where module = 'supervision' and created_at >= $1) as alerts`,
    [started],
  );
  const sums = present(totals, 'the totals');

  const result = {
    at: new Date().toISOString(),
    node: process.version,
    settings: {
      rate,
      seconds,
      intakeClients: clients,
      watchlist: present(listed, 'the watchlist count').n,
      broker: new URL(mqttUrl).host,
      database: 'PostgreSQL',
    },
    ours: {
      sent: run.sent,
      publishSeconds: run.seconds,
      sentPerSecond: run.sent / run.seconds,
      storedAtEnd: end.stored,
      judgedAtEnd: end.judged,
      backlogAtEnd: end.stored - end.judged,
      drainSeconds,
      stored: sums.stored,
      sustainedPerSecond: sums.stored / (run.seconds + drainSeconds),
      hits: latencies.length,
      alerts: sums.alerts,
      alertLatencyMs: {
        p50: percentile(latencies, 0.5),
        p95: percentile(latencies, 0.95),
        p99: percentile(latencies, 0.99),
        max: percentile(latencies, 1),
      },
      storedLatencyMs: {
        p50: percentile(storedLatencies, 0.5),
        p95: percentile(storedLatencies, 0.95),
        p99: percentile(storedLatencies, 0.99),
      },
      judgedLatencyMs: {
        p50: percentile(judgedLatencies, 0.5),
        p95: percentile(judgedLatencies, 0.95),
        p99: percentile(judgedLatencies, 0.99),
      },
    },
    mainThread,
    peer: {
      received: load.peer.received,
      receiveLatencyMs: { p50: load.peer.p50 ?? NaN, p95: load.peer.p95 ?? NaN, p99: load.peer.p99 ?? NaN },
    },
  };
  const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '–');
  console.log(
    `\nMQTT (${result.settings.broker}) → PostgreSQL, ${String(rate)} messages/s for ${String(seconds)} s, watchlist ${String(present(listed, 'the watchlist count').n)} entries\n`,
  );
  console.log(
    `${''.padEnd(34)} ${'sent'.padStart(8)} ${'taken in'.padStart(9)} ${'per s'.padStart(7)} ${'pending'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)}`,
  );
  console.log(
    `${'ours: stored, judged, alert (hits)'.padEnd(34)} ${String(run.sent).padStart(8)} ${String(sums.stored).padStart(9)} ${result.ours.sustainedPerSecond.toFixed(0).padStart(7)} ${String(result.ours.backlogAtEnd).padStart(8)} ${ms(result.ours.alertLatencyMs.p50).padStart(7)} ${ms(result.ours.alertLatencyMs.p95).padStart(7)} ${ms(result.ours.alertLatencyMs.p99).padStart(7)}`,
  );
  console.log(
    `${'peer: plain subscriber (receipt)'.padEnd(34)} ${String(run.sent).padStart(8)} ${String(load.peer.received).padStart(9)} ${(load.peer.received / run.seconds).toFixed(0).padStart(7)} ${'–'.padStart(8)} ${ms(result.peer.receiveLatencyMs.p50).padStart(7)} ${ms(result.peer.receiveLatencyMs.p95).padStart(7)} ${ms(result.peer.receiveLatencyMs.p99).padStart(7)}`,
  );
  console.log(
    `${'  of which publish → stored'.padEnd(34)} ${''.padStart(8)} ${''.padStart(9)} ${''.padStart(7)} ${''.padStart(8)} ${ms(result.ours.storedLatencyMs.p50).padStart(7)} ${ms(result.ours.storedLatencyMs.p95).padStart(7)} ${ms(result.ours.storedLatencyMs.p99).padStart(7)}`,
  );
  console.log(
    `${'  of which stored → alert (hits)'.padEnd(34)} ${''.padStart(8)} ${''.padStart(9)} ${''.padStart(7)} ${''.padStart(8)} ${ms(result.ours.judgedLatencyMs.p50).padStart(7)} ${ms(result.ours.judgedLatencyMs.p95).padStart(7)} ${ms(result.ours.judgedLatencyMs.p99).padStart(7)}`,
  );
  console.log(
    `\n"sent" counts messages, resent ones (about 8 %) included; "taken in" counts distinct observations stored; "pending" is what was stored but not yet judged when publishing stopped.`,
  );
  console.log(
    `The platform's main thread was busy ${(mainThread.busy * 100).toFixed(0)} % of the time; event-loop delay p99 ${mainThread.delayP99Ms.toFixed(0)} ms, max ${mainThread.delayMaxMs.toFixed(0)} ms.`,
  );
  console.log(
    `A warrant was added to the list half way through, under load (the index applies such a change in place).`,
  );
  console.log(
    `${String(latencies.length)} hits (${String(sums.alerts)} alerts after deduplication); backlog drained in ${drainSeconds.toFixed(1)} s after publishing stopped. Latency: publish → alert committed (ours), publish → message received (peer).`,
  );
  mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
  writeFileSync(
    fileURLToPath(new URL('./results/supervision-e2e-latest.json', import.meta.url)),
    `${JSON.stringify(result, null, 2)}\n`,
  );
} finally {
  await qg.stop();
}
