import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditRequest } from '../audit/index.js';
import { emitEvent } from '../events/index.js';
import './auth.events.js';
import { problems } from '../http/problems.js';
import { IdParams, RegionScopeItem, Strict, withProblems } from '../http/schemas.js';
import type { Platform } from '../platform.js';
import { insertApiKey, listApiKeys, presentApiKey, revokeApiKey } from './api-keys.repository.js';
import { newApiKeySecret, sha256 } from './tokens.js';
import { apiKeyClients, ApiKeyIssuedSchema, ApiKeyRevokedSchema, ApiKeysSchema } from './auth.contract.js';

export { apiKeyClients };

export async function apiKeyRoutes(app: FastifyInstance, platform: Omit<Platform, 'log'>): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;

  api.get(
    '/api/api-keys',
    {
      config: { permission: 'apikeys.manage' },
      schema: {
        tags: ['api-keys'],
        summary: 'Machine clients’ API keys (secrets are never shown again)',
        response: withProblems({ 200: ApiKeysSchema }),
      },
    },
    async () => ({ apiKeys: (await listApiKeys(db)).map(presentApiKey) }),
  );

  api.post(
    '/api/api-keys',
    {
      config: { permission: 'apikeys.manage' },
      schema: {
        tags: ['api-keys'],
        summary: 'Issue an API key scoped to permissions and regions; the secret is returned once',
        body: Strict({
          name: Type.String({ minLength: 2, maxLength: 80 }),
          client: Type.Unsafe<(typeof apiKeyClients)[number]>({ type: 'string', enum: [...apiKeyClients] }),
          permissions: Type.Array(Type.String({ maxLength: 64 }), {
            minItems: 1,
            maxItems: 32,
            uniqueItems: true,
          }),
          regions: Type.Array(RegionScopeItem, { minItems: 1, maxItems: 20, uniqueItems: true }),
        }),
        response: withProblems({ 201: ApiKeyIssuedSchema }),
      },
    },
    async (request, reply) => {
      const grantable = new Set(platform.permissions.grantableToApiKeys().map((def) => def.id));
      const refused = request.body.permissions.filter((permission) => !grantable.has(permission));
      if (refused.length > 0) {
        throw problems.validation(
          `not grantable to API keys: ${refused.join(', ')}`,
          refused.map((permission) => ({
            field: 'body/permissions',
            message: `${permission} cannot be granted to an API key`,
          })),
        );
      }
      const { prefix, secret, token } = newApiKeySecret();
      const key = await db.tx(async (sql) => {
        const row = await insertApiKey(sql, {
          id: randomUUID(),
          name: request.body.name,
          client: request.body.client,
          prefix,
          secret_hash: sha256(secret),
          permissions: request.body.permissions,
          regions: request.body.regions,
          created_by: request.actor?.type === 'user' ? request.actor.id : null,
        });
        await auditRequest(sql, request, {
          action: 'apikeys.created',
          subjectType: 'api_key',
          subjectId: row.id,
          outcome: 'success',
          details: { client: row.client, permissions: row.permissions, regions: row.regions },
        });
        return row;
      });
      return reply.code(201).send({ apiKey: presentApiKey(key), secret: token });
    },
  );

  api.delete(
    '/api/api-keys/:id',
    {
      config: { permission: 'apikeys.manage' },
      schema: {
        tags: ['api-keys'],
        summary: 'Revoke an API key at once',
        params: IdParams,
        response: withProblems({ 200: ApiKeyRevokedSchema }),
      },
    },
    async (request) => {
      const key = await platform.bus.tx(async (sql) => {
        const row = await revokeApiKey(sql, request.params.id);
        if (!row) throw problems.notFound(`API key ${request.params.id}`);
        await auditRequest(sql, request, {
          action: 'apikeys.revoked',
          subjectType: 'api_key',
          subjectId: row.id,
          outcome: 'success',
        });
        // Live connections opened with the key (a connector's MQTT session) are closed when this event is heard.
        await emitEvent(sql, 'apikeys.revoked', { apiKeyId: row.id });
        return row;
      });
      return { apiKey: presentApiKey(key) };
    },
  );
}
