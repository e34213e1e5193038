import { readFileSync } from 'node:fs';
import { settings, type Config, type SettingSpec } from './config.schema.js';

export type { Config } from './config.schema.js';

export class ConfigError extends Error {
  constructor(readonly variable: string, reason: string) {
    super(`Invalid configuration: ${variable}: ${reason}`);
  }
}

/**
 * Builds the configuration from an optional JSON file (QADAGALAU_CONFIG, keys are the variable names)
 * overridden by the environment. A bad value throws a ConfigError naming the variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const fromFile = readConfigFile(env.QADAGALAU_CONFIG);
  const config: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(settings) as [string, SettingSpec<unknown>][]) {
    const raw = env[spec.env] ?? stringOrUndefined(fromFile[spec.env]);
    if (raw === undefined || raw === '') {
      config[key] = spec.default;
      continue;
    }
    try {
      config[key] = spec.parse(raw.trim());
    } catch (error) {
      throw new ConfigError(spec.env, (error as Error).message);
    }
  }
  const result = { ...(config as Config), ...overrides };
  if (result.env === 'production') result.demo = false;
  return result;
}

function readConfigFile(path: string | undefined): Record<string, unknown> {
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
  const known = new Set(Object.values(settings).map((spec) => spec.env));
  const unknown = Object.keys(parsed).filter((key) => !known.has(key));
  if (unknown.length > 0) throw new ConfigError(unknown[0]!, `unknown setting in ${path}`);
  return parsed as Record<string, unknown>;
}

function stringOrUndefined(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Settings as a table for `--help` and the README, without values (which may hold secrets). */
export function describeSettings(): { variable: string; default: string; description: string }[] {
  return Object.values(settings).map((spec: SettingSpec<unknown>) => ({
    variable: spec.env,
    default: spec.default === undefined ? '(unset)' : Array.isArray(spec.default) ? spec.default.join(',') || '(none)' : String(spec.default as string | number | boolean),
    description: spec.description,
  }));
}
