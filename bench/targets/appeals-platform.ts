/**
 * The platform with the installed modules (appeals) in its own process: a fresh database (embedded, or DATABASE_URL)
 * with the agencies and an API key holding only `appeals.ingest`. No demo world: its webhook deliveries to dead demo
 * endpoints would keep the webhook worker retrying during the measurement. One appeal is taken in before the ready
 * line so the first measured request does not pay for installing the shipped model.
 */
import { randomUUID } from 'node:crypto';
import { startPlatform } from '../../src/core/bootstrap.js';
import { loadConfig } from '../../src/core/config/config.js';
import { openDb } from '../../src/core/db/db.js';
import { insertAgencies } from '../../src/core/demo/demo-agencies.js';
import { insertApiKey } from '../../src/core/auth/api-keys.repository.js';
import { newApiKeySecret, sha256 } from '../../src/core/auth/tokens.js';
import { installedModules } from '../../src/modules/index.js';

const db = await openDb({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: 'memory://' });
const config = {
  ...loadConfig({}),
  env: 'test' as const,
  demo: false,
  logLevel: 'silent' as const,
  port: 0,
  rateLimitPerMinute: 10_000_000,
};
const platform = await startPlatform({ config, modules: installedModules, db, serveDashboard: false });
await platform.app.listen({ host: '127.0.0.1', port: 0 });
const address = platform.app.server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
await db.tx((sql) => insertAgencies(sql));
const { prefix, secret, token } = newApiKeySecret();
await insertApiKey(db, {
  id: randomUUID(),
  name: 'bench-eotinish',
  client: 'other',
  prefix,
  secret_hash: sha256(secret),
  permissions: ['appeals.ingest'],
  regions: ['*'],
  created_by: null,
});

const warmUp = await fetch(`${url}/api/appeals`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify({
    externalId: `bench-warm-up-${randomUUID()}`,
    submittedAt: new Date().toISOString(),
    channel: 'eotinish',
    region: 'KZ-75',
    text: 'Во дворе не вывозят мусор, прошу принять меры.',
  }),
});
if (warmUp.status !== 201)
  throw new Error(`warm-up intake answered ${warmUp.status}: ${await warmUp.text()}`);
const [version] = await db.query<{ server_version: string }>('show server_version');

process.stdout.write(
  `${JSON.stringify({ url, apiKey: token, database: db.description, postgres: version?.server_version ?? null })}\n`,
);
