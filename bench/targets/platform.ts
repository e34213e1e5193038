/** The platform under test in its own process: a fresh database (embedded, or DATABASE_URL), demo world, a session and an API key. */
import { randomUUID } from 'node:crypto';
import { startPlatform } from '../../src/core/bootstrap.js';
import { loadConfig } from '../../src/core/config/config.js';
import { openDb } from '../../src/core/db/db.js';
import { seedDemoWorld } from '../../src/core/demo/seed-demo.js';
import { insertApiKey } from '../../src/core/auth/api-keys.repository.js';
import { newApiKeySecret, sha256 } from '../../src/core/auth/tokens.js';
import { raiseAlert } from '../../src/core/alerts/alerts.service.js';
import { regionCodes, Rng, systemActor } from '../../src/core/index.js';

const db = await openDb({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: 'memory://' });
const config = {
  ...loadConfig({}),
  env: 'test' as const,
  demo: false,
  logLevel: 'silent' as const,
  port: 0,
  rateLimitPerMinute: 10_000_000,
};
const platform = await startPlatform({ config, modules: [], db, serveDashboard: false });
await platform.app.listen({ host: '127.0.0.1', port: 0 });
const address = platform.app.server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const { password } = await seedDemoWorld(platform, { seed: 1, baseUrl: 'http://127.0.0.1:9' });
// An inbox of 500 alerts across the country, as a module would raise them.
const rng = new Rng(1);
for (let i = 0; i < 500; i++) {
  await platform.bus.tx((sql) =>
    raiseAlert(sql, systemActor, {
      module: 'bench',
      kind: 'bench.alert',
      severity: rng.pick(['low', 'medium', 'high', 'critical'] as const),
      region: rng.pick(regionCodes),
      title: `Bench alert ${String(i)}`,
      summary: 'An alert for the read benchmark.',
      evidence: { i },
      subject: { type: 'thing', id: `T-${String(i)}`, label: 'a thing' },
    }),
  );
}
await platform.bus.flush();
await platform.db.exec('delete from webhook_subscriptions');
const login = await fetch(`${url}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'prosecutor', password }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
const { prefix, secret, token } = newApiKeySecret();
await insertApiKey(db, {
  id: randomUUID(),
  name: 'bench',
  client: 'other',
  prefix,
  secret_hash: sha256(secret),
  permissions: ['alerts.create'],
  regions: ['*'],
  created_by: null,
});
process.stdout.write(`${JSON.stringify({ url, cookie, apiKey: token, database: db.description })}\n`);
