/**
 * `npm run bench`: requests/s and p99 latency of an authenticated read (GET /api/alerts, session cookie) and of alert
 * creation (POST /api/alerts, API key: transaction with audit chain, history and outbox), on embedded PGlite and on
 * server PostgreSQL, each beside a bare Fastify handler measured in the same run. Servers run in their own processes;
 * autocannon drives them from this one. Figures are printed and written to bench/results/latest.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { present } from '../src/core/lang/index.js';

const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Target {
  url: string;
  cookie?: string;
  apiKey?: string;
  database?: string;
}

function startTarget(file: string, env: NodeJS.ProcessEnv): Promise<{ target: Target; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL(file, import.meta.url))],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    child.stdout.once('data', (chunk: Buffer) =>
      resolve({ target: JSON.parse(chunk.toString().split('\n')[0] ?? '') as Target, child }),
    );
    child.once('exit', (code) => reject(new Error(`${file} exited with ${String(code)}`)));
  });
}

let counter = 0;
const alertBody = () =>
  JSON.stringify({
    module: 'bench',
    kind: 'bench.alert',
    severity: 'medium',
    region: 'KZ-75',
    subject: { type: 'series', id: `S-${counter++}`, label: 'Алматы — мошенничество' },
    title: 'Рост регистрации мошенничества',
    summary: 'Наблюдение выше 95 % интервала прогноза.',
    evidence: { observed: 120, expected: 80 },
  });

async function measure(
  name: string,
  options: autocannon.Options,
): Promise<{ name: string; rps: number; p99: number; errors: number }> {
  const result = await autocannon({ connections, duration, ...options });
  const errors = result.errors + result.non2xx;
  return { name, rps: Math.round(result.requests.average), p99: result.latency.p99, errors };
}

async function withServerDb<T>(work: (url: string) => Promise<T>): Promise<T | null> {
  const name = `qg_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch {
    console.log(`(server PostgreSQL at ${serverUrl.replace(/\/\/[^@]*@/, '//')} unreachable: skipped)`);
    return null;
  }
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function benchBackend(label: string, env: NodeJS.ProcessEnv) {
  const bare = await startTarget('./targets/bare-fastify.ts', {});
  const platform = await startTarget('./targets/platform.ts', env);
  try {
    const { target } = platform;
    const rows = [
      await measure(`bare Fastify GET (peer)`, { url: `${bare.target.url}/items` }),
      await measure(`GET /api/alerts, session (${label})`, {
        url: `${target.url}/api/alerts?limit=20`,
        headers: { cookie: present(target.cookie, 'the target’s session cookie') },
      }),
      await measure(`bare Fastify POST (peer)`, {
        url: `${bare.target.url}/items`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: alertBody(),
      }),
      await measure(`POST /api/alerts, API key (${label})`, {
        url: `${target.url}/api/alerts`,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${present(target.apiKey, 'the target’s API key')}`,
        },
        setupClient: (client) => client.setBody(alertBody()),
        requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, body: alertBody() }) }],
      }),
    ];
    return { backend: label, database: target.database, rows };
  } finally {
    bare.child.kill();
    platform.child.kill();
  }
}

const results = [await benchBackend('embedded PGlite', { DATABASE_URL: '' })];
const server = await withServerDb((url) => benchBackend('server PostgreSQL', { DATABASE_URL: url }));
if (server) results.push(server);

console.log(
  `\nNode ${process.version}, ${connections} connections, ${duration} s each, servers in separate processes on loopback\n`,
);
console.log(
  `${'scenario'.padEnd(44)} ${'req/s'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)} ${'vs peer'.padStart(8)}`,
);
for (const { rows } of results) {
  for (const [index, row] of rows.entries()) {
    const peer = index % 2 === 1 ? (rows[index - 1] ?? null) : null;
    const ratio = peer ? `${((row.rps / peer.rps) * 100).toFixed(1)} %` : '';
    console.log(
      `${row.name.padEnd(44)} ${String(row.rps).padStart(8)} ${String(row.p99).padStart(8)} ${String(row.errors).padStart(7)} ${ratio.padStart(8)}`,
    );
  }
}
mkdirSync(fileURLToPath(new URL('./results', import.meta.url)), { recursive: true });
writeFileSync(
  fileURLToPath(new URL('./results/latest.json', import.meta.url)),
  `${JSON.stringify({ at: new Date().toISOString(), node: process.version, connections, duration, results }, null, 2)}\n`,
);
