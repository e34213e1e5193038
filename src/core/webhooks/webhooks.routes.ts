import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isNational, regionScope, type Actor } from '../auth/actor.js';
import { actorOf } from '../http/access.js';
import { auditRequest } from '../audit/index.js';
import { randomToken } from '../auth/tokens.js';
import { problems } from '../http/problems.js';
import { IdParams, RegionScopeItem, Strict, withProblems } from '../http/schemas.js';
import type { Platform } from '../platform.js';
import type { DestinationGuard } from './destination-guard.js';
import { agencyExists, listAgencies } from '../agencies/agencies.repository.js';
import { severities } from '../alerts/alerts.types.js';
import {
  deleteSubscription,
  findSubscription,
  insertSubscription,
  listAttempts,
  listSubscriptions,
  type SubscriptionRow,
  type SubscriptionScope,
} from './webhooks.repository.js';
import {
  AgenciesSchema,
  DeliveriesSchema,
  SubscriptionCreatedSchema,
  SubscriptionsSchema,
} from './webhooks.contract.js';

/** Liaisons of a state body see and manage their own agency's subscriptions only. */
const agencyFilter = (actor: Actor): string | null =>
  actor.role === 'agency_liaison' ? (actor.agencyId ?? '-') : null;
/** And everyone sees only subscriptions within their regions. */
const scopeOf = (actor: Actor): SubscriptionScope => ({
  agencyId: agencyFilter(actor),
  regions: regionScope(actor),
});

const present = (
  row: SubscriptionRow & {
    last_status?: string | null;
    last_at?: Date | null;
    last_http_status?: number | null;
  },
) => ({
  id: row.id,
  agencyId: row.agency_id,
  url: row.url,
  regions: row.regions,
  modules: row.modules,
  minSeverity: row.min_severity,
  topics: row.topics,
  active: row.active,
  createdAt: new Date(row.created_at).toISOString(),
  lastDelivery: row.last_status
    ? {
        status: row.last_status,
        at: row.last_at ? new Date(row.last_at).toISOString() : null,
        httpStatus: row.last_http_status ?? null,
      }
    : null,
});

export async function webhookRoutes(
  app: FastifyInstance,
  platform: Omit<Platform, 'log'>,
  destinations: DestinationGuard,
): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;

  api.get(
    '/api/agencies',
    {
      config: { signedIn: true },
      schema: {
        tags: ['webhooks'],
        summary: 'State bodies that can subscribe to alerts',
        response: withProblems({ 200: AgenciesSchema }),
      },
    },
    async () => {
      const rows = await listAgencies(db);
      return {
        agencies: rows.map((row) => ({
          id: row.id,
          kind: row.kind,
          region: row.region,
          name: { kk: row.name_kk, ru: row.name_ru, en: row.name_en },
        })),
      };
    },
  );

  api.get(
    '/api/subscriptions',
    {
      config: { permission: 'subscriptions.read' },
      schema: {
        tags: ['webhooks'],
        summary:
          'Webhook subscriptions within your regions (and your agency, for a liaison) with their last delivery',
        response: withProblems({ 200: SubscriptionsSchema }),
      },
    },
    async (request) => ({
      subscriptions: (await listSubscriptions(db, scopeOf(actorOf(request)))).map(present),
    }),
  );

  api.post(
    '/api/subscriptions',
    {
      config: { permission: 'subscriptions.manage' },
      schema: {
        tags: ['webhooks'],
        summary: 'Subscribe a state body to alerts; returns the signing secret once',
        body: Strict({
          agencyId: Type.String({ minLength: 1, maxLength: 64 }),
          url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 }),
          regions: Type.Array(RegionScopeItem, { minItems: 1, maxItems: 20, uniqueItems: true }),
          modules: Type.Array(Type.String({ pattern: '^(\\*|[a-z][a-z0-9_-]{1,39})$' }), {
            minItems: 1,
            maxItems: 20,
            uniqueItems: true,
          }),
          minSeverity: Type.Union(severities.map((severity) => Type.Literal(severity))),
          topics: Type.Optional(
            Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_-]{0,31}:[A-Za-z0-9_.-]{1,32}$' }), {
              maxItems: 50,
              uniqueItems: true,
              description: 'Only alerts sharing one of these topics (e.g. chapter:06); none means all',
            }),
          ),
        }),
        response: withProblems({ 201: SubscriptionCreatedSchema }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const body = request.body;
      const ownAgency = agencyFilter(actor);
      if (ownAgency && body.agencyId !== ownAgency)
        throw problems.forbidden('liaisons subscribe their own agency only');
      const refused = destinations.refusal(body.url);
      if (refused)
        throw problems.validation(`body/url ${refused}`, [{ field: 'body/url', message: refused }]);
      if (!isNational(actor)) {
        const outside = body.regions.find((region) => !actor.regions.includes(region));
        if (outside) throw problems.regionForbidden(outside);
      }
      if (!(await agencyExists(db, body.agencyId))) {
        throw problems.validation(`unknown agency ${body.agencyId}`, [
          { field: 'body/agencyId', message: 'unknown agency' },
        ]);
      }
      const secret = randomToken(32);
      const row = await db.tx(async (sql) => {
        const created = await insertSubscription(sql, {
          id: randomUUID(),
          agency_id: body.agencyId,
          url: body.url,
          secret,
          regions: body.regions,
          modules: body.modules,
          min_severity: body.minSeverity,
          topics: body.topics ?? [],
          createdBy: actor.type === 'user' ? actor.id : null,
        });
        await auditRequest(sql, request, {
          action: 'subscriptions.created',
          subjectType: 'subscription',
          subjectId: created.id,
          outcome: 'success',
          details: {
            agencyId: body.agencyId,
            regions: body.regions,
            modules: body.modules,
            minSeverity: body.minSeverity,
            topics: body.topics ?? [],
          },
        });
        return created;
      });
      return reply.code(201).send({ subscription: present(row), secret });
    },
  );

  api.delete(
    '/api/subscriptions/:id',
    {
      config: { permission: 'subscriptions.manage' },
      schema: { tags: ['webhooks'], summary: 'Remove a subscription', params: IdParams },
    },
    async (request, reply) => {
      await db.tx(async (sql) => {
        const row = await findSubscription(sql, request.params.id, scopeOf(actorOf(request)));
        if (!row) throw problems.notFound(`subscription ${request.params.id}`);
        await deleteSubscription(sql, row.id);
        await auditRequest(sql, request, {
          action: 'subscriptions.deleted',
          subjectType: 'subscription',
          subjectId: row.id,
          outcome: 'success',
        });
      });
      return reply.code(204).send();
    },
  );

  api.get(
    '/api/subscriptions/:id/deliveries',
    {
      config: { permission: 'subscriptions.read' },
      schema: {
        tags: ['webhooks'],
        summary: 'Every delivery attempt of a subscription, newest first',
        params: IdParams,
        querystring: Strict({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
        response: withProblems({ 200: DeliveriesSchema }),
      },
    },
    async (request) => {
      const row = await findSubscription(db, request.params.id, scopeOf(actorOf(request)));
      if (!row) throw problems.notFound(`subscription ${request.params.id}`);
      return { deliveries: await listAttempts(db, row.id, request.query.limit ?? 100) };
    },
  );
}
