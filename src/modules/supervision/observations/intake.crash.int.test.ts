import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import { openTestDb } from '../../../core/db/test-db.js';
import { observationTopic } from './mqtt-intake.js';

const fixture = fileURLToPath(new URL('./intake-crash-fixture.ts', import.meta.url));
const TOTAL = 400;

function run(mode: 'consume' | 'drain', env: NodeJS.ProcessEnv, onLine: (line: string, kill: () => void) => void): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, mode, String(TOTAL)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: string[] = [];
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        onLine(line, () => child.kill('SIGKILL'));
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve(lines));
  });
}

/**
 * Only with an external broker: the embedded one lives in the platform's process and dies with it, taking what it
 * had accepted from devices but not yet delivered.
 */
test('observations streaming in by MQTT survive the intake being killed mid-stream: none lost, none twice', { timeout: 180_000, skip: process.env.MQTT_URL ? false : 'needs an external broker (MQTT_URL)' }, async () => {
  const clientId = `qg-crash-${randomBytes(4).toString('hex')}`;
  const prefix = `qg-crash/${clientId}`;
  const env: NodeJS.ProcessEnv = { CRASH_CLIENT_ID: clientId, MQTT_TOPIC_PREFIX: prefix, NATS_STREAM: `QG_CRASH_${randomBytes(4).toString('hex').toUpperCase()}` };
  const db = process.env.DATABASE_URL ? await openTestDb() : null;
  if (db?.url) env.DATABASE_URL = db.url;
  else env.DATA_DIR = mkdtempSync(join(tmpdir(), 'qg-intake-crash-'));
  const camera = await mqtt.connectAsync(process.env.MQTT_URL!, { clientId: `${clientId}-camera`, clean: true });
  try {
    const publish = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const observation = { externalId: `x-${String(i)}`, observedAt: new Date().toISOString(), kind: 'vehicle', identifiers: { plate: `${String(100 + (i % 800)).padStart(3, '0')} AAA 02` } };
        await camera.publishAsync(observationTopic(prefix, 'crash-cam'), JSON.stringify(observation), { qos: 1 });
      }
    };
    // The first half streams in while the intake runs, and it is killed part-way; the second half arrives while it
    // is down, so the broker must hold it for the intake's session.
    let firstHalf: Promise<void> | undefined;
    let killedAt = -1;
    await run('consume', env, (line, kill) => {
      if (line === 'ready') firstHalf ??= publish(0, TOTAL / 2);
      const stored = /^stored (\d+)$/.exec(line);
      if (stored && killedAt < 0 && Number(stored[1]) >= 20) {
        killedAt = Number(stored[1]);
        kill();
      }
    });
    await firstHalf;
    await publish(TOTAL / 2, TOTAL);
    assert.ok(killedAt >= 20 && killedAt < TOTAL, `killed mid-stream (after ${String(killedAt)} stored)`);
    const lines = await run('drain', env, () => undefined);
    const counts = JSON.parse(lines[lines.length - 1]!) as { n: number; distinct: number };
    console.log(`# intake killed after ${String(killedAt)} of ${String(TOTAL)} stored; after restart ${String(counts.n)} stored, ${String(counts.distinct)} distinct`);
    assert.deepEqual(counts, { n: TOTAL, distinct: TOTAL });
  } finally {
    await camera.endAsync();
    // The intake's persistent session would otherwise stay in the shared broker.
    const cleaner = await mqtt.connectAsync(process.env.MQTT_URL!, { clientId, clean: true });
    await cleaner.endAsync();
    await db?.close();
  }
});
