import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  actorOf,
  auditRequest,
  ProblemSchema,
  problems,
  regionScope,
  requireRegion,
  withProblems,
} from '../../../core/index.js';
import type { SupervisionContext } from '../supervision.settings.js';
import { DefinedSchema, ZoneListSchema } from './zones.contract.js';
import { insertOrderRule, insertZone, listZones } from './zones.repository.js';
import { PublicOrderRuleBody, ZoneBody } from './zones.schema.js';

/** Restricted zones and the places watched for public order. */
export async function zoneRoutes(app: FastifyInstance, platform: SupervisionContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;

  api.post(
    '/api/supervision/zones',
    {
      config: { permission: 'supervision.configure' },
      schema: {
        tags: ['supervision'],
        summary:
          'Define a restricted zone (illegal mining, protected land, border strip) with the activities forbidden in it',
        body: ZoneBody,
        response: withProblems({ 201: DefinedSchema, 409: ProblemSchema }),
      },
    },
    async (request, reply) => {
      const body = request.body;
      requireRegion(actorOf(request), body.region);
      await db.tx(async (sql) => {
        if (!(await insertZone(sql, body))) throw problems.conflict(`zone ${body.id} exists`);
        await auditRequest(sql, request, {
          action: 'supervision.zoneDefined',
          subjectType: 'zone',
          subjectId: body.id,
          region: body.region,
          outcome: 'success',
          details: { kind: body.kind },
        });
      });
      return reply.code(201).send({ id: body.id });
    },
  );

  api.get(
    '/api/supervision/zones',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags: ['supervision'],
        summary: 'Restricted zones in your regions with their incursions in the last 30 days',
        response: withProblems({ 200: ZoneListSchema }),
      },
    },
    async (request) => {
      const rows = await listZones(db, regionScope(actorOf(request)));
      return {
        items: rows.map((row) => ({
          id: row.id,
          name: row.name,
          kind: row.kind,
          region: row.region,
          geometry: row.geometry,
          forbiddenActivities: row.forbidden_activities,
          incursions30d: row.incursions,
        })),
      };
    },
  );

  api.post(
    '/api/supervision/public-order-rules',
    {
      config: { permission: 'supervision.configure' },
      schema: {
        tags: ['supervision'],
        summary: 'Watch a place for fights or crowds during set hours',
        body: PublicOrderRuleBody,
        response: withProblems({ 201: DefinedSchema, 409: ProblemSchema }),
      },
    },
    async (request, reply) => {
      const body = request.body;
      requireRegion(actorOf(request), body.region);
      await db.tx(async (sql) => {
        if (!(await insertOrderRule(sql, body))) throw problems.conflict(`rule ${body.id} exists`);
        await auditRequest(sql, request, {
          action: 'supervision.ruleDefined',
          subjectType: 'public_order_rule',
          subjectId: body.id,
          region: body.region,
          outcome: 'success',
        });
      });
      return reply.code(201).send({ id: body.id });
    },
  );
}
