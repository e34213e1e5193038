import { readFileSync } from 'node:fs';
import { settings, type CoreConfig } from './config.schema.js';
import type { SettingSpec } from './settings.js';

/** A module whose settings are read with the core's: its id and its settings' specifications. */
export interface SettingsOwner {
  id: string;
  settings?: Record<string, SettingSpec<unknown>> | undefined;
}

/** The core's settings, and each installed module's under its id. */
export type Config = CoreConfig & { modules: Record<string, Record<string, unknown>> };

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable}: ${reason}`);
  }
}

function read(
  specs: Record<string, SettingSpec<unknown>>,
  env: NodeJS.ProcessEnv,
  fromFile: Record<string, unknown>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const raw = env[spec.env] ?? stringOrUndefined(fromFile[spec.env]);
    if (raw === undefined || raw === '') {
      values[key] = spec.default;
      continue;
    }
    try {
      values[key] = spec.parse(raw.trim());
    } catch (error) {
      throw new ConfigError(spec.env, (error as Error).message);
    }
  }
  return values;
}

/** A module's settings at their defaults (a platform started without loadConfig's reading of them, as tests do). */
export function defaultSettings(owner: SettingsOwner): Record<string, unknown> {
  return Object.fromEntries(Object.entries(owner.settings ?? {}).map(([key, spec]) => [key, spec.default]));
}

/**
 * Builds the configuration from an optional JSON file (QADAGALAU_CONFIG, keys are the variable names) overridden by
 * the environment, for the core and every module given. A bad value throws a ConfigError naming the variable.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Config> = {},
  modules: readonly SettingsOwner[] = [],
): Config {
  const fromFile = readConfigFile(env.QADAGALAU_CONFIG, modules);
  const core = read(settings, env, fromFile) as CoreConfig;
  const moduleSettings = Object.fromEntries(
    modules.map((module) => [module.id, read(module.settings ?? {}, env, fromFile)]),
  );
  const result: Config = { ...core, modules: moduleSettings, ...overrides };
  if (result.env === 'production') result.demo = false;
  return result;
}

function readConfigFile(
  path: string | undefined,
  modules: readonly SettingsOwner[],
): Record<string, unknown> {
  if (!path) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError('QADAGALAU_CONFIG', `cannot read ${path}: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError('QADAGALAU_CONFIG', `${path} must hold a JSON object`);
  }
  const known = new Set(allSpecs(modules).map((spec) => spec.env));
  const unknown = Object.keys(parsed).filter((key) => !known.has(key));
  const [first] = unknown;
  if (first !== undefined) throw new ConfigError(first, `unknown setting in ${path}`);
  return parsed as Record<string, unknown>;
}

const allSpecs = (modules: readonly SettingsOwner[]): SettingSpec<unknown>[] => [
  ...(Object.values(settings) as SettingSpec<unknown>[]),
  ...modules.flatMap((module) => Object.values(module.settings ?? {})),
];

function stringOrUndefined(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function shown(value: unknown): string {
  if (value === undefined) return '(unset)';
  if (Array.isArray(value)) return value.join(',') || '(none)';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

/** Settings as a table for `--help` and the README, without values (which may hold secrets). */
export function describeSettings(
  modules: readonly SettingsOwner[] = [],
): { variable: string; default: string; description: string; owner: string }[] {
  return [
    ...(Object.values(settings) as SettingSpec<unknown>[]).map((spec) => ({ spec, owner: 'core' })),
    ...modules.flatMap((module) =>
      Object.values(module.settings ?? {}).map((spec) => ({ spec, owner: module.id })),
    ),
  ].map(({ spec, owner }) => ({
    variable: spec.env,
    default: shown(spec.default),
    description: spec.description,
    owner,
  }));
}
