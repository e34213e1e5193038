import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { actorOf, auditRequest, problems, regionScope, withProblems } from '../../core/index.js';
import type { SupervisionContext } from './supervision.settings.js';
import { LiveViewSchema, MeasuresSchema, OutcomeRecordedSchema } from './supervision.contract.js';
import { LiveQuery, MeasuresQuery, OutcomeBody, OutcomeParams } from './supervision.schema.js';
import { liveView, recordOutcome, supervisionMeasures } from './supervision.service.js';

/** The dashboard's own routes: the measures, the live map, and the outcomes duty officers record on alerts. */
export async function supervisionRoutes(app: FastifyInstance, platform: SupervisionContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db, bus } = platform;

  api.get(
    '/api/supervision/measures',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags: ['supervision'],
        summary:
          'Wanted-list size over time and share closed through the system; hits, violations and incursions by week; false matches by rule',
        querystring: MeasuresQuery,
        response: withProblems({ 200: MeasuresSchema }),
      },
    },
    async (request) => supervisionMeasures(db, regionScope(actorOf(request)), request.query.days ?? 90),
  );

  api.get(
    '/api/supervision/live',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags: ['supervision'],
        summary: 'Alerts of the last hours with their locations, and the sources, for the live map',
        querystring: LiveQuery,
        response: withProblems({ 200: LiveViewSchema }),
      },
    },
    async (request) => liveView(db, regionScope(actorOf(request)), request.query.hours ?? 24),
  );

  api.post(
    '/api/supervision/alerts/:id/outcome',
    {
      config: { permission: 'supervision.dispatch' },
      schema: {
        tags: ['supervision'],
        summary:
          'Record what the dispatched officers found: detained, not found, or a false match (feeds the source’s false-match rate)',
        params: OutcomeParams,
        body: OutcomeBody,
        response: withProblems({ 200: OutcomeRecordedSchema }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return bus.tx(async (sql) => {
        const recorded = await recordOutcome(
          sql,
          regionScope(actor),
          request.params.id,
          request.body.outcome,
          request.body.note ?? null,
          actor.name,
        );
        if (!recorded) throw problems.notFound(`supervision alert ${request.params.id}`);
        await auditRequest(sql, request, {
          action: 'supervision.outcome',
          subjectType: 'alert',
          subjectId: request.params.id,
          region: recorded.region,
          outcome: 'success',
          details: { outcome: request.body.outcome, hits: recorded.hits, closedEntry: recorded.closedEntry },
        });
        return recorded;
      });
    },
  );
}
