import type { FastifyInstance } from 'fastify';
import { apiKeyRoutes } from './auth/api-keys.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { PermissionRegistry } from './auth/permissions.js';
import { userRoutes } from './auth/users.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { AlertStream } from './alerts/alert-stream.js';
import { alertRoutes } from './alerts/alerts.routes.js';
import type { Config } from './config/config.js';
import { migrate, type MigrationSource } from './db/migrate.js';
import { openDb, type Db } from './db/db.js';
import { fileURLToPath } from 'node:url';
import { openEventBus, type EventBus } from './events/index.js';
import { geoRoutes } from './geo/geo.routes.js';
import { demoReceiverRoutes } from './demo/demo-receiver.routes.js';
import { createHttpServer } from './http/server.js';
import { serveWeb } from './http/static-web.js';
import type { ModuleManifest } from './modules/manifest.js';
import { moduleRoutes } from './modules/modules.routes.js';
import type { Platform } from './platform.js';
import { openDeviceBroker, type DeviceBroker } from './mqtt/device-broker.js';
import { webhookFanout, WebhookWorker } from './webhooks/webhooks.service.js';
import { webhookRoutes } from './webhooks/webhooks.routes.js';
import { auditKeysFor, type AuditKeys } from './audit/checkpoint-key.js';
import { startCheckpoints } from './audit/checkpoint-job.js';
import { DestinationGuard } from './webhooks/destination-guard.js';

export interface RunningPlatform extends Platform {
  app: FastifyInstance;
  stream: AlertStream;
  webhooks: WebhookWorker;
  auditKeys: AuditKeys;
  /** Where webhooks may go; the demo world allows its own receiver on loopback. */
  destinations: DestinationGuard;
  webServed: boolean;
  stop(): Promise<void>;
}

export const coreMigrations: MigrationSource = { owner: 'core', dir: fileURLToPath(new URL('./db/migrations', import.meta.url)) };

export function migrationSources(modules: readonly ModuleManifest[]): MigrationSource[] {
  return [coreMigrations, ...modules.filter((module) => module.migrationsDir).map((module) => ({ owner: module.id, dir: module.migrationsDir! }))];
}

export function permissionRegistry(modules: readonly ModuleManifest[]): PermissionRegistry {
  const registry = new PermissionRegistry();
  for (const module of modules) registry.register(module.permissions ?? []);
  return registry;
}

export interface StartOptions {
  config: Config;
  modules: readonly ModuleManifest[];
  /** An already open database (tests); otherwise opened from config. */
  db?: Db;
  serveDashboard?: boolean;
  /**
   * Start the modules' services (feed intake, pipelines, demo feed) and periodic jobs: yes for a server. One-shot
   * commands say no: they would take the device broker's port from a running server, or judge its feeds for it.
   */
  background?: boolean;
}

/** Opens storage and the bus, applies migrations, mounts core and module routes, starts handlers and jobs. */
export async function startPlatform(options: StartOptions): Promise<RunningPlatform> {
  const { config, modules } = options;
  const db = options.db ?? (await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await migrate(db, migrationSources(modules));
  const permissions = permissionRegistry(modules);
  const logged: { app?: FastifyInstance } = {};
  const onError = (error: unknown, context: string) => logged.app?.log.error({ err: error }, context);
  const openedBrokers: DeviceBroker[] = [];
  const bus: EventBus = await openEventBus({ db, natsUrl: config.natsUrl, natsStream: config.natsStream, ackWaitMs: config.eventAckWaitMs, pollMs: config.outboxPollMs, onError });
  try {
    return await mountAndStart({ config, db, bus, permissions, modules, devices: deviceBrokerOnDemand(config, openedBrokers, logged) }, options, logged, openedBrokers);
  } catch (error) {
    await bus.close();
    if (!options.db) await db.close();
    throw error;
  }
}

/** `logged` receives the server so errors of the already running bus reach its log. */
/** Opens the device broker once, when a module first asks for it; `opened` lets stop() close it. */
function deviceBrokerOnDemand(config: Config, opened: DeviceBroker[], logged: { app?: FastifyInstance }): () => Promise<DeviceBroker> {
  let broker: Promise<DeviceBroker> | undefined;
  const onRefused = (login: string, reason: string) => logged.app?.log.warn({ login, reason }, 'device broker: refused');
  return () => {
    broker ??= openDeviceBroker({ mqttUrl: config.mqttUrl, host: config.host, port: config.mqttPort, onRefused }).then((open) => {
      opened.push(open);
      return open;
    });
    return broker;
  };
}

async function mountAndStart(deps: Omit<Platform, 'log'>, options: StartOptions, logged: { app?: FastifyInstance }, brokers: DeviceBroker[]): Promise<RunningPlatform> {
  const { config, db, bus, modules } = deps;
  const onError = (error: unknown, context: string) => logged.app?.log.error({ err: error }, context);
  const app = await createHttpServer(deps);
  logged.app = app;
  const platform: Platform = { ...deps, log: app.log };
  const auditKeys = auditKeysFor(config);

  const stream = new AlertStream();
  bus.listen((event) => stream.publish(event));
  const destinations = new DestinationGuard(config.webhookAllowHosts);
  const webhooks = new WebhookWorker(db, { guard: destinations, timeoutMs: config.webhookTimeoutMs, maxAttempts: config.webhookMaxAttempts, backoffMs: config.webhookBackoffMs }, (error) => onError(error, 'webhook worker'));
  bus.register(webhookFanout(() => webhooks.kick()));
  for (const module of modules) for (const handler of module.handlers?.(platform) ?? []) bus.register(handler);

  await authRoutes(app, deps);
  await userRoutes(app, deps);
  await apiKeyRoutes(app, deps);
  await auditRoutes(app, deps, auditKeys);
  await alertRoutes(app, deps, stream);
  await webhookRoutes(app, deps, destinations);
  await geoRoutes(app);
  await moduleRoutes(app, deps);
  if (config.demo) await app.register(async (child) => demoReceiverRoutes(child, db));
  for (const module of modules) await module.routes?.(app, platform);
  const webServed = options.serveDashboard === false ? false : await serveWeb(app);
  await app.ready();

  await bus.start();
  webhooks.start();
  const background = options.background !== false;
  const services = background ? modules.flatMap((module) => module.services?.(platform) ?? []) : [];
  for (const service of services) await service.start();
  const checkpoints = background ? startCheckpoints(db, auditKeys, config.auditCheckpointMinutes, app.log) : undefined;
  const timers = (background ? modules.flatMap((module) => module.jobs?.(platform) ?? []) : []).map((job) => {
    const timer = setInterval(() => void job.run().catch((error: unknown) => onError(error, `job ${job.name}`)), job.everyMs);
    timer.unref();
    return timer;
  });

  return {
    ...platform,
    app,
    stream,
    webhooks,
    auditKeys,
    destinations,
    webServed,
    async stop() {
      for (const timer of timers) clearInterval(timer);
      for (const service of [...services].reverse()) await service.stop();
      await checkpoints?.stop();
      stream.close();
      await app.close();
      await webhooks.stop();
      await bus.close();
      for (const broker of brokers) await broker.close();
      if (!options.db) await db.close();
    },
  };
}
