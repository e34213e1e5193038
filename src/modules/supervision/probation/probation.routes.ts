import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  actorOf,
  auditRequest,
  canSeeRegion,
  maskName,
  ProblemSchema,
  problems,
  regionScope,
  requireRegion,
  withProblems,
} from '../../../core/index.js';
import type { SupervisionContext } from '../supervision.settings.js';
import { ProbationListSchema, ProbationRegisteredSchema } from './probation.contract.js';
import {
  insertExclusions,
  insertProbationPerson,
  listProbationers,
  probationRegionOf,
} from './probation.repository.js';
import { ProbationBody } from './probation.schema.js';

/** People on probation and the court's conditions: the probation service's feed. */
export async function probationRoutes(app: FastifyInstance, platform: SupervisionContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;

  api.post(
    '/api/supervision/probation',
    {
      config: { permission: 'supervision.probation' },
      schema: {
        tags: ['supervision'],
        summary:
          'Register a person on probation with the court’s conditions (curfew at home, places to keep away from, allowed area, check-ins)',
        body: ProbationBody,
        response: withProblems({ 201: ProbationRegisteredSchema, 409: ProblemSchema }),
      },
    },
    async (request, reply) => {
      const body = request.body;
      const actor = actorOf(request);
      requireRegion(actor, body.region);
      if (body.curfew && !body.home)
        throw problems.validation('a curfew needs a home', [
          { field: 'body/home', message: 'required with curfew' },
        ]);
      await db.tx(async (sql) => {
        if (!(await insertProbationPerson(sql, body))) {
          // Someone outside the caller's regions holds this id: answered as an unknown person is, never confirmed.
          const held = await probationRegionOf(sql, body.id);
          if (!held)
            throw problems.conflict(
              `bracelet ${body.braceletId ?? ''} is worn by another person on probation`,
            );
          if (!canSeeRegion(actor, held)) throw problems.notFound(`probation person ${body.id}`);
          throw problems.conflict(`probation person ${body.id} exists`);
        }
        await insertExclusions(sql, body.id, body.exclusions ?? []);
        await auditRequest(sql, request, {
          action: 'supervision.probationRegistered',
          subjectType: 'probationer',
          subjectId: body.id,
          region: body.region,
          outcome: 'success',
          details: { bracelet: Boolean(body.braceletId), exclusions: body.exclusions?.length ?? 0 },
        });
      });
      return reply.code(201).send({ id: body.id, label: maskName(body.fullName) });
    },
  );

  api.get(
    '/api/supervision/probation',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags: ['supervision'],
        summary: 'People on probation in your regions (masked), with bracelet health and recent violations',
        response: withProblems({ 200: ProbationListSchema }),
      },
    },
    async (request) => {
      const rows = await listProbationers(db, regionScope(actorOf(request)));
      return {
        items: rows.map((row) => ({
          id: row.id,
          label: maskName(row.full_name),
          region: row.region,
          bracelet: row.bracelet_id !== null,
          lastPingAt: row.last_ping_at ? new Date(row.last_ping_at).toISOString() : null,
          braceletSilent: row.silent_alerted_at !== null,
          violations30d: row.violations,
        })),
      };
    },
  );
}
