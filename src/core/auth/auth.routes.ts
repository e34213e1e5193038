import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditRequest } from '../audit/index.js';
import { problems } from '../http/problems.js';
import { Strict, withProblems } from '../http/schemas.js';
import type { Platform } from '../platform.js';
import { SESSION_COOKIE } from './authenticate.js';
import { actorOf } from '../http/access.js';
import { verifyPassword } from './passwords.js';
import { createSession, deleteSession } from './sessions.repository.js';
import { findUserById, findUserByUsername, presentUser } from './users.repository.js';
import { MeSchema, PermissionsSchema, SignedInSchema } from './auth.contract.js';

// A real hash to compare against when the user does not exist, so timing does not reveal which usernames exist.
const DECOY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export async function authRoutes(app: FastifyInstance, platform: Omit<Platform, 'log'>): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = platform;

  api.post(
    '/api/auth/login',
    {
      config: {
        public: true,
        rateLimit: {
          max: config.loginRateLimitPerMinute,
          timeWindow: '1 minute',
          keyGenerator: (request) => request.ip,
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in to the dashboard (sets the session cookie)',
        body: Strict({
          username: Type.String({ minLength: 1, maxLength: 64 }),
          password: Type.String({ minLength: 1, maxLength: 256 }),
        }),
        response: withProblems({ 200: SignedInSchema }),
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const user = await findUserByUsername(db, username);
      const valid = await verifyPassword(password, user?.password_hash ?? DECOY_HASH);
      if (!user || !valid || user.disabled) {
        await db.tx((sql) =>
          auditRequest(sql, request, {
            action: 'auth.login',
            subjectType: 'user',
            subjectId: user?.id ?? null,
            outcome: 'denied',
            details: { reason: !user ? 'unknown user' : user.disabled ? 'disabled' : 'wrong password' },
          }),
        );
        throw problems.invalidCredentials();
      }
      const session = await db.tx(async (sql) => {
        const created = await createSession(sql, user.id, config.sessionTtlHours);
        request.actor = {
          type: 'user',
          id: user.id,
          name: user.username,
          role: user.role,
          regions: user.regions,
          permissions: new Set(),
          locale: user.locale,
          agencyId: user.agency_id,
        };
        await auditRequest(sql, request, {
          action: 'auth.login',
          subjectType: 'user',
          subjectId: user.id,
          outcome: 'success',
        });
        return created;
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: config.cookieSecure ?? config.env === 'production',
        expires: session.expiresAt,
      });
      return { user: presentUser(user), csrfToken: session.csrfToken };
    },
  );

  api.post(
    '/api/auth/logout',
    {
      config: { signedIn: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign out (ends the session)',
        response: withProblems({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      await db.tx(async (sql) => {
        if (token) await deleteSession(sql, token);
        await auditRequest(sql, request, {
          action: 'auth.logout',
          subjectType: 'user',
          subjectId: request.actor?.id ?? null,
          outcome: 'success',
        });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  api.get(
    '/api/auth/me',
    {
      config: { signedIn: true },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, their permissions and CSRF token',
        response: withProblems({ 200: MeSchema }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const permissions = [...actor.permissions].sort();
      if (actor.type !== 'user')
        return {
          user: null,
          client: { id: actor.id, name: actor.name, regions: actor.regions },
          permissions,
          csrfToken: null,
        };
      const row = await findUserById(db, actor.id);
      return { user: row ? presentUser(row) : null, permissions, csrfToken: request.csrfToken ?? null };
    },
  );

  api.get(
    '/api/auth/permissions',
    {
      config: { signedIn: true },
      schema: {
        tags: ['auth'],
        summary:
          'Every permission and role: which roles hold a permission, which may be granted to API keys, which roles take alerts',
        response: withProblems({ 200: PermissionsSchema }),
      },
    },
    () => ({
      permissions: platform.permissions.all().map((def) => ({
        id: def.id,
        description: def.description,
        roles: def.roles,
        grantableToApiKeys: def.grantableToApiKeys === true,
      })),
      roles: platform.permissions.roles(),
    }),
  );
}
