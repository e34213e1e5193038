import type { FastifyServerOptions } from 'fastify';
import { stdSerializers } from 'pino';

interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

/**
 * Request logs carry method, route and status, never paths, query strings, cookies or authorization headers:
 * paths and queries can hold names or IINs, and headers hold credentials.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      remove: true,
    },
    serializers: {
      req: (request: { method: string; id: string; routeOptions?: { url?: string } }) => ({
        id: request.id,
        method: request.method,
        route: request.routeOptions?.url,
      }),
      err: safeError,
    },
  };
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
// A database error's message quotes the value it refused ("invalid input syntax for type uuid: "…"").
const QUOTED = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g;

/** True for an error PostgreSQL (server or embedded) raised, which carries a five-character SQLSTATE. */
export function isDatabaseError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && SQLSTATE.test(code) && 'severity' in error;
}

/**
 * Errors as logged. A database error keeps what locates the fault (SQLSTATE, routine, table, column, constraint)
 * and loses what repeats the request: the quoted value in its message, `detail` ("Key (iin)=(…)"), `where`
 * ("parameter $1 = '…'"), and the query and parameters that PGlite attaches.
 */
export function safeError(error: unknown): LoggedError {
  if (!isDatabaseError(error)) return stdSerializers.err(error as Error);
  const fields = error as unknown as Record<string, unknown>;
  const message = error.message.replace(QUOTED, '"…"');
  const stack = (error.stack ?? '').split('\n').slice(1).join('\n');
  const kept: LoggedError = { type: error.name, message, code: error.code, stack };
  for (const key of ['severity', 'routine', 'schema', 'table', 'column', 'dataType', 'constraint']) {
    if (fields[key] !== undefined) kept[key] = fields[key];
  }
  return kept;
}
