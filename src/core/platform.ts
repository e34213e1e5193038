import type { FastifyBaseLogger } from 'fastify';
import type { PermissionRegistry } from './auth/permissions.js';
import type { Config } from './config/config.js';
import type { Db } from './db/db.js';
import type { EventBus } from './events/index.js';
import type { ModuleManifest } from './modules/manifest.js';

/** What every service receives: passed explicitly, never held in a global. */
export interface Platform {
  config: Config;
  db: Db;
  bus: EventBus;
  log: FastifyBaseLogger;
  permissions: PermissionRegistry;
  modules: readonly ModuleManifest[];
}
