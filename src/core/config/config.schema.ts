import { parsePrivateKey } from '../audit/checkpoint-key.js';

/** Every setting the platform reads, with its default and meaning. The README's configuration table mirrors this list. */
export interface SettingSpec<T> {
  env: string;
  description: string;
  default: T | undefined;
  parse: (raw: string) => T;
}

const integer = (min: number, max: number) => (raw: string): number => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`expected an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
};

const oneOf = <T extends string>(...allowed: T[]) => (raw: string): T => {
  if (!(allowed as string[]).includes(raw)) throw new Error(`expected one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
};

const boolean = (raw: string): boolean => {
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new Error(`expected true or false, got "${raw}"`);
};

const url = (...protocols: string[]) => (raw: string): string => {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`expected a URL, got "${raw.replace(/\/\/[^@/]*@/, '//***@')}"`);
  }
  if (!protocols.includes(parsed.protocol)) throw new Error(`expected a ${protocols.join(' or ')} URL`);
  return raw;
};

const text = (raw: string): string => raw;

/** An Ed25519 private key in one of the forms parsePrivateKey reads; the text is kept, checked here. */
const signingKey = (raw: string): string => {
  parsePrivateKey(raw);
  return raw;
};

/** A comma-separated list; empty items dropped. */
const list = (raw: string): string[] => raw.split(',').map((item) => item.trim()).filter(Boolean);

/** false, a hop count, or a comma-separated list of proxy addresses/CIDRs (Fastify's trustProxy). */
const proxyTrust = (raw: string): boolean | number | string => {
  if (/^(false|0|no|off)$/i.test(raw)) return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (/^(true|yes|on)$/i.test(raw)) throw new Error('trusting every proxy would let any client choose its address; give a hop count or the proxies\' addresses');
  return raw;
};

