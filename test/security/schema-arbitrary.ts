import fc from 'fast-check';

/** A JSON Schema as the OpenAPI document gives it. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  nullable?: boolean;
}

/** Strings that have broken parsers, databases and renderers before. */
export const hostileStrings = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\ufeff',
  '\u202e',
  '',
  ' ',
  'x'.repeat(100_000),
  '9'.repeat(30),
  '99999999999999999999',
  "' or 1=1 --",
  '"; drop table users; --',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  '%00',
  '%',
  '\\',
  '2026-02-30',
  '2026-00',
  '2025-02-29',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '99999-12-31',
  '9999-12-31T23:59:60Z',
  'NaN',
  '-1',
  '1e400',
  'null',
  'true',
  '{"a":1}',
  '[]',
  'KZ-99',
  '*',
  'қазақ тілі 🙂',
  'Ӛ'.repeat(3000),
];

export const hostileNumbers = [
  1e20,
  -1e20,
  2 ** 31,
  2 ** 31 - 1,
  2 ** 63,
  -(2 ** 63),
  Number.MAX_SAFE_INTEGER + 2,
  -1,
  0,
  1.5,
  1e-300,
  1e308,
  -0,
];

const deep = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

/** Any JSON value a hostile client might send in place of a field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.constantFrom(...hostileNumbers),
  fc.constantFrom(
    null,
    true,
    false,
    [],
    {},
    [null],
    { '': '' },
    deep(60),
    Array.from({ length: 20_000 }, (_, i) => i),
    { __proto__: { admin: true } },
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(),
);

const dateIn = (from: string, to: string) =>
  fc.date({ min: new Date(from), max: new Date(to), noInvalidDate: true });

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, 60);
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return dateIn('2000-01-01', '2030-12-31').map((date) => date.toISOString().slice(0, 10));
    case 'date-time':
      return dateIn('2020-01-01', '2027-12-31').map((date) => date.toISOString());
    case 'month':
      return dateIn('2015-01-01', '2027-12-31').map((date) => date.toISOString().slice(0, 7));
    case 'period':
      return dateIn('2015-01-01', '2027-12-31').map((date) => date.toISOString().slice(0, 7));
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.constantFrom('https://hooks.example.kz/alerts', 'https://93.184.216.34/x');
    case undefined:
    default:
      break;
  }
  if (schema.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((value) => value.length >= min && value.length <= (schema.maxLength ?? Infinity));
    } catch {
      // A pattern fast-check cannot generate from: plain text instead.
    }
  }
  return fc.string({ minLength: min, maxLength: Math.max(min, max) });
}

function numberFor(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min =
    schema.minimum ??
    (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-9) : -1000);
  const max =
    schema.maximum ??
    (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-9) : 100_000);
  const low = Math.max(min, -1e9);
  const high = Math.min(max, 1e9);
  return integer
    ? fc.integer({ min: Math.ceil(low), max: Math.floor(high) })
    : fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true });
}

/**
 * Values the schema accepts, or nearly: what a careless but honest client sends. The route fuzzer mutates them,
 * so that hostile values arrive deep inside otherwise valid requests, past the first checks.
 */
export function plausible(
  schema: JsonSchema | undefined,
  idPool: readonly string[],
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return fc.oneof(...choices.map((choice) => plausible(choice, idPool, depth + 1)));
  if (schema.allOf?.length)
    return plausible(Object.assign({}, ...schema.allOf) as JsonSchema, idPool, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((item) => item !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(properties))
        record[key] = plausible(value, idPool, depth + 1);
      const requiredKeys = Object.keys(properties).filter((key) => required.has(key));
      return fc.record(record, { requiredKeys });
    }
    case 'array':
      return fc.array(plausible(schema.items, idPool, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, Math.max(schema.minItems ?? 0, 3)),
      });
    case 'string':
      return schema.format === 'uuid' && idPool.length
        ? fc.oneof(fc.constantFrom(...idPool), fc.uuid())
        : stringFor(schema);
    case 'integer':
      return numberFor(schema, true);
    case 'number':
      return numberFor(schema, false);
    case 'boolean':
      return fc.boolean();
    case undefined:
    default:
      return fc.oneof(fc.constant({}), fc.constant('x'), fc.integer());
  }
}

type Path = (string | number)[];

function leaves(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, index) => leaves(item, [...path, index], out));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) leaves(item, [...path, key], out);
  return out;
}

function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value))
    return (value as unknown[]).map((item, index) =>
      index === head ? replaceAt(item, rest, replacement) : item,
    );
  if (value && typeof value === 'object')
    return {
      ...(value as Record<string, unknown>),
      [head as string]: replaceAt((value as Record<string, unknown>)[head as string], rest, replacement),
    };
  return replacement;
}

/** A valid-looking value with one thing wrong in it: a hostile leaf, an extra field, or a field gone. */
export function mutated(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(base, fc.nat(), hostileValue, fc.constantFrom('replace', 'replace', 'replace', 'extra', 'drop'))
    .map(([value, pick, hostile, how]) => {
      const paths = leaves(value);
      const path = paths[pick % paths.length] ?? [];
      if (how === 'replace') return replaceAt(value, path, hostile);
      if (how === 'extra' && value && typeof value === 'object' && !Array.isArray(value))
        return { ...value, ['unexpected' + String(pick % 3)]: hostile };
      if (how === 'drop' && value && typeof value === 'object' && !Array.isArray(value)) {
        const keys = Object.keys(value);
        const dropped = keys[pick % Math.max(1, keys.length)];
        return Object.fromEntries(Object.entries(value).filter(([key]) => key !== dropped));
      }
      return replaceAt(value, path, hostile);
    });
}

/** Attacks aimed at one value, chosen by what the value is. */
export function attacksOn(value: unknown): unknown[] {
  if (typeof value === 'string')
    return [
      'a\u0000b',
      'x\ud800',
      '\udfffx',
      'x'.repeat(100_000),
      '2026-02-30',
      '0000-01-01T00:00:00Z',
      '99999999999999999999',
      12_345,
      null,
      ['x'],
    ];
  if (typeof value === 'number')
    return [1e20, -1e20, 2 ** 31, 2 ** 63, 1.5, -1, 'NaN', '99999999999999999999', null];
  if (typeof value === 'boolean') return ['true', 1, null];
  if (Array.isArray(value)) {
    const first: unknown = value[0] ?? 1;
    return [Array.from({ length: 20_000 }, () => first), [null], deep(60), 'x'];
  }
  if (value && typeof value === 'object')
    return [{ ...value, unexpected: 1 }, deep(60), [], 'x', { '\u0000': 1 }];
  return ['a\u0000b', 1e20, {}];
}

/** Every place in a value: the paths of its leaves and of the containers above them. */
export function placesIn(value: unknown): (string | number)[][] {
  return leaves(value).filter((path) => path.length > 0);
}

export function withValueAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  return replaceAt(value, path, replacement);
}

export function valueAt(value: unknown, path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) current = (current as Record<string | number, unknown> | null)?.[key];
  return current;
}
