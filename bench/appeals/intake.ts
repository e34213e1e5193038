/**
 * Intake through the API: POST /api/appeals (one appeal a request) and POST /api/appeals/batch, each appeal with a
 * fresh externalId, on embedded PGlite and on server PostgreSQL, beside the bare Fastify peer in the same run. Servers
 * run in their own processes; autocannon drives them from this one and counts what the platform stored.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { present, regionCodes } from '../../src/core/index.js';

interface Target {
  url: string;
  apiKey?: string;
  database?: string;
  postgres?: string | null;
}

export interface IntakeRow {
  name: string;
  requestsPerSecond: number;
  appealsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Appeals the platform answered as created (null for the peer, which stores nothing). */
  created: number | null;
  /** Of those, screened high or critical (an alert raised in the same transaction). */
  alerted: number | null;
}

export interface IntakeBackend {
  backend: string;
  database: string | undefined;
  postgres: string | null | undefined;
  rows: IntakeRow[];
}

export interface IntakeOptions {
  seconds: number;
  connections: number;
  batch: number;
  texts: readonly string[];
}

function startTarget(file: string, env: NodeJS.ProcessEnv): Promise<{ target: Target; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL(file, import.meta.url))],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    child.stdout.once('data', (chunk: Buffer) => {
      // The target prints its address (and key) as one JSON line first.
      const [line = ''] = chunk.toString().split('\n');
      resolve({ target: JSON.parse(line) as Target, child });
    });
    child.once('exit', (code) => reject(new Error(`${file} exited with ${String(code)}`)));
  });
}

/** Appeal records with unique external ids, texts cycled from the pool, regions cycled over the country. */
function recordSource(texts: readonly string[]) {
  const run = randomBytes(4).toString('hex');
  let next = 0;
  const record = () => {
    const n = next++;
    return {
      externalId: `bench-${run}-${n}`,
      submittedAt: new Date().toISOString(),
      channel: 'eotinish',
      region: present(regionCodes[n % regionCodes.length], 'a region code'),
      text: present(texts[n % texts.length], 'a text to send'),
      applicant: { name: 'Сериков Айдар Болатович', phone: '+7 701 111 22 33' },
    };
  };
  return {
    single: () => JSON.stringify(record()),
    batch: (size: number) => JSON.stringify({ appeals: Array.from({ length: size }, record) }),
  };
}

interface Counting {
  created: number;
  alerted: number;
}

/** Reads the platform's answers: how many appeals were stored, and how many raised an alert. */
function countIntake(counting: Counting, body: string): void {
  const parsed = JSON.parse(body) as {
    status?: string;
    riskLevel?: string;
    results?: { status: string; riskLevel?: string }[];
  };
  for (const result of parsed.results ?? [parsed]) {
    if (result.status !== 'created') continue;
    counting.created++;
    if (result.riskLevel === 'high' || result.riskLevel === 'critical') counting.alerted++;
  }
}

async function measure(
  name: string,
  url: string,
  body: () => string,
  perRequest: number,
  options: IntakeOptions,
  headers: Record<string, string>,
  counted: boolean,
): Promise<IntakeRow> {
  const counting: Counting = { created: 0, alerted: 0 };
  const result = await autocannon({
    url,
    method: 'POST',
    connections: options.connections,
    duration: options.seconds,
    headers: { 'content-type': 'application/json', ...headers },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({ ...request, body: body() }),
        ...(counted
          ? {
              onResponse: (status: number, responseBody: string) =>
                status < 300 ? countIntake(counting, responseBody) : undefined,
            }
          : {}),
      },
    ],
  });
  const rps = result.requests.average;
  return {
    name,
    requestsPerSecond: Math.round(rps),
    appealsPerSecond: counted ? Math.round(counting.created / options.seconds) : Math.round(rps * perRequest),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
    created: counted ? counting.created : null,
    alerted: counted ? counting.alerted : null,
  };
}

async function benchBackend(
  label: string,
  env: NodeJS.ProcessEnv,
  options: IntakeOptions,
): Promise<IntakeBackend> {
  const bare = await startTarget('../targets/bare-fastify.ts', {});
  const platform = await startTarget('../targets/appeals-platform.ts', env).catch((error: unknown) => {
    bare.child.kill();
    throw error;
  });
  const source = recordSource(options.texts);
  const apiKey = present(platform.target.apiKey, 'the API key the platform target printed');
  const auth = { authorization: `Bearer ${apiKey}` };
  try {
    const rows = [
      await measure(
        'bare Fastify POST, 1 appeal (peer)',
        `${bare.target.url}/items`,
        source.single,
        1,
        options,
        {},
        false,
      ),
      await measure(
        `POST /api/appeals (${label})`,
        `${platform.target.url}/api/appeals`,
        source.single,
        1,
        options,
        auth,
        true,
      ),
      await measure(
        `bare Fastify POST, ${options.batch} appeals (peer)`,
        `${bare.target.url}/items`,
        () => source.batch(options.batch),
        options.batch,
        options,
        {},
        false,
      ),
      await measure(
        `POST /api/appeals/batch ×${options.batch} (${label})`,
        `${platform.target.url}/api/appeals/batch`,
        () => source.batch(options.batch),
        options.batch,
        options,
        auth,
        true,
      ),
    ];
    return { backend: label, database: platform.target.database, postgres: platform.target.postgres, rows };
  } finally {
    bare.child.kill();
    platform.child.kill();
  }
}

/** A fresh database on the server for the run, dropped after; null (with a message) when the server is unreachable. */
async function withServerDb<T>(serverUrl: string, work: (url: string) => Promise<T>): Promise<T | null> {
  const name = `qg_bench_appeals_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    console.log(`(server PostgreSQL at ${serverUrl.replace(/\/\/[^@]*@/, '//')} unreachable: skipped)`);
    return null;
  }
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

export async function benchIntake(options: IntakeOptions, serverUrl: string): Promise<IntakeBackend[]> {
  const results = [await benchBackend('PGlite', { DATABASE_URL: '' }, options)];
  const server = await withServerDb(serverUrl, (url) =>
    benchBackend('PostgreSQL', { DATABASE_URL: url }, options),
  );
  if (server) results.push(server);
  return results;
}
