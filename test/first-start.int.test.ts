import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../src/main.js';
import { loadConfig } from '../src/core/config/config.js';
import { openTestDb } from '../src/core/db/test-db.js';
import { countUsers } from '../src/core/auth/users.repository.js';
import { installedModules } from '../src/modules/index.js';

/** The platform as `npm start` runs it, on a fresh database: what a new install sees. */
async function firstStart(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'qg-first-start-'));
  const scratch = await openTestDb();
  // Any free port for the embedded device broker: the default one may be taken by a platform running beside the tests.
  const config = {
    ...loadConfig({ ...env, DATA_DIR: dataDir }, {}, installedModules),
    port: 0,
    mqttPort: 0,
    logLevel: 'silent' as const,
    natsUrl: undefined,
    databaseUrl: scratch.url,
  };
  const { platform, demoPassword } = await serve(config, { buildDashboard: false, quiet: true });
  try {
    return {
      demoPassword,
      users: await countUsers(platform.db),
      alerts: (await platform.db.query('select id from alerts')).length,
    };
  } finally {
    await platform.stop();
    await scratch.close();
  }
}

test(
  'the first start in development seeds the demo world and hands out one password',
  { timeout: 300_000 },
  async () => {
    const started = await firstStart({ NODE_ENV: 'development' });
    assert.match(started.demoPassword ?? '', /^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
    assert.ok(started.users > 20);
    assert.ok(started.alerts > 100);
  },
);

test('production never seeds the demo world', { timeout: 120_000 }, async () => {
  const started = await firstStart({ NODE_ENV: 'production', DEMO: 'true' });
  assert.equal(started.demoPassword, null);
  assert.equal(started.users, 0);
  assert.equal(started.alerts, 0);
});
