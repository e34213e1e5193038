import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { openTestDb } from '../db/test-db.js';
import { deleteStream } from './nats.transport.js';

interface Counts {
  items: number;
  unpublished: number;
  effects: number;
  distinct_effects: number;
  distinct_items: number;
  atRestart: { unpublished: number; unhandled: number };
}

const fixture = fileURLToPath(new URL('./crash-fixture.ts', import.meta.url));

function run(
  mode: 'produce' | 'drain',
  env: NodeJS.ProcessEnv,
  killAfterCommits?: number,
): Promise<{ lines: string[]; killedAt: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, mode, '400'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: string[] = [];
    let killedAt: number | null = null;
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (killAfterCommits !== undefined && killedAt === null && line === `committed ${killAfterCommits}`) {
          killedAt = killAfterCommits;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve({ lines, killedAt }));
  });
}

test('a process killed mid-stream loses no event and handles none twice', { timeout: 180_000 }, async () => {
  const env: NodeJS.ProcessEnv = { NATS_STREAM: `QG_CRASH_${randomBytes(4).toString('hex').toUpperCase()}` };
  const serverDb = process.env.DATABASE_URL ? await openTestDb() : undefined;
  if (serverDb) env.DATABASE_URL = serverDb.url;
  else env.DATA_DIR = mkdtempSync(join(tmpdir(), 'qg-crash-'));
  try {
    const produced = await run('produce', env, 150);
    assert.equal(produced.killedAt, 150, 'the producer was killed mid-stream');
    const committedBeforeKill = produced.lines.filter((line) => line.startsWith('committed ')).length;

    const drained = await run('drain', env);
    const counts = JSON.parse(drained.lines.at(-1) ?? '{}') as Counts;
    console.log(
      `killed after ${committedBeforeKill} commits; at restart ${counts.atRestart.unpublished} events unpublished, ${counts.atRestart.unhandled} unhandled; finally ${counts.items} items, ${counts.effects} effects`,
    );
    assert.ok(
      counts.atRestart.unpublished + counts.atRestart.unhandled > 0,
      'the kill left events in flight',
    );
    // Commits after the last printed line may have landed before the kill; none may be missing.
    assert.ok(
      counts.items >= committedBeforeKill,
      `items ${counts.items} < committed ${committedBeforeKill}`,
    );
    assert.equal(counts.unpublished, 0, 'every committed event was published');
    assert.equal(counts.effects, counts.items, 'every event handled exactly once');
    assert.equal(counts.distinct_effects, counts.items);
    assert.equal(counts.distinct_items, counts.items);
  } finally {
    await serverDb?.close();
    if (process.env.NATS_URL) await deleteStream(process.env.NATS_URL, env.NATS_STREAM!);
  }
});
