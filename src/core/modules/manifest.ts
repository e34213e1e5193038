import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import type { PermissionDef, RoleDef } from '../auth/permissions.js';
import type { SettingSpec } from '../config/settings.js';
import type { EventHandler, EventListener } from '../events/index.js';
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

/** A module's settings: environment variables (or keys of the configuration file), each with a default and meaning. */
export type SettingsSpec<S> = { [K in keyof S]: SettingSpec<S[K]> };

/** What a module's setup receives: the platform, and its own settings, validated with the rest of the configuration. */
export interface ModuleContext<S = Record<string, never>> extends Platform {
  settings: S;
}

/** What a module brings to one platform instance, made once by its `setup`. */
export interface ModuleInstance<Api = unknown> {
  routes?: (app: FastifyInstance) => Promise<void>;
  /** Durable event handlers: each event once per handler, in a transaction. */
  handlers?: EventHandler[];
  /** Broadcast listeners: every instance hears every event (caches, live screens). */
  listeners?: EventListener[];
  /** Started after the routes and the bus, stopped first (a server only; one-shot commands start none). */
  services?: ModuleService[];
  /** Periodic work (a server only). */
  jobs?: Job[];
  /** Adds the module's part of the demo world (deterministic for a given rng). */
  seedDemo?: (rng: Rng) => Promise<void>;
  /** What the module's own CLI commands and tests use of this instance (a model registry, a pipeline). */
  api?: Api;
}

/** A platform opened for one CLI command: the module's own instance on it, and a way to stop it. */
export interface OpenModule<S, Api> {
  platform: ModuleContext<S>;
  module: ModuleInstance<Api>;
  stop(): Promise<void>;
}

/**
 * Everything a module adds to the platform. The composition root reads these; adding a module is one line in
 * `src/modules/index.ts`, and nothing in the core changes.
 */
export interface ModuleManifest<S = Record<string, never>, Api = unknown> {
  id: string;
  name: LocalizedText;
  permissions?: PermissionDef[];
  /** Roles the module adds (say which of them can be assigned alerts); users are given them like the core's. */
  roles?: RoleDef[];
  /** Directory of the module's numbered SQL migrations. */
  migrationsDir?: string;
  /** The module's settings, documented in its README and in the main configuration table. */
  settings?: SettingsSpec<S>;
  /**
   * Settings that keep several platforms in one process (tests, tools) from sharing an external resource, such as
   * an MQTT topic or client id; `tag` is unique to the platform.
   */
  isolated?: (tag: string) => Partial<S>;
  nav?: NavItem[];
  /** Makes the module's parts for one platform instance: called once per instance, never shared between them. */
  setup: (context: ModuleContext<S>) => ModuleInstance<Api> | Promise<ModuleInstance<Api>>;
  /** Adds the module's commands to the CLI; `open` starts a platform (without the HTTP server) with this module on it. */
  cli?: (program: Command, open: () => Promise<OpenModule<S, Api>>) => void;
}

/** A manifest of any module, as the platform holds them in one list. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each module has its own settings and API types
export type AnyModule = ModuleManifest<any, any>;

/** Declares a module, checking its settings, setup and CLI against each other. */
export function defineModule<S, Api>(manifest: ModuleManifest<S, Api>): ModuleManifest<S, Api> {
  return manifest;
}
