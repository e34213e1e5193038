import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { problems, type FieldError } from './problems.js';

/**
 * Input no PostgreSQL column can hold, refused once here so that every module's routes get it without thinking:
 * NUL characters (text refuses them), unpaired UTF-16 surrogates (jsonb and UTF-8 refuse them), JSON nested deeper
 * than any real document (a stack overflow in the parser or in our own code), and integers beyond what a bigint or a
 * JavaScript number holds exactly.
 */
export const MAX_JSON_DEPTH = 64;

// Without the u flag the pattern sees UTF-16 code units, so it can find a surrogate that has no partner.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isSafeText(value: string): boolean {
  return !UNSAFE_TEXT.test(value);
}

/** True when arrays and objects in a JSON text nest deeper than `limit`; a linear scan that never recurses. */
export function jsonNestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b || code === 0x5b) {
      if (++depth > limit) return true;
    } else if (code === 0x7d || code === 0x5d) {
      depth--;
    }
  }
  return false;
}

/** Where in a parsed value the first string or key no column can hold is, as `body/a/0/b`; undefined if none. */
export function unsafeTextAt(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return isSafeText(value) ? undefined : path;
  if (value === null || typeof value !== 'object') return undefined;
  if (depth > MAX_JSON_DEPTH) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unsafeTextAt(value[i], `${path}/${i}`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (!isSafeText(key)) return `${path}/(a key)`;
    const found = unsafeTextAt(item, `${path}/${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The JSON body parser: Fastify's own (prototype poisoning refused), after a depth check. */
export function installJsonParser(app: FastifyInstance, bodyLimit: number): void {
  const parse = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    const text = body as string;
    if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) {
      done(problems.validation(`the body nests deeper than ${MAX_JSON_DEPTH} levels`), undefined);
      return;
    }
    void parse(request, text, done);
  });
}

/**
 * Refuses, before schema validation, any request whose body, query or path holds text no column can hold. The
 * items of a batch (the body array a route names in `config.batchOf`) are left to the route, which refuses a bad
 * item alone (`itemChecker`).
 */
export async function refuseUnsafeText(request: FastifyRequest): Promise<void> {
  const batchOf = request.is404 ? undefined : request.routeOptions.config.batchOf;
  const parts: [string, unknown][] = [
    ['params', request.params],
    ['querystring', request.query],
    ['body', batchOf ? withoutItems(request.body, batchOf) : request.body],
  ];
  for (const [part, value] of parts) {
    const field = unsafeTextAt(value, part);
    if (field) {
      const error: FieldError = { field, message: 'must not contain NUL characters or unpaired surrogates' };
      throw problems.validation(`${error.field} ${error.message}`, [error]);
    }
  }
}

/** Where the first number that is not finite is (JSON's 1e400 parses as Infinity); undefined if none. */
export function nonFiniteAt(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (value === null || typeof value !== 'object' || depth > MAX_JSON_DEPTH) return undefined;
  for (const [key, item] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const found = nonFiniteAt(item, `${path}/${String(key)}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses, after validation (which coerces query text to numbers), a number that is not finite: Ajv lets a coerced
 * Infinity through `maximum`, and no column holds one.
 */
export async function refuseNonFiniteNumbers(request: FastifyRequest): Promise<void> {
  const batchOf = request.is404 ? undefined : request.routeOptions.config.batchOf;
  const body = batchOf ? withoutItems(request.body, batchOf) : request.body;
  for (const [part, value] of [
    ['params', request.params],
    ['querystring', request.query],
    ['body', body],
  ] as const) {
    const field = nonFiniteAt(value, part);
    if (field)
      throw problems.validation(`${field} must be a finite number`, [
        { field, message: 'must be a finite number' },
      ]);
  }
}

function withoutItems(body: unknown, key: string): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const { [key]: _items, ...rest } = body as Record<string, unknown>;
  return rest;
}

/**
 * Gives every integer in a route's request schemas the bounds of a safe JavaScript integer, unless it has its own:
 * `cursor=99999999999999999999` is then a 400, not a bigint overflow in the database.
 */
export function boundIntegers(route: RouteOptions): void {
  const schema = route.schema as Record<string, unknown> | undefined;
  if (!schema) return;
  for (const part of ['body', 'querystring', 'params', 'headers']) bound(schema[part], 0);
}

const NESTED = ['items', 'additionalProperties', 'not', 'contains', 'if', 'then', 'else'];
const NESTED_LISTS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
const NESTED_MAPS = ['properties', 'patternProperties', '$defs', 'definitions'];

function bound(node: unknown, depth: number): void {
  if (!node || typeof node !== 'object' || depth > 32) return;
  const schema = node as Record<string, unknown>;
  const types = Array.isArray(schema['type']) ? (schema['type'] as unknown[]) : [schema['type']];
  if (types.includes('integer')) {
    if (schema['maximum'] === undefined && schema['exclusiveMaximum'] === undefined)
      schema['maximum'] = Number.MAX_SAFE_INTEGER;
    if (schema['minimum'] === undefined && schema['exclusiveMinimum'] === undefined)
      schema['minimum'] = -Number.MAX_SAFE_INTEGER;
  }
  for (const key of NESTED) bound(schema[key], depth + 1);
  for (const key of NESTED_LISTS)
    if (Array.isArray(schema[key])) for (const item of schema[key] as unknown[]) bound(item, depth + 1);
  for (const key of NESTED_MAPS) {
    const map = schema[key];
    if (map && typeof map === 'object') for (const item of Object.values(map)) bound(item, depth + 1);
  }
}
