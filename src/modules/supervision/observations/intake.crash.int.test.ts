import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import { freePort, openTestDb } from '../../../core/testing/index.js';
import { observationTopic } from './mqtt-intake.js';

const fixture = fileURLToPath(new URL('./intake-crash-fixture.ts', import.meta.url));
const TOTAL = 400;
const INTAKE_CLIENTS = 4;

function run(
  mode: 'consume' | 'drain',
  env: NodeJS.ProcessEnv,
  onLine: (line: string, kill: () => void) => void,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, mode, String(TOTAL)], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
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

const observation = (i: number) =>
  JSON.stringify({
    externalId: `x-${String(i)}`,
    observedAt: new Date().toISOString(),
    kind: 'vehicle',
    identifiers: { plate: `${String(100 + (i % 800)).padStart(3, '0')} AAA 02` },
  });

/**
 * A camera streams 400 observations while the platform is killed with SIGKILL part-way and started again; at the end
 * every observation is stored (the unique source and external id keep resent ones from counting twice). The camera
 * behaves as device firmware does: QoS 1, and what the broker has not acknowledged is sent again after reconnecting.
 */
async function crashMidStream(broker: 'external' | 'embedded'): Promise<void> {
  const clientId = `qg-crash-${randomBytes(4).toString('hex')}`;
  const prefix = `qg-crash/${clientId}`;
  const password = randomBytes(16).toString('hex');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CRASH_CAMERA_PASSWORD: password,
    CRASH_CLIENT_ID: clientId,
    MQTT_TOPIC_PREFIX: prefix,
    NATS_STREAM: `QG_CRASH_${randomBytes(4).toString('hex').toUpperCase()}`,
    MQTT_INTAKE_CLIENTS: String(INTAKE_CLIENTS),
  };
  let url = process.env.MQTT_URL!;
  if (broker === 'embedded') {
    delete env.MQTT_URL;
    env.MQTT_PORT = String(await freePort());
    url = `mqtt://127.0.0.1:${env.MQTT_PORT}`;
  }
  const db = process.env.DATABASE_URL ? await openTestDb() : null;
  if (db?.url) env.DATABASE_URL = db.url;
  else env.DATA_DIR = mkdtempSync(join(tmpdir(), 'qg-intake-crash-'));
  let camera: mqtt.MqttClient | undefined;
  try {
    // The external broker holds what arrives while the intake is down; the embedded one is down with it, so the
    // camera holds it and sends it once the platform is back.
    const connected = () =>
      (camera ??= mqtt.connect(url, {
        clientId: `${clientId}-camera`,
        clean: true,
        reconnectPeriod: 100,
        username: 'crash-cam',
        password,
      }));
    // Ten at a time, as a busy camera has several messages awaiting acknowledgement: the intake stores them together.
    const publish = async (from: number, to: number) => {
      for (let i = from; i < to; i += 10) {
        const chunk = Array.from({ length: Math.min(10, to - i) }, (_, j) => i + j);
        await Promise.all(
          chunk.map((n) =>
            connected().publishAsync(observationTopic(prefix, 'crash-cam'), observation(n), { qos: 1 }),
          ),
        );
      }
    };
    let streaming: Promise<void> | undefined;
    let killedAt = -1;
    await run('consume', env, (line, kill) => {
      if (line === 'ready') streaming ??= broker === 'external' ? publish(0, TOTAL / 2) : publish(0, TOTAL);
      const stored = /^stored (\d+)$/.exec(line);
      if (stored && killedAt < 0 && Number(stored[1]) >= 20) {
        killedAt = Number(stored[1]);
        kill();
      }
    });
    if (broker === 'external') {
      await streaming;
      await publish(TOTAL / 2, TOTAL);
    }
    assert.ok(killedAt >= 20 && killedAt < TOTAL, `killed mid-stream (after ${String(killedAt)} stored)`);
    const lines = await run('drain', env, () => undefined);
    await streaming;
    const counts = JSON.parse(lines[lines.length - 1]!) as { n: number; distinct: number };
    console.log(
      `# ${broker} broker: platform killed after ${String(killedAt)} of ${String(TOTAL)} stored; after restart ${String(counts.n)} stored, ${String(counts.distinct)} distinct`,
    );
    assert.deepEqual(counts, { n: TOTAL, distinct: TOTAL });
  } finally {
    await camera?.endAsync(true);
    if (broker === 'external') {
      // The intake's persistent sessions would otherwise stay in the shared broker.
      for (let i = 1; i <= INTAKE_CLIENTS; i++) {
        const cleaner = await mqtt.connectAsync(url, { clientId: `${clientId}-${String(i)}`, clean: true });
        await cleaner.endAsync();
      }
    }
    await db?.close();
  }
}

test(
  'observations streaming in through an external broker survive the platform being killed mid-stream: none lost',
  { timeout: 180_000, skip: process.env.MQTT_URL ? false : 'needs an external broker (MQTT_URL)' },
  async () => {
    await crashMidStream('external');
  },
);

test(
  'observations streaming in through the embedded broker survive the platform being killed mid-stream: none lost',
  { timeout: 180_000 },
  async () => {
    await crashMidStream('embedded');
  },
);
