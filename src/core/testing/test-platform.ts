import { randomBytes, randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { startPlatform, type RunningPlatform } from '../bootstrap.js';
import { loadConfig, type Config } from '../config/config.js';
import { openTestDb } from '../db/test-db.js';
import { hashPassword } from '../auth/passwords.js';
import { insertUser } from '../auth/users.repository.js';
import { insertAgencies } from '../demo/demo-agencies.js';
import { deleteStream } from '../events/nats.transport.js';
import type { AnyModule } from '../modules/manifest.js';
import type { Role } from '../auth/permissions.js';
import { newApiKeySecret, sha256 } from '../auth/tokens.js';
import { insertApiKey } from '../auth/api-keys.repository.js';
import { newSigningKey } from '../audit/checkpoint-key.js';
import { present } from '../lang/present.js';

export const TEST_PASSWORD = 'correct-horse-battery-staple';
/** One signing key for the run's audit checkpoints, so no test writes a key file. */
const testAuditKey = newSigningKey().privateSeed;

/** The people every integration test can act as: each role, national and regional. */
export const testUsers: Record<string, { role: Role; regions: string[]; agencyId?: string }> = {
  admin: { role: 'admin', regions: ['*'] },
  prosecutor: { role: 'prosecutor', regions: ['*'] },
  auditor: { role: 'auditor', regions: ['*'] },
  'analyst.almaty': { role: 'analyst', regions: ['KZ-75'] },
  'analyst.astana': { role: 'analyst', regions: ['KZ-71'] },
  'duty.almaty': { role: 'duty_officer', regions: ['KZ-75'] },
  'liaison.shymkent': { role: 'agency_liaison', regions: ['KZ-79'], agencyId: 'police-KZ-79' },
};

let passwordHash: Promise<string> | undefined;

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

export interface TestPlatform extends RunningPlatform {
  userIds: Record<string, string>;
  /** Signs in through the real login route. */
  login(username: string): Promise<Session>;
  /** A request as a signed-in user (cookie + CSRF header), or anonymous when `as` is null. */
  request(as: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** An API key with these permissions, for machine-client requests. */
  apiKey(permissions: string[], regions?: string[]): Promise<string>;
  auditActions(): Promise<
    {
      action: string;
      outcome: string;
      actor_name: string | null;
      subject_id: string | null;
      purpose: string | null;
    }[]
  >;
}

export interface TestPlatformOptions {
  modules?: readonly AnyModule[];
  config?: Partial<Config>;
  /** Settings of modules by id, over their defaults and the settings that keep test platforms apart. */
  settings?: Record<string, Record<string, unknown>>;
  background?: boolean;
}

export async function startTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const db = await openTestDb();
  const stream = `QG_TEST_${randomBytes(5).toString('hex').toUpperCase()}`;
  const config: Config = {
    ...loadConfig({}),
    env: 'test',
    demo: false,
    // TEST_LOG_LEVEL=warn shows the platform's own log while debugging a test or a benchmark.
    logLevel: (process.env.TEST_LOG_LEVEL as 'silent' | undefined) ?? 'silent',
    port: 0,
    natsUrl: process.env.NATS_URL || undefined,
    natsStream: stream,
    mqttUrl: process.env.MQTT_URL || undefined,
    mqttPort: 0,
    rateLimitPerMinute: 100_000,
    outboxPollMs: 50,
    webhookBackoffMs: 50,
    webhookTimeoutMs: 1000,
    // Tests' receivers listen on loopback, which webhooks may not reach unless allowed.
    webhookAllowHosts: ['127.0.0.1'],
    auditSigningKey: testAuditKey,
    ...options.config,
  };
  // Tests share external brokers and come and go: each module keeps its platform's use of them apart.
  const tag = stream.toLowerCase();
  config.modules = Object.fromEntries(
    (options.modules ?? []).map((module) => [
      module.id,
      {
        ...module.isolated?.(tag),
        ...options.config?.modules?.[module.id],
        ...options.settings?.[module.id],
      },
    ]),
  );
  let platform: RunningPlatform;
  try {
    platform = await startPlatform({
      config,
      modules: options.modules ?? [],
      db,
      serveDashboard: false,
      background: options.background,
    });
  } catch (error) {
    await db.close();
    if (config.natsUrl) await deleteStream(config.natsUrl, stream);
    throw error;
  }
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const userIds: Record<string, string> = {};
  await db.tx(async (sql) => {
    await insertAgencies(sql);
    for (const [username, user] of Object.entries(testUsers)) {
      const row = await insertUser(sql, {
        id: randomUUID(),
        username,
        displayName: `Test ${username}`,
        role: user.role,
        regions: user.regions,
        locale: 'en',
        agencyId: user.agencyId ?? null,
        passwordHash: hash,
      });
      userIds[username] = row.id;
    }
  });
  const sessions = new Map<string, Session>();

  const login = async (username: string): Promise<Session> => {
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: TEST_PASSWORD },
    });
    if (response.statusCode !== 200)
      throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
    const cookie = present(
      response.cookies.find((item) => item.name === 'qg_session'),
      `the session cookie of ${username}`,
    );
    const session = {
      cookie: `qg_session=${cookie.value}`,
      csrf: response.json<{ csrfToken: string }>().csrfToken,
      userId: present(userIds[username], `test user ${username}`),
    };
    sessions.set(username, session);
    return session;
  };

  return {
    ...platform,
    userIds,
    login,
    async request(as, injectOptions) {
      if (as === null) return platform.app.inject(injectOptions);
      const session = sessions.get(as) ?? (await login(as));
      return platform.app.inject({
        ...injectOptions,
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          'accept-language': 'en',
          ...injectOptions.headers,
        },
      });
    },
    async apiKey(permissions, regions = ['*']) {
      const { prefix, secret, token } = newApiKeySecret();
      await insertApiKey(db, {
        id: randomUUID(),
        name: `test-${prefix}`,
        client: 'other',
        prefix,
        secret_hash: sha256(secret),
        permissions,
        regions,
        created_by: null,
      });
      return token;
    },
    auditActions: () =>
      db.query('select action, outcome, actor_name, subject_id, purpose from audit_log order by seq'),
    async stop() {
      await platform.stop();
      await db.close();
      if (config.natsUrl) await deleteStream(config.natsUrl, stream);
    },
  };
}
