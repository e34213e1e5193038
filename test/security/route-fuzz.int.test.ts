import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { HTTPMethods, InjectOptions, LightMyRequestResponse } from 'fastify';
import { startTestPlatform, testUsers, type TestPlatform } from '../../src/core/testing/test-platform.js';
import { bypassSpellings } from '../../src/core/testing/bypass-spellings.js';
import { installedModules } from '../../src/modules/index.js';
import { Rng } from '../../src/core/demo/rng.js';
import {
  attacksOn,
  hostileStrings,
  hostileValue,
  mutated,
  placesIn,
  plausible,
  valueAt,
  withValueAt,
  type JsonSchema,
} from './schema-arbitrary.js';

/**
 * Reads the OpenAPI document and, for every route, sends what an attacker would: no credentials, every bypass
 * spelling of its path, each role, and generated hostile bodies, queries and path parameters. Nothing may answer
 * 5xx, every refusal is problem+json, and no refusal changes a row. A new route is covered without a case written
 * for it. FUZZ_SEED and FUZZ_RUNS (hostile cases per route) set the run; CI uses the defaults.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
const RUNS = Number(process.env.FUZZ_RUNS ?? 16);

interface Operation {
  method: HTTPMethods;
  template: string;
  permission: string | undefined;
  stream: boolean;
  pathParams: string[];
  query: { name: string; schema: JsonSchema }[];
  body: JsonSchema | undefined;
}

interface Case {
  operation: Operation;
  as: string | null;
  request: InjectOptions;
}

// Rows that a refusal may add by design (a denial is audited; the head is signed), or that background work adds.
const UNCOUNTED = new Set([
  'audit_log',
  'audit_checkpoints',
  'sessions',
  'processed_events',
  'webhook_attempts',
  'schema_migrations',
]);
// The database's own refusals, turned into a 4xx by the error handler: each is a hole in validation.
const DATABASE_REFUSED = /a value is out of range or badly formed|the change conflicts with a stored record/;

function operationsOf(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters =
        (op['parameters'] as { in: string; name: string; schema: JsonSchema }[] | undefined) ?? [];
      const content = (op['requestBody'] as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content;
      operations.push({
        method: method.toUpperCase(),
        template,
        permission:
          (op['security'] as unknown[] | undefined)?.length === 0
            ? undefined
            : (op['x-permission'] as string),
        stream: op['x-stream'] === true,
        pathParams: parameters.filter((item) => item.in === 'path').map((item) => item.name),
        query: parameters.filter((item) => item.in === 'query').map(({ name, schema }) => ({ name, schema })),
        body: content?.['application/json']?.schema,
      });
    }
  }
  return operations;
}

/** Percent-encodes anything, a lone surrogate included (as the invalid UTF-8 a hostile client would send). */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text
      .split('')
      .map((char) => (/[\ud800-\udfff]/.test(char) ? '%ED%A0%80' : encodeURIComponent(char)))
      .join('');
  }
}

const pathOf = (operation: Operation, values: Record<string, string>) =>
  operation.template.replace(/\{(\w+)\}/g, (_, name: string) => encode(values[name] ?? 'x'));

