import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import './fastify-augment.js';
import { authenticate } from '../auth/authenticate.js';
import { negotiateLocale } from '../i18n/i18n.js';
import type { Platform } from '../platform.js';
import { authorise, enforceDeclaredAccess, isApiRoute, routeLabel } from './access.js';
import { problemFromError, sendProblem } from './errors.js';
import { platformFormats } from './formats.js';
import { boundIntegers, installJsonParser, refuseNonFiniteNumbers, refuseUnsafeText } from './input-guard.js';
import { isProblemId, Problem, problems } from './problems.js';
import { isReachable } from '../db/db.js';
import { isDatabaseError, loggerOptions } from './logger.js';

const REQUEST_ID = /^[\w-]{8,64}$/;

export type Deps = Omit<Platform, 'log'>;

function proxyTrust(
  setting: boolean | number | string,
): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

/** The HTTP shell every route runs in: authenticate → authorise → validate → handler → problem+json on error. */
export async function createHttpServer(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(deps.config.logLevel),
    // One access line per request (below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: deps.config.bodyLimitBytes,
    // Only named proxies may set the client address: it keys the sign-in rate limit.
    trustProxy: proxyTrust(deps.config.trustProxy),
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Unknown fields are refused, not silently dropped: a typo in a connector should fail loudly.
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true },
      plugins: [platformFormats],
    },
    // A path the router cannot decode (`/api/alerts/%E0%A4`) is a problem+json 400 like any other bad input.
    frameworkErrors: (error, request, reply) => {
      void sendProblem(request, reply, problemFromError(error));
    },
  });

  app.decorateRequest('actor', undefined);
  app.decorateRequest('csrfToken', undefined);
  app.decorateRequest('locale', 'ru');

  enforceDeclaredAccess(app, deps.permissions);
  app.addHook('onRoute', boundIntegers);
  installJsonParser(app, deps.config.bodyLimitBytes);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = problemFromError(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else if (isDatabaseError(error))
      request.log.warn(
        { err: error, route: routeLabel(request) },
        'database refused input that validation let through',
      );
    return sendProblem(request, reply, problem);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: deps.config.env === 'production',
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    max: deps.config.rateLimitPerMinute,
    timeWindow: '1 minute',
    // After authentication (a route's own onRequest hooks run after the server's), so the bucket is the verified
    // caller and an unknown token counts against its address; before the body is read or validated.
    hook: 'onRequest',
    keyGenerator: (request) => (request.actor ? `${request.actor.type}:${request.actor.id}` : request.ip),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Qadagalau API',
        version: '0.1.0',
        description:
          'Errors are RFC 9457 application/problem+json with a stable `type`. Authenticate with the dashboard session cookie (and the `x-csrf-token` header on writes) or `Authorization: Bearer <API key>`.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'qg_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
  });
  // The platform's own CSP applies to the docs page too (swagger-ui's static CSP would loosen it).
  await app.registerPublic(async () => app.register(swaggerUi, { routePrefix: '/api/docs' }));

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // API answers carry personal data and one-time secrets: no browser or proxy may keep a copy.
    if (isApiRoute(request)) reply.header('cache-control', 'no-store');
    request.locale = negotiateLocale(request.headers['accept-language']);
    if (request.is404) return;
    await authenticate(request, deps.db, deps.permissions);
    if (request.actor)
      request.locale = request.headers['accept-language'] ? request.locale : request.actor.locale;
  });

  // Authenticated and rate-limited (onRequest) → authorised here → body parsed → validated → handler.
  app.addHook('preParsing', async (request, _reply, payload) => {
    await authorise(request, deps);
    return payload;
  });
  app.addHook('preValidation', refuseUnsafeText);
  app.addHook('preHandler', refuseNonFiniteNumbers);

  app.addHook('onResponse', async (request, reply) => {
    const line = {
      method: request.method,
      route: routeLabel(request),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      actor: request.actor?.id,
    };
    // Access lines at debug: the console stays readable; LOG_LEVEL=debug turns them on.
    if (reply.statusCode >= 500) request.log.error(line, 'request');
    else request.log.debug(line, 'request');
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const wantsPage =
      request.method === 'GET' &&
      !path.startsWith('/api') &&
      (request.headers.accept ?? '').includes('text/html');
    // Client-side routes of the dashboard (e.g. /alerts/123) are served its index page.
    if (wantsPage && 'sendFile' in reply)
      return (reply as unknown as { sendFile: (file: string) => unknown }).sendFile('index.html');
    return sendProblem(request, reply, problems.notFound(path));
  });

  app.get('/health', { config: { public: true } }, () => ({ status: 'ok' }));
  app.get('/ready', { config: { public: true } }, async (request, reply) => {
    try {
      await isReachable(deps.db);
    } catch {
      return sendProblem(request, reply, problems.notReady('database unreachable'));
    }
    return { status: 'ready', database: deps.db.kind, bus: deps.bus.description };
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
  app.get('/api/problems/:id', { config: { public: true }, schema: { hide: true } }, (request) => {
    const { id } = request.params as { id: string };
    if (!isProblemId(id)) throw problems.notFound(id);
    const problem = new Problem(id);
    return {
      type: `/api/problems/${id}`,
      status: problem.status,
      title: problem.toJSON(request.locale)['title'],
    };
  });
  return app;
}
