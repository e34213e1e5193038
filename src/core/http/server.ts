import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import './fastify-augment.js';
import { authenticate } from '../auth/authenticate.js';
import { hasPermission } from '../auth/actor.js';
import { appendAudit } from '../audit/audit.repository.js';
import { negotiateLocale } from '../i18n/i18n.js';
import type { Platform } from '../platform.js';
import { problemFromError, sendProblem } from './errors.js';
import { Problem, problems } from './problems.js';
import { loggerOptions } from './logger.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const REQUEST_ID = /^[\w-]{8,64}$/;

export type Deps = Omit<Platform, 'log'>;

function proxyTrust(setting: boolean | number | string): boolean | string | ((address: string, hop: number) => boolean) {
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
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  });

  app.decorateRequest('actor', undefined);
  app.decorateRequest('csrfToken', undefined);
  app.decorateRequest('locale', 'ru');

  app.addHook('onRoute', (route) => {
    const config = route.config;
    if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
    if (!config?.public && !config?.signedIn && !config?.permission) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no permission: deny by default`);
    }
    if (config.permission && !deps.permissions.has(config.permission)) {
      throw new Error(`route ${String(route.method)} ${route.url} requires unknown permission ${config.permission}`);
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = problemFromError(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
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
    // After authentication, so the bucket is the verified caller; an unknown token counts against its address.
    hook: 'preHandler',
    keyGenerator: (request) => (request.actor ? `${request.actor.type}:${request.actor.id}` : request.ip),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Qadagalau API',
        version: '0.1.0',
        description: 'Errors are RFC 9457 application/problem+json with a stable `type`. Authenticate with the dashboard session cookie (and the `x-csrf-token` header on writes) or `Authorization: Bearer <API key>`.',
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
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // API answers carry personal data and one-time secrets: no browser or proxy may keep a copy.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    request.locale = negotiateLocale(request.headers['accept-language']);
    await authenticate(request, deps.db, deps.permissions);
    if (request.actor) request.locale = request.headers['accept-language'] ? request.locale : request.actor.locale;
  });

  app.addHook('onResponse', async (request, reply) => {
    const line = { method: request.method, path: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime), actor: request.actor?.id };
    // Access lines at debug: the console stays readable; LOG_LEVEL=debug turns them on.
    if (reply.statusCode >= 500) request.log.error(line, 'request');
    else request.log.debug(line, 'request');
  });

  app.addHook('preHandler', async (request) => {
    const config = request.routeOptions.config;
    if (!request.url.startsWith('/api') || request.url.startsWith('/api/docs') || config.public) return;
    const actor = request.actor;
    if (!actor) throw problems.unauthenticated();
    if (request.csrfToken && !SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== request.csrfToken) {
      throw problems.csrf();
    }
    if (config.permission && !hasPermission(actor, config.permission)) {
      await deps.db.tx((sql) =>
        appendAudit(sql, {
          actor: { type: actor.type, id: actor.id, name: actor.name },
          action: 'access.denied',
          subjectType: 'route',
          subjectId: `${request.method} ${request.routeOptions.url ?? ''}`,
          requestId: request.id,
          outcome: 'denied',
          details: { permission: config.permission },
        }),
      );
      throw problems.forbidden(`requires ${config.permission}`);
    }
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const wantsPage = request.method === 'GET' && !path.startsWith('/api') && (request.headers.accept ?? '').includes('text/html');
    // Client-side routes of the dashboard (e.g. /alerts/123) are served its index page.
    if (wantsPage && 'sendFile' in reply) return (reply as unknown as { sendFile: (file: string) => unknown }).sendFile('index.html');
    return sendProblem(request, reply, problems.notFound(path));
  });

  app.get('/health', { config: { public: true } }, () => ({ status: 'ok' }));
  app.get('/ready', { config: { public: true } }, async (request, reply) => {
    try {
      await deps.db.query('select 1');
    } catch {
      return sendProblem(request, reply, problems.notReady('database unreachable'));
    }
    return { status: 'ready', database: deps.db.kind, bus: deps.bus.description };
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
  app.get('/api/problems/:id', { config: { public: true }, schema: { hide: true } }, (request) => {
    const { id } = request.params as { id: string };
    const problem = new Problem(id as never);
    if (!problem.status) throw problems.notFound(id);
    return { type: `/api/problems/${id}`, status: problem.status, title: problem.toJSON(request.locale)['title'] };
  });
  return app;
}