export const settings = {
  env: { env: 'NODE_ENV', description: 'development, test or production (production never seeds demo data)', default: 'development', parse: oneOf('development', 'test', 'production') },
  host: { env: 'HOST', description: 'Interface to listen on', default: '127.0.0.1', parse: text },
  port: { env: 'PORT', description: 'HTTP port of the API and dashboard', default: 8080, parse: integer(0, 65535) },
  trustProxy: { env: 'TRUST_PROXY', description: 'Reverse proxies whose X-Forwarded-For is believed: false, a hop count, or addresses/CIDRs', default: false, parse: proxyTrust },
  databaseUrl: { env: 'DATABASE_URL', description: 'Server PostgreSQL (e.g. postgres://user@host:5432/db); unset = embedded PGlite in DATA_DIR', default: undefined, parse: url('postgres:', 'postgresql:') },
  dataDir: { env: 'DATA_DIR', description: 'Directory of the embedded database and other local state', default: './data', parse: text },
  natsUrl: { env: 'NATS_URL', description: 'NATS server with JetStream; unset = in-process event bus', default: undefined, parse: url('nats:', 'tls:') },
  natsStream: { env: 'NATS_STREAM', description: 'JetStream stream that carries domain events', default: 'QADAGALAU_EVENTS', parse: text },
  mqttUrl: { env: 'MQTT_URL', description: 'MQTT broker (3.1.1 or 5) for device feeds; unset = an embedded broker on MQTT_PORT', default: undefined, parse: url('mqtt:', 'mqtts:', 'ws:', 'wss:') },
  mqttPort: { env: 'MQTT_PORT', description: 'Port of the embedded MQTT broker when MQTT_URL is unset (0 = any free port)', default: 1884, parse: integer(0, 65535) },
  mqttTopicPrefix: { env: 'MQTT_TOPIC_PREFIX', description: 'Sources publish observations to <prefix>/<source id>', default: 'qadagalau/observations', parse: text },
  mqttIntakeClients: { env: 'MQTT_INTAKE_CLIENTS', description: 'Clients sharing the feed subscription on an external broker (each holds one message at a time; their messages are stored together)', default: 64, parse: integer(1, 256) },
  mqttClientId: { env: 'MQTT_CLIENT_ID', description: 'Client id of the platform’s feed subscription; one per instance, stable across restarts (default qadagalau-intake-<host>)', default: undefined, parse: text },
  mqttCleanSession: { env: 'MQTT_CLEAN_SESSION', description: 'Start a clean MQTT session on connect, forgetting what the broker queued while the platform was down (off: keep it)', default: false, parse: boolean },
  observationRetentionHours: { env: 'OBSERVATION_RETENTION_HOURS', description: 'Observations that matched nothing are deleted after this long', default: 72, parse: integer(1, 24 * 365) },
  supervisionDedupeMinutes: { env: 'SUPERVISION_DEDUPE_MINUTES', description: 'Hits on the same subject at the same place within this window join one alert', default: 30, parse: integer(1, 24 * 60) },
  logLevel: { env: 'LOG_LEVEL', description: 'fatal, error, warn, info, debug or trace', default: 'info', parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent') },
  demo: { env: 'DEMO', description: 'Seed the demo world on first start with an empty database (ignored in production)', default: true, parse: boolean },
  demoFeedRate: { env: 'DEMO_FEED_RATE', description: 'Observations a second the demo world’s cameras, drones and bracelets send while the platform runs (0 = silent; never in production)', default: 1, parse: integer(0, 1000) },
  demoSeed: { env: 'DEMO_SEED', description: 'Random seed of the demo world, so it is the same every time', default: 42, parse: integer(0, 2 ** 31 - 1) },
  sessionTtlHours: { env: 'SESSION_TTL_HOURS', description: 'Dashboard session lifetime; a working shift plus margin', default: 12, parse: integer(1, 168) },
  cookieSecure: { env: 'COOKIE_SECURE', description: 'Mark the session cookie Secure (on by default in production, behind TLS)', default: undefined, parse: boolean },
  bodyLimitBytes: { env: 'BODY_LIMIT_BYTES', description: 'Largest request body accepted', default: 1_048_576, parse: integer(1024, 100 * 1_048_576) },
  rateLimitPerMinute: { env: 'RATE_LIMIT_PER_MINUTE', description: 'Requests per minute per client (session, API key or address)', default: 1200, parse: integer(1, 10_000_000) },
  loginRateLimitPerMinute: { env: 'LOGIN_RATE_LIMIT_PER_MINUTE', description: 'Sign-in attempts per minute per address, against password guessing', default: 10, parse: integer(1, 10_000) },
  webhookTimeoutMs: { env: 'WEBHOOK_TIMEOUT_MS', description: 'Time a state body endpoint has to answer one delivery', default: 5000, parse: integer(100, 60_000) },
  webhookMaxAttempts: { env: 'WEBHOOK_MAX_ATTEMPTS', description: 'Delivery attempts before a webhook delivery is marked dead', default: 8, parse: integer(1, 50) },
  webhookAllowHosts: { env: 'WEBHOOK_ALLOW_HOSTS', description: 'Hosts (name, name:port or address) webhooks may reach although they are not public addresses, e.g. state bodies’ intranet receivers; all others must resolve to public addresses', default: [] as string[], parse: list },
  webhookBackoffMs: { env: 'WEBHOOK_BACKOFF_MS', description: 'First retry delay; doubles each attempt, capped at one hour', default: 2000, parse: integer(10, 3_600_000) },
  auditSigningKey: { env: 'AUDIT_SIGNING_KEY', description: 'Ed25519 private key that signs audit checkpoints (32-byte seed in hex, base64 PKCS#8 or PEM; `qadagalau audit keygen` makes one); unset = a key kept in DATA_DIR, and none in production', default: undefined, parse: signingKey },
  auditCheckpointMinutes: { env: 'AUDIT_CHECKPOINT_MINUTES', description: 'How often the audit log’s head is signed, even when idle (entries newer than the last checkpoint are covered only by the hash chain)', default: 15, parse: integer(1, 1440) },
  eventAckWaitMs: { env: 'EVENT_ACK_WAIT_MS', description: 'JetStream redelivers an event a consumer took but did not acknowledge after this long', default: 30_000, parse: integer(500, 3_600_000) },
  outboxPollMs: { env: 'OUTBOX_POLL_MS', description: 'How often the outbox relay looks for events left behind by a crash', default: 500, parse: integer(10, 60_000) },
} satisfies Record<string, SettingSpec<unknown>>;

type Settings = typeof settings;
export type Config = {
  [K in keyof Settings]: Settings[K] extends SettingSpec<infer T> ? (Settings[K]['default'] extends undefined ? T | undefined : T) : never;
};
