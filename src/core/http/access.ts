import type { FastifyContextConfig, FastifyInstance, FastifyRequest } from 'fastify';
import { hasPermission, type Actor } from '../auth/actor.js';
import type { PermissionRegistry } from '../auth/permissions.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/db.js';
import { problems } from './problems.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** How a route says who may call it. Exactly one of these is set on every route, or the platform does not start. */
export type Access = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'permission'; permission: string };

export function accessOf(config: FastifyContextConfig | undefined): Access | undefined {
  if (config?.permission) return { kind: 'permission', permission: config.permission };
  if (config?.signedIn) return { kind: 'signed-in' };
  if (config?.public) return { kind: 'public' };
  return undefined;
}

/**
 * Every route must declare its access, or start-up stops (deny by default); so must a route that requires a
 * permission nobody registered. Third-party plugins that cannot declare access (the API reference, the dashboard's
 * files) are registered through `app.registerPublic`, which declares their routes public.
 */
export function enforceDeclaredAccess(app: FastifyInstance, permissions: PermissionRegistry): void {
  let registeringPublic = false;
  app.addHook('onRoute', (route) => {
    if (registeringPublic) route.config = { ...route.config, public: true };
    const access = accessOf(route.config);
    const name = `${String(route.method)} ${route.url}`;
    if (!access) throw new Error(`route ${name} declares no permission: deny by default`);
    if (access.kind === 'permission' && !permissions.has(access.permission)) {
      throw new Error(`route ${name} requires unknown permission ${access.permission}`);
    }
    // The OpenAPI document says which operations need no credentials (an empty security requirement) and which
    // permission the others need, so clients and the route fuzzer read access from it.
    const schema: Record<string, unknown> = { ...route.schema };
    if (access.kind === 'public') schema['security'] = [];
    else schema['x-permission'] = access.kind === 'permission' ? access.permission : 'signed-in';
    if (route.config?.stream) schema['x-stream'] = true;
    route.schema = schema;
  });
  app.decorate('registerPublic', async (register: () => Promise<unknown>) => {
    registeringPublic = true;
    try {
      await register();
    } finally {
      registeringPublic = false;
    }
  });
}

export interface AuthoriseDeps {
  db: Db;
}

/**
 * Decides from the matched route's own declaration, never from the URL's text: however a path is spelled, the
 * route the router chose is the route whose permission applies. Runs before the body is parsed or validated, so an
 * anonymous caller learns nothing about a route's schema.
 */
export async function authorise(request: FastifyRequest, deps: AuthoriseDeps): Promise<void> {
  if (request.is404) return;
  const access = accessOf(request.routeOptions.config);
  // A route without a declaration cannot exist (enforceDeclaredAccess); refuse rather than trust, all the same.
  if (!access) throw problems.forbidden('route declares no access');
  if (access.kind === 'public') return;
  const actor = request.actor;
  if (!actor) throw problems.unauthenticated();
  if (
    request.csrfToken &&
    !SAFE_METHODS.has(request.method) &&
    request.headers['x-csrf-token'] !== request.csrfToken
  ) {
    throw problems.csrf();
  }
  if (access.kind === 'permission' && !hasPermission(actor, access.permission)) {
    await auditDenial(deps.db, request, actor, access.permission);
    throw problems.forbidden(`requires ${access.permission}`);
  }
}

async function auditDenial(db: Db, request: FastifyRequest, actor: Actor, permission: string): Promise<void> {
  await db.tx((sql) =>
    appendAudit(sql, {
      actor: { type: actor.type, id: actor.id, name: actor.name },
      action: 'access.denied',
      subjectType: 'route',
      subjectId: `${request.method} ${request.routeOptions.url ?? ''}`,
      requestId: request.id,
      outcome: 'denied',
      details: { permission },
    }),
  );
}

/** The verified caller of a route that is not public; a 401 if, against every check, there is none. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw problems.unauthenticated();
  return request.actor;
}

/** The route pattern a request matched (`/api/alerts/:id`), for logs: the raw path may carry an IIN or a name. */
export function routeLabel(request: FastifyRequest): string {
  return request.is404 ? '(no route)' : (request.routeOptions.url ?? '(no route)');
}

/** True for the platform's API routes, judged by the pattern matched, not by the URL sent. */
export function isApiRoute(request: FastifyRequest): boolean {
  const pattern = request.routeOptions.url;
  return request.is404 || (pattern !== undefined && pattern.startsWith('/api'));
}
