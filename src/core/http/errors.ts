import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Problem, type FieldError } from './problems.js';

/** Turns every error into an RFC 9457 problem in the requester's language; internals are logged, never shown. */
export function problemFromError(error: FastifyError): Problem {
  if (error instanceof Problem) return error;
  if (error.validation) {
    const errors: FieldError[] = error.validation.map((issue) => ({
      field: `${error.validationContext ?? 'body'}${issue.instancePath || missingProperty(issue.params)}`,
      message: issue.message ?? 'is invalid',
    }));
    return new Problem('validation', errors.map((item) => `${item.field} ${item.message}`).join('; '), errors);
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
  if (error.statusCode === 429) return new Problem('rate-limited');
  if (error.statusCode === 400 || error instanceof SyntaxError) return new Problem('validation', error.message);
  return new Problem('internal');
}

function missingProperty(params: Record<string, unknown>): string {
  const missing = params['missingProperty'];
  return typeof missing === 'string' ? `/${missing}` : '';
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send(problem.toJSON(request.locale, request.url.split('?')[0]));
}
