/** One setting: the variable (or configuration-file key) that sets it, its default and meaning, and its parser. */
export interface SettingSpec<T> {
  env: string;
  description: string;
  default: T | undefined;
  parse: (raw: string) => T;
}

export const integer =
  (min: number, max: number) =>
  (raw: string): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`expected an integer between ${min} and ${max}, got "${raw}"`);
    }
    return value;
  };

export const oneOf =
  <T extends string>(...allowed: T[]) =>
  (raw: string): T => {
    if (!(allowed as string[]).includes(raw))
      throw new Error(`expected one of ${allowed.join(', ')}, got "${raw}"`);
    return raw as T;
  };

export const boolean = (raw: string): boolean => {
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new Error(`expected true or false, got "${raw}"`);
};

export const url =
  (...protocols: string[]) =>
  (raw: string): string => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new Error(`expected a URL, got "${raw.replace(/\/\/[^@/]*@/, '//***@')}"`);
    }
    if (!protocols.includes(parsed.protocol)) throw new Error(`expected a ${protocols.join(' or ')} URL`);
    return raw;
  };

export const text = (raw: string): string => raw;

/** A comma-separated list; empty items dropped. */
export const list = (raw: string): string[] =>
  raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
