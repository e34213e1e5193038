import type { FastifyInstance } from 'fastify';
import { fileURLToPath } from 'node:url';
import { apiKeyRoutes } from './auth/api-keys.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { PermissionRegistry } from './auth/permissions.js';
import { userRoutes } from './auth/users.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { auditKeysFor, type AuditKeys } from './audit/checkpoint-key.js';
import { startCheckpoints } from './audit/checkpoint-job.js';
import { AlertStream } from './alerts/alert-stream.js';
import { alertRoutes } from './alerts/alerts.routes.js';
import { defaultSettings, type Config } from './config/config.js';
import { migrate, type MigrationSource } from './db/migrate.js';
import { openDb, type Db } from './db/db.js';
import { openEventBus, type EventBus } from './events/index.js';
import { geoRoutes } from './geo/geo.routes.js';
import { demoReceiverRoutes } from './demo/demo-receiver.routes.js';
import { createHttpServer } from './http/server.js';
import { serveWeb } from './http/static-web.js';
import type { AnyModule, ModuleContext, ModuleInstance, ModuleService } from './modules/manifest.js';
import { moduleRoutes } from './modules/modules.routes.js';
import type { Platform } from './platform.js';
import { openDeviceBroker, type DeviceBroker } from './mqtt/device-broker.js';
import { webhookFanout, WebhookWorker } from './webhooks/webhooks.service.js';
import { webhookRoutes } from './webhooks/webhooks.routes.js';
import { DestinationGuard } from './webhooks/destination-guard.js';

export interface RunningPlatform extends Platform {
  app: FastifyInstance;
  stream: AlertStream;
  webhooks: WebhookWorker;
  auditKeys: AuditKeys;
  /** Where webhooks may go; the demo world allows its own receiver on loopback. */
  destinations: DestinationGuard;
  webServed: boolean;
  /** The device broker, if a module opened it while starting (for the start-up banner). */
  openedDevices(): DeviceBroker | undefined;
  /** A module's instance on this platform (its services, its API for its CLI and tests). */
  instanceOf<Api = unknown>(moduleId: string): ModuleInstance<Api>;
  /** What a module's setup received: the platform with the module's own settings. */
  contextOf<S = unknown>(moduleId: string): ModuleContext<S>;
  stop(): Promise<void>;
}

export const coreMigrations: MigrationSource = {
  owner: 'core',
  dir: fileURLToPath(new URL('./db/migrations', import.meta.url)),
};

export function migrationSources(modules: readonly AnyModule[]): MigrationSource[] {
  return [
    coreMigrations,
    ...modules.flatMap((module) =>
      module.migrationsDir ? [{ owner: module.id, dir: module.migrationsDir }] : [],
    ),
  ];
}

export function permissionRegistry(modules: readonly AnyModule[]): PermissionRegistry {
  const registry = new PermissionRegistry();
  // Roles first: a module's permission may be granted to a role another module adds.
  for (const module of modules) registry.registerRoles(module.roles ?? []);
  for (const module of modules) registry.register(module.permissions ?? []);
  return registry;
}

export interface StartOptions {
  config: Config;
  modules: readonly AnyModule[];
  /** An already open database (tests); otherwise opened from config. */
  db?: Db;
  serveDashboard?: boolean;
  /**
   * Start the modules' services (feed intake, pipelines, demo feed) and periodic jobs: yes for a server. One-shot
   * commands say no: they would take the device broker's port from a running server, or judge its feeds for it.
   */
  background?: boolean;
}

