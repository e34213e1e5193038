import type { FastifyServerOptions } from 'fastify';

/**
 * Request logs carry method, path and status, never query strings, cookies or authorization headers:
 * queries can hold names or IINs, and headers hold credentials.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], remove: true },
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({
        id: request.id,
        method: request.method,
        path: request.url.split('?')[0],
      }),
    },
  };
}
