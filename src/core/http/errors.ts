import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { negotiateLocale } from '../i18n/i18n.js';
import { isDatabaseError } from './logger.js';
import { Problem, type FieldError } from './problems.js';

/** Turns every error into an RFC 9457 problem in the requester's language; internals are logged, never shown. */
export function problemFromError(error: FastifyError): Problem {
  if (error instanceof Problem) return error;
  if (error.validation) {
    const errors: FieldError[] = error.validation.map((issue) => ({
      field: `${error.validationContext ?? 'body'}${issue.instancePath || missingProperty(issue.params)}`,
      message: issue.message ?? 'is invalid',
    }));
    return new Problem(
      'validation',
      errors.map((item) => `${item.field} ${item.message}`).join('; '),
      errors,
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem('payload-too-large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem('unsupported-media-type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new Problem('validation', 'the body is not valid JSON');
    default:
      break;
  }
  if (isDatabaseError(error)) {
    const refused = refusedByDatabase(error.code);
    if (refused) return refused;
  }
  return problemForStatus(error.statusCode, error) ?? new Problem('internal');
}

/** A client error raised by Fastify or a plugin with a status but no problem of ours: the nearest problem type. */
function problemForStatus(status: number | undefined, error: Error): Problem | undefined {
  if (error instanceof SyntaxError) return new Problem('validation', error.message);
  if (status === undefined || status < 400 || status >= 500) return undefined;
  switch (status) {
    case 401:
      return new Problem('unauthenticated');
    case 403:
      return new Problem('forbidden');
    case 404:
      return new Problem('not-found', 'no such resource');
    case 413:
      return new Problem('payload-too-large');
    case 414:
      return new Problem('uri-too-long');
    case 415:
      return new Problem('unsupported-media-type');
    case 429:
      return new Problem('rate-limited');
    default:
      return new Problem('validation', error.message.slice(0, 300));
  }
}

/**
 * A value the database refused, caught as a last resort: the schemas should have refused it first (the route fuzzer
 * fails on the warning the error handler logs for these), but a caller still gets a 4xx, and the transaction that
 * met the error has rolled back, so nothing changed.
 */
function refusedByDatabase(sqlstate: string): Problem | undefined {
  // Class 22 is a data exception (a value out of range, badly formed, or a character no column takes); 54000 a
  // value too large for an index.
  if (sqlstate.startsWith('22') || sqlstate === '54000')
    return new Problem('validation', 'a value is out of range or badly formed');
  // Class 23 is an integrity constraint: a duplicate, a missing reference, a failed check.
  if (sqlstate.startsWith('23')) return new Problem('conflict', 'the change conflicts with a stored record');
  return undefined;
}

function missingProperty(params: Record<string, unknown>): string {
  const missing = params['missingProperty'];
  return typeof missing === 'string' ? `/${missing}` : '';
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem): FastifyReply {
  return (
    reply
      .code(problem.status)
      .type('application/problem+json')
      // The path as sent, cut short: a hostile one can be as long as the server lets a URL be.
      .send(
        problem.toJSON(
          request.locale ?? negotiateLocale(request.headers['accept-language']),
          (request.url.split('?')[0] ?? '').slice(0, 256),
        ),
      )
  );
}
