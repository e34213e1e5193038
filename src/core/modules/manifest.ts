import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import type { PermissionDef } from '../auth/permissions.js';
import type { EventHandler } from '../events/index.js';
import type { LocalizedText } from '../i18n/i18n.js';
import type { Platform } from '../platform.js';
import type { Rng } from '../demo/rng.js';

export interface NavItem {
  path: string;
  label: LocalizedText;
  permission: string;
}

/** Something a module runs for the platform's lifetime (a feed subscriber, a worker loop). */
export interface ModuleService {
  name: string;
  start: () => Promise<void>;
  stop: () => Promise<void>;
}

export interface Job {
  name: string;
  everyMs: number;
  run: () => Promise<void>;
}

/**
 * Everything a module adds to the platform. The composition root reads these; no other module needs editing
 * when one is added (src/modules/index.ts lists them).
 */
export interface ModuleManifest {
  id: string;
  name: LocalizedText;
  permissions?: PermissionDef[];
  /** Directory of the module's numbered SQL migrations. */
  migrationsDir?: string;
  nav?: NavItem[];
  routes?: (app: FastifyInstance, platform: Platform) => Promise<void>;
  handlers?: (platform: Platform) => EventHandler[];
  jobs?: (platform: Platform) => Job[];
  /** Started after the routes and the bus, stopped first. */
  services?: (platform: Platform) => ModuleService[];
  /** Adds the module's commands to the CLI; `open` starts the platform without the HTTP server. */
  cli?: (program: Command, open: () => Promise<Platform & { stop(): Promise<void> }>) => void;
  /** Adds the module's part of the demo world (deterministic for a given rng). */
  seedDemo?: (platform: Platform, rng: Rng) => Promise<void>;
}
