import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  actorOf,
  auditRequest,
  canSeeRegion,
  maskIin,
  maskName,
  problems,
  regionScope,
  withProblems,
} from '../../../core/index.js';
import type { SupervisionContext } from '../supervision.settings.js';
import { findSourceState } from '../sources/sources.repository.js';
import { searchObservations } from './observation-search.js';
import { IntakeResultSchema, ObservationSearchResultSchema } from './observations.contract.js';
import { IntakeBody, SearchBody } from './observations.schema.js';
import { acceptObservations, isDataError } from './observations.service.js';

/** Observations in over HTTP (connectors holding an API key), and the purpose-stated search of what is stored. */
export async function observationRoutes(
  app: FastifyInstance,
  platform: SupervisionContext,
  onAccepted: () => void,
): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;

  api.post(
    '/api/observations',
    {
      config: { permission: 'observations.ingest' },
      schema: {
        tags: ['supervision'],
        summary:
          'Take in up to 1,000 observations of one source; idempotent on (source, externalId); bad ones go to the dead-letter table with the reason',
        body: IntakeBody,
        response: withProblems({ 200: IntakeResultSchema }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const source = await findSourceState(db, request.body.source);
      if (source && !canSeeRegion(actor, source.region)) throw problems.regionForbidden(source.region);
      const result = await db
        .tx(async (sql) => {
          const accepted = await acceptObservations(
            sql,
            'http',
            request.body.source,
            request.body.observations,
          );
          // One entry per batch, not per observation: who sent how many for which source.
          await auditRequest(sql, request, {
            action: 'observations.ingested',
            subjectType: 'source',
            subjectId: request.body.source,
            region: source?.region,
            outcome: 'success',
            details: {
              accepted: accepted.accepted,
              duplicates: accepted.duplicates,
              rejected: accepted.rejected.length,
            },
          });
          return accepted;
        })
        .catch((error: unknown) => {
          // Text the schema allows but the database cannot hold (a lone surrogate in an attribute): the batch is refused whole.
          if (isDataError(error))
            throw problems.validation(
              `an observation holds data the database cannot store (${(error as Error).message}); nothing was stored`,
            );
          throw error;
        });
      if (result.accepted) onAccepted();
      return result;
    },
  );

  api.post(
    '/api/supervision/observations/search',
    {
      config: { permission: 'supervision.search' },
      schema: {
        tags: ['supervision'],
        summary:
          'Search stored observations for a person or vehicle; requires a stated purpose, and the search is audited',
        body: SearchBody,
        response: withProblems({ 200: ObservationSearchResultSchema }),
      },
    },
    async (request) => {
      const { purpose, ...query } = request.body;
      if (!query.iin && !query.name && !query.plate)
        throw problems.validation('search for an IIN, a name or a plate', [
          { field: 'body/iin', message: 'one of iin, name, plate is required' },
        ]);
      const scope = regionScope(actorOf(request));
      return db.tx(async (sql) => {
        const result = await searchObservations(sql, scope, query);
        // The log records who looked for whom and why; what was searched for is masked, like everywhere else.
        await auditRequest(sql, request, {
          action: 'supervision.observationsSearched',
          subjectType: 'observation_search',
          outcome: 'success',
          purpose,
          details: {
            iin: query.iin ? maskIin(query.iin) : null,
            name: query.name ? maskName(query.name) : null,
            plate: query.plate ?? null,
            found: result.items.length,
          },
        });
        return result;
      });
    },
  );
}
