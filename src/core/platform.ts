import type { FastifyBaseLogger } from 'fastify';
import type { PermissionRegistry } from './auth/permissions.js';
import type { Config } from './config/config.js';
import type { Db } from './db/db.js';
import type { EventBus } from './events/index.js';
import type { AnyModule } from './modules/manifest.js';
import type { DeviceBroker } from './mqtt/device-broker.js';

/** What every service receives: passed explicitly, never held in a global. */
export interface Platform {
  config: Config;
  db: Db;
  bus: EventBus;
  log: FastifyBaseLogger;
  permissions: PermissionRegistry;
  modules: readonly AnyModule[];
  /** The MQTT broker of device feeds, opened on first use by a module that reads them (MQTT_URL, or an embedded one). */
  devices: () => Promise<DeviceBroker>;
}