function queryString(values: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value])
      parts.push(`${encode(name)}=${encode(typeof item === 'string' ? item : (JSON.stringify(item) ?? ''))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

describe('every route, fuzzed from the OpenAPI document', () => {
  let qg: TestPlatform;
  let operations: Operation[];
  let idPool: string[];
  let apiKey: string;
  const protectedIds = new Set<string>();
  const stats = { routes: 0, attacked: 0, requests: 0, refusals: 0, successes: 0 };
  const failures: string[] = [];

  const timing = { counts: 0, countMs: 0, requestMs: 0 };
  const counted = async (): Promise<Record<string, number>> => {
    const started = performance.now();
    try {
      return await countRows();
    } finally {
      timing.counts++;
      timing.countMs += performance.now() - started;
    }
  };
  // Rows inserted or deleted, per table, as counted by triggers installed for this run: one cheap read instead of a
  // count of every table after every request.
  const countRows = async (): Promise<Record<string, number>> => {
    const rows = await qg.db.query<{ table_name: string; n: number }>(
      'select table_name, n from fuzz_row_changes',
    );
    return Object.fromEntries(rows.map((row) => [row.table_name, Number(row.n)]));
  };
  const installRowCounters = async () => {
    const tables = (
      await qg.db.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`,
      )
    )
      .map((row) => row.table_name)
      .filter((name) => !UNCOUNTED.has(name));
    await qg.db.exec(`
      create table fuzz_row_changes (table_name text primary key, n bigint not null);
      create function fuzz_count_row() returns trigger language plpgsql as $$
      begin
        insert into fuzz_row_changes values (TG_TABLE_NAME, 1) on conflict (table_name) do update set n = fuzz_row_changes.n + 1;
        return null;
      end $$;
      ${tables.map((name) => `create trigger fuzz_count_row after insert or delete on "${name}" for each row execute function fuzz_count_row();`).join('\n')}`);
  };

  /** Waits until what a success set off (event handlers, webhooks queued, pipeline work) has finished. */
  const settled = async (): Promise<Record<string, number>> => {
    let last = await counted();
    for (let i = 0; i < 20; i++) {
      await qg.bus.flush();
      await new Promise((resolve) => setTimeout(resolve, 25));
      const now = await counted();
      if (JSON.stringify(now) === JSON.stringify(last)) return now;
      last = now;
    }
    return last;
  };

  let rows: Record<string, number> = {};

  const send = async (testCase: Case): Promise<LightMyRequestResponse> => {
    const { operation, as, request } = testCase;
    const headers = { ...(request.headers ?? {}), 'accept-language': 'en' };
    const started = performance.now();
    const response =
      as === 'api-key'
        ? await qg.app.inject({ ...request, headers: { ...headers, authorization: `Bearer ${apiKey}` } })
        : await qg.request(as, { ...request, headers });
    stats.requests++;
    timing.requestMs += performance.now() - started;
    const label = `${operation.method} ${operation.template} as ${as ?? 'anonymous'}: ${String(request.method ?? 'GET')} ${typeof request.url === 'string' ? request.url.slice(0, 160) : ''} ${typeof request.payload === 'string' ? request.payload.slice(0, 120) : JSON.stringify(request.payload ?? null).slice(0, 120)}`;
    if (response.statusCode >= 500 || response.statusCode < 200)
      failures.push(`${label} → ${response.statusCode} ${response.body.slice(0, 200)}`);
    if (response.statusCode >= 400) {
      stats.refusals++;
      if (!/^application\/problem\+json/.test(String(response.headers['content-type'])))
        failures.push(`${label} → ${response.statusCode} not problem+json`);
      if (DATABASE_REFUSED.test(response.body))
        failures.push(`${label} → the database refused it: ${response.body.slice(0, 200)}`);
      const now = await counted();
      const changed = [...new Set([...Object.keys(now), ...Object.keys(rows)])].filter(
        (table) => now[table] !== rows[table],
      );
      if (changed.length) {
        failures.push(`${label} → ${response.statusCode}, yet rows changed in ${changed.join(', ')}`);
        rows = await settled();
      }
    } else {
      stats.successes++;
      rows = await settled();
    }
    return response;
  };

  before(async () => {
    qg = await startTestPlatform({
      modules: installedModules,
      background: false,
      config: { loginRateLimitPerMinute: 10 },
    });
    for (const module of qg.modules) await qg.instanceOf(module.id).seedDemo?.(new Rng(7));
    for (const username of Object.keys(testUsers)) await qg.login(username);
    for (const id of Object.values(qg.userIds)) protectedIds.add(id);
    apiKey = await qg.apiKey(qg.permissions.grantableToApiKeys().map((def) => def.id));
    const [key] = await qg.db.query<{ id: string }>(
      'select id from api_keys order by created_at desc limit 1',
    );
    protectedIds.add(key!.id);
    const idColumns = await qg.db.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns where table_schema = current_schema() and column_name in ('id', 'version')`,
    );
    const ids = new Set<string>();
    for (const { table_name: table, column_name: column } of idColumns) {
      for (const row of await qg.db.query<{ value: string }>(
        `select "${column}"::text as value from "${table}" order by random() limit 12`,
      ))
        ids.add(row.value);
    }
    idPool = [...ids].filter((id) => !protectedIds.has(id)).sort();
    const doc = (await qg.request(null, { method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, Record<string, unknown>>>;
    }>();
    operations = operationsOf(doc);
    // Hidden routes are routes too.
    operations.push({
      method: 'GET',
      template: '/api/problems/{id}',
      permission: undefined,
      stream: false,
      pathParams: ['id'],
      query: [],
      body: undefined,
    });
    stats.routes = operations.length;
    await installRowCounters();
    rows = await settled();
  });
  after(() => qg.stop());

  const mayCall = (as: string, permission: string | undefined): boolean => {
    if (!permission || permission === 'signed-in') return true;
    if (as === 'api-key') return qg.permissions.grantableToApiKeys().some((def) => def.id === permission);
    const user = testUsers[as];
    return !!user && qg.permissions.forRole(user.role).has(permission);
  };

  const valuesFor = (operation: Operation, seed: number, hostile: boolean) => {
    const pathArb = fc.record(
      Object.fromEntries(
        operation.pathParams.map((name) => [
          name,
          hostile
            ? fc.oneof(
                fc.constantFrom(...idPool),
                fc.constantFrom(...hostileStrings.filter((item) => item.length < 500)),
              )
            : fc.constantFrom(...idPool),
        ]),
      ),
    );
    const queryArb = fc.record(
      Object.fromEntries(
        operation.query.map(({ name, schema }) => [
          name,
          hostile ? fc.oneof(plausible(schema, idPool), hostileValue) : plausible(schema, idPool),
        ]),
      ),
      { requiredKeys: [] },
    );
    const bodyArb = operation.body
      ? hostile
        ? mutated(plausible(operation.body, idPool))
        : plausible(operation.body, idPool)
      : fc.constant(undefined);
    return fc.sample(fc.tuple(pathArb, queryArb, bodyArb), { seed, numRuns: 1 })[0]!;
  };

  const requestFor = (
    operation: Operation,
    values: [Record<string, string>, Record<string, unknown>, unknown],
  ): InjectOptions => {
    const [path, query, body] = values;
    const url = `${pathOf(operation, path)}${queryString(query)}`;
    return {
      method: operation.method,
      url,
      ...(operation.body || body !== undefined
        ? { payload: JSON.stringify(body ?? {}), headers: { 'content-type': 'application/json' } }
        : {}),
    };
  };

  test('without credentials, under every spelling of its path, a protected route is 401 (or 404 where the router does not match)', async () => {
    for (const operation of operations.filter((item) => item.permission)) {
      const path = pathOf(
        operation,
        Object.fromEntries(operation.pathParams.map((name) => [name, idPool[0] ?? 'x'])),
      );
      const first = await send({
        operation,
        as: null,
        request: {
          method: operation.method,
          url: path,
          payload: operation.body ? '{}' : undefined,
          headers: operation.body ? { 'content-type': 'application/json' } : {},
        },
      });
      if (first.statusCode !== 401)
        failures.push(`${operation.method} ${path} anonymous → ${first.statusCode}`);
      for (const url of bypassSpellings(path)) {
        const response = await send({
          operation,
          as: null,
          request: {
            method: operation.method,
            url,
            payload: operation.body ? '{}' : undefined,
            headers: operation.body ? { 'content-type': 'application/json' } : {},
          },
        });
        if (![400, 401, 404].includes(response.statusCode))
          failures.push(`${operation.method} ${url} anonymous → ${response.statusCode}`);
      }
    }
    assert.deepEqual(failures.splice(0), []);
  });

  test('each role, with a plausible request, gets an answer or a problem, never a 5xx, and its refusals change nothing', async () => {
    const actors = [...Object.keys(testUsers), 'api-key'];
    for (const [index, operation] of operations.entries()) {
      if (operation.template === '/api/auth/logout') continue;
      for (const [offset, as] of actors.entries()) {
        // A stream answers a permitted caller with a response that never ends; only its refusals are checked.
        if (operation.stream && mayCall(as, operation.permission)) continue;
        await send({
          operation,
          as,
          request: requestFor(operation, valuesFor(operation, SEED + index * 100 + offset, false)),
        });
      }
    }
    assert.deepEqual(failures.splice(0), []);
  });

  test('every value of a plausible request, attacked in turn, is refused with a problem and changes nothing', async () => {
    for (const [index, operation] of operations.entries()) {
      if (operation.stream || operation.template === '/api/auth/logout') continue;
      const base = valuesFor(operation, SEED + index, false);
      const [path, , body] = base;
      const targets: [number, (string | number)[]][] = [
        ...Object.keys(path).map((name): [number, (string | number)[]] => [0, [name]]),
        ...operation.query.map(({ name }): [number, (string | number)[]] => [1, [name]]),
        ...placesIn(body).map((place): [number, (string | number)[]] => [2, place]),
      ];
      for (const [part, place] of targets) {
        const current = valueAt(base[part], place) ?? 'x';
        for (const attack of attacksOn(current)) {
          // Path parameters are text in the URL; the attack is sent as text there.
          const hostile =
            part === 0 ? (typeof attack === 'string' ? attack : JSON.stringify(attack)) : attack;
          const values = base.map((item, which) =>
            which === part ? withValueAt(item, place, hostile) : item,
          ) as typeof base;
          await send({ operation, as: 'admin', request: requestFor(operation, values) });
        }
      }
      stats.attacked++;
    }
    assert.deepEqual(failures.splice(0), []);
  });

  test('hostile bodies, queries and path parameters are refused with a problem and change nothing', async () => {
    const raw = [
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{"admin":true}}}',
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      `{"a":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`,
      '{"broken',
      '\u0000',
      '"\\ud800"',
      'null',
      '[]',
    ];
    for (const [index, operation] of operations.entries()) {
      if (operation.stream || operation.template === '/api/auth/logout') continue;
      for (let run = 0; run < RUNS; run++) {
        const as = run % 4 === 3 ? 'analyst.almaty' : run % 4 === 2 ? 'api-key' : 'admin';
        const request = requestFor(operation, valuesFor(operation, SEED + index * 1000 + run, true));
        await send({ operation, as, request });
      }
      if (operation.method !== 'GET') {
        for (const payload of raw)
          await send({
            operation,
            as: 'admin',
            request: {
              method: operation.method,
              url: pathOf(
                operation,
                Object.fromEntries(
                  operation.pathParams.map((name) => [name, idPool[index % idPool.length] ?? 'x']),
                ),
              ),
              payload,
              headers: { 'content-type': 'application/json' },
            },
          });
      }
    }
    assert.deepEqual(failures.splice(0), []);
  });

  test('the run covered every route', (t) => {
    t.diagnostic(
      `timing: ${timing.counts} row counts in ${Math.round(timing.countMs)} ms, requests ${Math.round(timing.requestMs)} ms`,
    );
    t.diagnostic(
      `route fuzzer: ${stats.routes} routes (${stats.attacked} attacked value by value), ${stats.requests} requests, ${stats.refusals} refusals, ${stats.successes} accepted; seed ${SEED}, ${RUNS} hostile cases per route`,
    );
    assert.ok(stats.routes >= 80, `${stats.routes} routes`);
    assert.ok(stats.requests > stats.routes * (RUNS + 10));
  });
});
