import { parsePrivateKey } from '../audit/checkpoint-key.js';
import { boolean, integer, list, oneOf, text, url, type SettingSpec } from './settings.js';

/** Every setting of the core, with its default and meaning. The README's configuration table mirrors this list. */

/** An Ed25519 private key in one of the forms parsePrivateKey reads; the text is kept, checked here. */
const signingKey = (raw: string): string => {
  parsePrivateKey(raw);
  return raw;
};

/** false, a hop count, or a comma-separated list of proxy addresses/CIDRs (Fastify's trustProxy). */
const proxyTrust = (raw: string): boolean | number | string => {
  if (/^(false|0|no|off)$/i.test(raw)) return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (/^(true|yes|on)$/i.test(raw))
    throw new Error(
      "trusting every proxy would let any client choose its address; give a hop count or the proxies' addresses",
    );
  return raw;
};

export const settings = {
  env: {
    env: 'NODE_ENV',
    description: 'development, test or production (production never seeds demo data)',
    default: 'development',
    parse: oneOf('development', 'test', 'production'),
  },
  host: { env: 'HOST', description: 'Interface to listen on', default: '127.0.0.1', parse: text },
  port: {
    env: 'PORT',
    description: 'HTTP port of the API and dashboard',
    default: 8080,
    parse: integer(0, 65535),
  },
  trustProxy: {
    env: 'TRUST_PROXY',
    description: 'Reverse proxies whose X-Forwarded-For is believed: false, a hop count, or addresses/CIDRs',
    default: false,
    parse: proxyTrust,
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    description: 'Server PostgreSQL (e.g. postgres://user@host:5432/db); unset = embedded PGlite in DATA_DIR',
    default: undefined,
    parse: url('postgres:', 'postgresql:'),
  },
  dataDir: {
    env: 'DATA_DIR',
    description: 'Directory of the embedded database and other local state',
    default: './data',
    parse: text,
  },
  natsUrl: {
    env: 'NATS_URL',
    description: 'NATS server with JetStream; unset = in-process event bus',
    default: undefined,
    parse: url('nats:', 'tls:'),
  },
  natsStream: {
    env: 'NATS_STREAM',
    description: 'JetStream stream that carries domain events',
    default: 'QADAGALAU_EVENTS',
    parse: text,
  },
  mqttUrl: {
    env: 'MQTT_URL',
    description:
      'MQTT broker (3.1.1 or 5) for device feeds, which modules read; unset = an embedded broker on MQTT_PORT',
    default: undefined,
    parse: url('mqtt:', 'mqtts:', 'ws:', 'wss:'),
  },
  mqttPort: {
    env: 'MQTT_PORT',
    description: 'Port of the embedded MQTT broker when MQTT_URL is unset (0 = any free port)',
    default: 1884,
    parse: integer(0, 65535),
  },
  logLevel: {
    env: 'LOG_LEVEL',
    description: 'fatal, error, warn, info, debug or trace',
    default: 'info',
    parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
  },
  demo: {
    env: 'DEMO',
    description: 'Seed the demo world on first start with an empty database (ignored in production)',
    default: true,
    parse: boolean,
  },
  demoSeed: {
    env: 'DEMO_SEED',
    description: 'Random seed of the demo world, so it is the same every time',
    default: 42,
    parse: integer(0, 2 ** 31 - 1),
  },
  sessionTtlHours: {
    env: 'SESSION_TTL_HOURS',
    description: 'Dashboard session lifetime; a working shift plus margin',
    default: 12,
    parse: integer(1, 168),
  },
  cookieSecure: {
    env: 'COOKIE_SECURE',
    description: 'Mark the session cookie Secure (on by default in production, behind TLS)',
    default: undefined,
    parse: boolean,
  },
  bodyLimitBytes: {
    env: 'BODY_LIMIT_BYTES',
    description: 'Largest request body accepted',
    default: 1_048_576,
    parse: integer(1024, 100 * 1_048_576),
  },
  rateLimitPerMinute: {
    env: 'RATE_LIMIT_PER_MINUTE',
    description: 'Requests per minute per client (session, API key or address)',
    default: 1200,
    parse: integer(1, 10_000_000),
  },
  loginRateLimitPerMinute: {
    env: 'LOGIN_RATE_LIMIT_PER_MINUTE',
    description: 'Sign-in attempts per minute per address, against password guessing',
    default: 10,
    parse: integer(1, 10_000),
  },
  webhookTimeoutMs: {
    env: 'WEBHOOK_TIMEOUT_MS',
    description: 'Time a state body endpoint has to answer one delivery',
    default: 5000,
    parse: integer(100, 60_000),
  },
  webhookMaxAttempts: {
    env: 'WEBHOOK_MAX_ATTEMPTS',
    description: 'Delivery attempts before a webhook delivery is marked dead',
    default: 8,
    parse: integer(1, 50),
  },
  webhookAllowHosts: {
    env: 'WEBHOOK_ALLOW_HOSTS',
    description:
      'Hosts (name, name:port or address) webhooks may reach although they are not public addresses, e.g. state bodies’ intranet receivers; all others must resolve to public addresses',
    default: [] as string[],
    parse: list,
  },
  webhookBackoffMs: {
    env: 'WEBHOOK_BACKOFF_MS',
    description: 'First retry delay; doubles each attempt, capped at one hour',
    default: 2000,
    parse: integer(10, 3_600_000),
  },
  auditSigningKey: {
    env: 'AUDIT_SIGNING_KEY',
    description:
      'Ed25519 private key that signs audit checkpoints (32-byte seed in hex, base64 PKCS#8 or PEM; `qadagalau audit keygen` makes one); unset = a key kept in DATA_DIR, and none in production',
    default: undefined,
    parse: signingKey,
  },
  auditCheckpointMinutes: {
    env: 'AUDIT_CHECKPOINT_MINUTES',
    description:
      'How often the audit log’s head is signed, even when idle (entries newer than the last checkpoint are covered only by the hash chain)',
    default: 15,
    parse: integer(1, 1440),
  },
  eventAckWaitMs: {
    env: 'EVENT_ACK_WAIT_MS',
    description: 'JetStream redelivers an event a consumer took but did not acknowledge after this long',
    default: 30_000,
    parse: integer(500, 3_600_000),
  },
  outboxPollMs: {
    env: 'OUTBOX_POLL_MS',
    description: 'How often the outbox relay looks for events left behind by a crash',
    default: 500,
    parse: integer(10, 60_000),
  },
} satisfies Record<string, SettingSpec<unknown>>;

type Settings = typeof settings;
/** The core's settings as read. */
export type CoreConfig = {
  [K in keyof Settings]: Settings[K] extends SettingSpec<infer T>
    ? Settings[K]['default'] extends undefined
      ? T | undefined
      : T
    : never;
};