/** Opens storage and the bus, applies migrations, sets up every module once, mounts routes, starts handlers and jobs. */
export async function startPlatform(options: StartOptions): Promise<RunningPlatform> {
  const { config, modules } = options;
  const db = options.db ?? (await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await migrate(db, migrationSources(modules));
  const permissions = permissionRegistry(modules);
  const logged: { app?: FastifyInstance } = {};
  const onError = (error: unknown, context: string) => logged.app?.log.error({ err: error }, context);
  const devices = deviceBrokerOnDemand(config, logged);
  const bus: EventBus = await openEventBus({
    db,
    natsUrl: config.natsUrl,
    natsStream: config.natsStream,
    ackWaitMs: config.eventAckWaitMs,
    pollMs: config.outboxPollMs,
    onError,
  });
  try {
    return await mountAndStart(
      { config, db, bus, permissions, modules, devices: devices.open },
      options,
      logged,
      devices,
    );
  } catch (error) {
    await bus.close();
    await devices.close();
    if (!options.db) await db.close();
    throw error;
  }
}

interface BrokerOnDemand {
  open: () => Promise<DeviceBroker>;
  opened: () => DeviceBroker | undefined;
  close: () => Promise<void>;
}

/** Opens the device broker once, when a module first asks for it. `logged` receives the server for the broker's log. */
function deviceBrokerOnDemand(config: Config, logged: { app?: FastifyInstance }): BrokerOnDemand {
  let broker: Promise<DeviceBroker> | undefined;
  let opened: DeviceBroker | undefined;
  const onRefused = (login: string, reason: string) =>
    logged.app?.log.warn({ login, reason }, 'device broker: refused');
  return {
    open: () => {
      broker ??= openDeviceBroker({
        mqttUrl: config.mqttUrl,
        host: config.host,
        port: config.mqttPort,
        onRefused,
      }).then((open) => (opened = open));
      return broker;
    },
    opened: () => opened,
    close: async () => {
      await (await broker?.catch(() => undefined))?.close();
    },
  };
}

/** Each module's setup, called once for this platform instance, with the module's own settings. */
async function setUpModules(
  platform: Platform,
  modules: readonly AnyModule[],
): Promise<Map<string, { context: ModuleContext<unknown>; instance: ModuleInstance }>> {
  const instances = new Map<string, { context: ModuleContext<unknown>; instance: ModuleInstance }>();
  for (const module of modules) {
    const settings = { ...defaultSettings(module), ...platform.config.modules[module.id] };
    const context: ModuleContext<unknown> = { ...platform, settings };
    instances.set(module.id, { context, instance: (await module.setup(context)) as ModuleInstance });
  }
  return instances;
}

async function mountAndStart(
  deps: Omit<Platform, 'log'>,
  options: StartOptions,
  logged: { app?: FastifyInstance },
  devices: BrokerOnDemand,
): Promise<RunningPlatform> {
  const { config, db, bus } = deps;
  const onError = (error: unknown, context: string) => logged.app?.log.error({ err: error }, context);
  const app = await createHttpServer(deps);
  logged.app = app;
  const platform: Platform = { ...deps, log: app.log };
  const auditKeys = auditKeysFor(config);
  const modules = await setUpModules(platform, deps.modules);
  const instances = [...modules.values()].map((entry) => entry.instance);

  const stream = new AlertStream();
  bus.listen((event) => stream.publish(event));
  const destinations = new DestinationGuard(config.webhookAllowHosts);
  const webhooks = new WebhookWorker(
    db,
    {
      guard: destinations,
      timeoutMs: config.webhookTimeoutMs,
      maxAttempts: config.webhookMaxAttempts,
      backoffMs: config.webhookBackoffMs,
    },
    (error) => onError(error, 'webhook worker'),
  );
  bus.register(webhookFanout(() => webhooks.kick()));
  for (const instance of instances) {
    for (const handler of instance.handlers ?? []) bus.register(handler);
    for (const listener of instance.listeners ?? []) bus.listen(listener);
  }

  await authRoutes(app, deps);
  await userRoutes(app, deps);
  await apiKeyRoutes(app, deps);
  await auditRoutes(app, deps, auditKeys);
  await alertRoutes(app, deps, stream);
  await webhookRoutes(app, deps, destinations);
  await geoRoutes(app);
  await moduleRoutes(app, deps);
  if (config.demo) await app.register(async (child) => demoReceiverRoutes(child, db));
  for (const instance of instances) await instance.routes?.(app);
  const webServed = options.serveDashboard === false ? false : await serveWeb(app);
  await app.ready();

  await bus.start();
  webhooks.start();
  const background = options.background !== false;
  const services: ModuleService[] = background
    ? instances.flatMap((instance) => instance.services ?? [])
    : [];
  for (const service of services) await service.start();
  const checkpoints = background
    ? startCheckpoints(db, auditKeys, config.auditCheckpointMinutes, app.log)
    : undefined;
  const timers = (background ? instances.flatMap((instance) => instance.jobs ?? []) : []).map((job) => {
    const timer = setInterval(
      () => void job.run().catch((error: unknown) => onError(error, `job ${job.name}`)),
      job.everyMs,
    );
    timer.unref();
    return timer;
  });

  const entry = (moduleId: string) => {
    const found = modules.get(moduleId);
    if (!found) throw new Error(`module ${moduleId} is not installed`);
    return found;
  };
  return {
    ...platform,
    app,
    stream,
    webhooks,
    auditKeys,
    destinations,
    webServed,
    openedDevices: devices.opened,
    instanceOf: <Api>(moduleId: string) => entry(moduleId).instance as ModuleInstance<Api>,
    contextOf: <S>(moduleId: string) => entry(moduleId).context as ModuleContext<S>,
    async stop() {
      for (const timer of timers) clearInterval(timer);
      for (const service of [...services].reverse()) await service.stop();
      await checkpoints?.stop();
      stream.close();
      await app.close();
      await webhooks.stop();
      await bus.close();
      await devices.close();
      if (!options.db) await db.close();
    },
  };
}
