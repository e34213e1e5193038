import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPlatform } from './bootstrap.js';
import { loadConfig } from './config/config.js';
import { openTestDb } from './db/test-db.js';
import type { ModuleManifest } from './modules/manifest.js';

/** A module that notes which of its long-running parts were started and stopped. */
function probeModule(started: string[]): ModuleManifest {
  return {
    id: 'probe',
    name: { kk: 'probe', ru: 'probe', en: 'probe' },
    setup: () => ({
      services: [
        {
          name: 'probe.service',
          start: () => Promise.resolve(void started.push('service')),
          stop: () => Promise.resolve(void started.push('service stopped')),
        },
      ],
      jobs: [{ name: 'probe.job', everyMs: 10, run: () => Promise.resolve(void started.push('job')) }],
    }),
  };
}

async function run(background: boolean | undefined): Promise<string[]> {
  const started: string[] = [];
  const db = await openTestDb();
  const platform = await startPlatform({
    config: { ...loadConfig({}), env: 'test', logLevel: 'silent', natsUrl: undefined },
    modules: [probeModule(started)],
    db,
    serveDashboard: false,
    ...(background === undefined ? {} : { background }),
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  await platform.stop();
  await db.close();
  return [...new Set(started)];
}

test('a server starts and stops the modules’ services and runs their jobs', async () => {
  assert.deepEqual(await run(undefined), ['service', 'job', 'service stopped']);
});

test('a one-shot command’s platform leaves services and jobs to the running server', async () => {
  assert.deepEqual(await run(false), []);
});
