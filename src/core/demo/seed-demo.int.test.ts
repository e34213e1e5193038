import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedDemoWorld } from './seed-demo.js';
import { loadConfig } from '../config/config.js';
import { openTestDb } from '../db/test-db.js';
import { startPlatform } from '../bootstrap.js';
import { roles } from '../auth/permissions.js';
import { regionCodes } from '../geo/regions.js';
import { sampleModule } from '../modules/fixtures/sample-module.js';

async function seededWorld(seed: number) {
  const db = await openTestDb();
  // The core's demo world holds people, agencies and subscriptions; alerts come from the modules, here a fixture's 60.
  const config = {
    ...loadConfig({}, {}, [sampleModule]),
    env: 'test' as const,
    logLevel: 'silent' as const,
    natsUrl: undefined,
  };
  const platform = await startPlatform({
    config: { ...config, modules: { sample: { demoAlerts: 60 } } },
    modules: [sampleModule],
    db,
    serveDashboard: false,
  });
  try {
    const result = await seedDemoWorld(platform, { seed, baseUrl: 'http://127.0.0.1:9' });
    const alerts = await db.query<{ title: string; region: string; severity: string; status: string }>(
      'select title, region, severity, status from alerts order by title, region, severity, status',
    );
    const users = await db.query<{ username: string; role: string; regions: string[] }>(
      'select username, role, regions from users order by username',
    );
    return { result, alerts, users };
  } finally {
    await platform.stop();
    await db.close();
  }
}

test(
  'the same seed builds the same demo world; another seed a different one',
  { timeout: 120_000 },
  async () => {
    const first = await seededWorld(5);
    const again = await seededWorld(5);
    const other = await seededWorld(6);
    assert.deepEqual(again.alerts, first.alerts);
    assert.deepEqual(again.users, first.users);
    assert.notDeepEqual(other.alerts, first.alerts);
    assert.equal(first.result.alerts, 60);
  },
);

test(
  'the demo world has every role, national and regional users, and alerts in many regions and states',
  { timeout: 120_000 },
  async () => {
    const world = await seededWorld(42);
    const seenRoles = new Set(world.users.map((user) => user.role));
    for (const role of roles) assert.ok(seenRoles.has(role), `no demo ${role}`);
    assert.ok(world.users.some((user) => user.regions.includes('*')));
    for (const code of regionCodes)
      assert.ok(
        world.users.some((user) => user.regions.includes(code)),
        `no demo user in ${code}`,
      );
    assert.ok(new Set(world.alerts.map((alert) => alert.region)).size >= 12);
    assert.ok(new Set(world.alerts.map((alert) => alert.status)).size >= 4);
  },
);
