import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyBaseLogger } from 'fastify';
import type { Sql } from '../../../core/index.js';
import { IntakeBatcher } from './intake-batcher.js';

const silent = { error: () => undefined } as unknown as FastifyBaseLogger;

/** A database that takes every source as known and notes each insert's observations. */
function recordingDb(options: { failFirst?: number } = {}) {
  const sets: string[][] = [];
  let failures = options.failFirst ?? 0;
  const sql: Sql = {
    query: <Row>(text: string, params: readonly unknown[] = []) => {
      if (!text.includes('insert into observations')) return Promise.resolve([] as Row[]);
      if (failures-- > 0) return Promise.reject(new Error('connection lost'));
      sets.push(params[3] as string[]);
      return new Promise<Row[]>((resolve) =>
        setTimeout(() => resolve((params[0] as string[]).map((id) => ({ id, inserted: 1 })) as Row[]), 2),
      );
    },
    exec: () => Promise.resolve(),
  };
  return { sql, sets };
}

const message = (id: string) => ({
  sourceId: 'cam-1',
  payload: Buffer.from(
    JSON.stringify({
      externalId: id,
      observedAt: '2026-11-25T10:00:00Z',
      kind: 'vehicle',
      identifiers: { plate: '123ABC02' },
    }),
  ),
});

test('messages arriving together are stored in one set, and those arriving while it is written in the next', async () => {
  const { sql, sets } = recordingDb();
  const batcher = new IntakeBatcher(sql, 'mqtt', silent, () => undefined);
  const first = batcher.store(message('a'));
  const second = batcher.store(message('b'));
  // The first set (a, b) is being written once the database has been asked: c and d wait for the next.
  while (sets.length === 0) await new Promise((resolve) => setImmediate(resolve));
  await Promise.all([first, second, ...['c', 'd'].map((id) => batcher.store(message(id)))]);
  assert.deepEqual(sets, [
    ['a', 'b'],
    ['c', 'd'],
  ]);
});

test('a message sent the moment the previous one is acknowledged is stored too', async () => {
  // A broker client hands over its next message as soon as the previous one is acknowledged: in the same turn.
  const { sql, sets } = recordingDb();
  const batcher = new IntakeBatcher(sql, 'mqtt', silent, () => undefined);
  await batcher
    .store(message('a'))
    .then(() => batcher.store(message('b')))
    .then(() => batcher.store(message('c')));
  assert.deepEqual(sets.flat(), ['a', 'b', 'c']);
});

test('a set the database refuses is retried, and its messages are acknowledged only once stored', async () => {
  const { sql, sets } = recordingDb({ failFirst: 2 });
  const batcher = new IntakeBatcher(sql, 'mqtt', silent, () => undefined);
  let acknowledged = false;
  const stored = batcher.store(message('a')).then(() => (acknowledged = true));
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(acknowledged, false);
  await stored;
  assert.deepEqual(sets, [['a']]);
});

test('stopping refuses what waits, so the broker delivers it again', async () => {
  const { sql } = recordingDb({ failFirst: 1000 });
  const batcher = new IntakeBatcher(sql, 'mqtt', silent, () => undefined);
  const waiting = batcher.store(message('a'));
  await new Promise((resolve) => setTimeout(resolve, 20));
  await batcher.stop();
  await assert.rejects(waiting, /connection lost/);
  await assert.rejects(batcher.store(message('b')), /stopping/);
});

test('stopping refuses at once what waits behind the set being written', async () => {
  const { sql } = recordingDb({ failFirst: 1000 });
  const batcher = new IntakeBatcher(sql, 'mqtt', silent, () => undefined);
  const writing = batcher.store(message('a'));
  await new Promise((resolve) => setTimeout(resolve, 20));
  const waiting = batcher.store(message('b'));
  const started = Date.now();
  await batcher.stop();
  await assert.rejects(waiting, /stopping/);
  await assert.rejects(writing, /connection lost/);
  assert.ok(Date.now() - started < 1000, 'the backoff is cut short');
});
