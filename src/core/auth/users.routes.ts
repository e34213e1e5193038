import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditRequest } from '../audit/index.js';
import { problems } from '../http/problems.js';
import {
  IdParams,
  LocaleSchema,
  ProblemSchema,
  RegionCode,
  RegionScopeItem,
  Strict,
  withProblems,
} from '../http/schemas.js';
import type { Platform } from '../platform.js';
import { regionScope, requireRegion } from './actor.js';
import type { PermissionRegistry } from './permissions.js';
import { actorOf } from '../http/access.js';
import { generatePassword, hashPassword } from './passwords.js';
import { sessionCache } from './session-cache.js';
import {
  findUserById,
  findUserByUsername,
  insertUser,
  listAssignable,
  listUsers,
  presentUser,
  setPasswordHash,
  updateUser,
} from './users.repository.js';
import { agencyExists } from '../agencies/agencies.repository.js';
import { deleteSessionsOf } from './sessions.repository.js';
import {
  AssignableSchema,
  NewPasswordSchema,
  UserChangedSchema,
  UsersSchema,
  UserWithPasswordSchema,
} from './auth.contract.js';

// Any role the platform knows: the core's, and those its modules add (checked against the registry).
const RoleSchema = Type.String({
  pattern: '^[a-z][a-z0-9_]{1,39}$',
  description: 'a role GET /api/auth/permissions lists',
});
const Regions = Type.Array(RegionScopeItem, { minItems: 1, maxItems: 20, uniqueItems: true });

function requireKnownRole(registry: PermissionRegistry, role: string): void {
  if (!registry.isRole(role))
    throw problems.validation(`unknown role ${role}`, [
      { field: 'body/role', message: 'is not a role of this platform' },
    ]);
}

export async function userRoutes(app: FastifyInstance, platform: Omit<Platform, 'log'>): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;

  api.get(
    '/api/users',
    {
      config: { permission: 'users.manage' },
      schema: { tags: ['users'], summary: 'All users', response: withProblems({ 200: UsersSchema }) },
    },
    async () => ({ users: (await listUsers(db)).map(presentUser) }),
  );

  api.get(
    '/api/users/assignable',
    {
      config: { permission: 'users.list' },
      schema: {
        tags: ['users'],
        summary: 'People who can take an alert in a region (colleagues who share one of your regions)',
        querystring: Strict({ region: Type.Optional(RegionCode) }),
        response: withProblems({ 200: AssignableSchema }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (request.query.region) requireRegion(actor, request.query.region);
      const rows = await listAssignable(
        db,
        regionScope(actor),
        request.query.region ?? null,
        platform.permissions.assignableRoles(),
      );
      return { users: rows.map((row) => ({ id: row.id, displayName: row.display_name, role: row.role })) };
    },
  );

  api.post(
    '/api/users',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Create a user; the generated password is shown once',
        body: Strict({
          username: Type.String({ pattern: '^[a-z][a-z0-9._-]{2,40}$' }),
          displayName: Type.String({ minLength: 2, maxLength: 120 }),
          role: RoleSchema,
          regions: Regions,
          locale: Type.Optional(LocaleSchema),
          agencyId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
        }),
        response: withProblems({ 201: UserWithPasswordSchema, 409: ProblemSchema }),
      },
    },
    async (request, reply) => {
      const body = request.body;
      requireKnownRole(platform.permissions, body.role);
      if (await findUserByUsername(db, body.username))
        throw problems.conflict(`username ${body.username} is taken`);
      if (body.agencyId && !(await agencyExists(db, body.agencyId))) {
        throw problems.validation(`unknown agency ${body.agencyId}`, [
          { field: 'body/agencyId', message: 'unknown agency' },
        ]);
      }
      const password = generatePassword();
      const passwordHash = await hashPassword(password);
      const user = await db
        .tx(async (sql) => {
          const row = await insertUser(sql, {
            id: randomUUID(),
            username: body.username,
            displayName: body.displayName,
            role: body.role,
            regions: body.regions,
            locale: body.locale ?? 'ru',
            agencyId: body.agencyId ?? null,
            passwordHash,
          });
          await auditRequest(sql, request, {
            action: 'users.created',
            subjectType: 'user',
            subjectId: row.id,
            outcome: 'success',
            details: { role: row.role, regions: row.regions },
          });
          return row;
        })
        .catch((error: unknown) => {
          // Two admins creating the same username at once: the unique index decides, the loser gets a clear 409.
          if ((error as { code?: string }).code === '23505')
            throw problems.conflict(`username ${body.username} is taken`);
          throw error;
        });
      return reply.code(201).send({ user: presentUser(user), password });
    },
  );

  api.patch(
    '/api/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Change a user’s name, role, region scope, language, or disable them',
        params: IdParams,
        body: Strict({
          displayName: Type.Optional(Type.String({ minLength: 2, maxLength: 120 })),
          role: Type.Optional(RoleSchema),
          regions: Type.Optional(Regions),
          locale: Type.Optional(LocaleSchema),
          disabled: Type.Optional(Type.Boolean()),
        }),
        response: withProblems({ 200: UserChangedSchema, 409: ProblemSchema }),
      },
    },
    async (request) => {
      const { id } = request.params;
      if (request.body.role) requireKnownRole(platform.permissions, request.body.role);
      if (
        id === request.actor?.id &&
        (request.body.disabled === true || (request.body.role && request.body.role !== 'admin'))
      ) {
        throw problems.conflict('an administrator cannot disable or demote themselves');
      }
      const user = await db.tx(async (sql) => {
        const row = await updateUser(sql, id, request.body);
        if (!row) throw problems.notFound(`user ${id}`);
        if (request.body.disabled === true) await deleteSessionsOf(sql, id);
        await auditRequest(sql, request, {
          action: 'users.updated',
          subjectType: 'user',
          subjectId: id,
          outcome: 'success',
          details: { changed: Object.keys(request.body) },
        });
        return row;
      });
      // Again after commit: a request between the update and the commit may have cached the old row.
      sessionCache.evictUser(id);
      return { user: presentUser(user) };
    },
  );

  api.post(
    '/api/users/:id/reset-password',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Set a new generated password (shown once) and end the user’s sessions',
        params: IdParams,
        response: withProblems({ 200: NewPasswordSchema }),
      },
    },
    async (request) => {
      const { id } = request.params;
      if (!(await findUserById(db, id))) throw problems.notFound(`user ${id}`);
      const password = generatePassword();
      const passwordHash = await hashPassword(password);
      await db.tx(async (sql) => {
        await setPasswordHash(sql, id, passwordHash);
        await auditRequest(sql, request, {
          action: 'users.passwordReset',
          subjectType: 'user',
          subjectId: id,
          outcome: 'success',
        });
      });
      sessionCache.evictUser(id);
      return { password };
    },
  );
}
