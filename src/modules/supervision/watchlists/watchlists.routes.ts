import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  actorOf,
  auditRequest,
  problems,
  regionScope,
  requireRegion,
  withProblems,
} from '../../../core/index.js';
import type { SupervisionContext } from '../supervision.settings.js';
import { EntryAnswerSchema, WatchlistSchema } from './watchlists.contract.js';
import { closeEntry, createEntry, listEntries, presentEntry } from './watchlists.repository.js';
import { CloseEntryBody, EntryParams, NewEntryBody, WatchlistQuery } from './watchlists.schema.js';

/** The watchlist of wanted persons and vehicles: the wanted-persons register's feed, or an officer. */
export async function watchlistRoutes(app: FastifyInstance, platform: SupervisionContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;

  api.get(
    '/api/supervision/watchlist',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags: ['supervision'],
        summary: 'Watchlist entries in your regions, personal data masked',
        querystring: WatchlistQuery,
        response: withProblems({ 200: WatchlistSchema }),
      },
    },
    async (request) => ({
      items: (
        await listEntries(
          db,
          regionScope(actorOf(request)),
          request.query.status ?? 'active',
          request.query.limit ?? 100,
        )
      ).map(presentEntry),
    }),
  );

  api.post(
    '/api/supervision/watchlist',
    {
      config: { permission: 'supervision.watchlist' },
      schema: {
        tags: ['supervision'],
        summary:
          'Put a wanted person or vehicle on the watchlist (the wanted-persons register’s feed, or an officer)',
        body: NewEntryBody,
        response: withProblems({ 201: EntryAnswerSchema }),
      },
    },
    async (request, reply) => {
      const body = request.body;
      requireRegion(actorOf(request), body.region);
      if (body.kind === 'person' && !body.fullName && !body.iin)
        throw problems.validation('a person needs a name or an IIN', [
          { field: 'body/fullName', message: 'required without iin' },
        ]);
      if (body.kind === 'vehicle' && !body.plate)
        throw problems.validation('a vehicle needs a plate', [{ field: 'body/plate', message: 'required' }]);
      const entry = await db.tx(async (sql) => {
        const created = await createEntry(sql, { ...body, id: body.id ?? `W-${randomUUID().slice(0, 8)}` });
        await auditRequest(sql, request, {
          action: 'supervision.watchlistAdded',
          subjectType: 'watchlist_entry',
          subjectId: created.id,
          region: body.region,
          outcome: 'success',
          details: { kind: body.kind, dangerLevel: body.dangerLevel },
        });
        return created;
      });
      return reply.code(201).send({ entry: presentEntry(entry) });
    },
  );

  api.post(
    '/api/supervision/watchlist/:id/close',
    {
      config: { permission: 'supervision.watchlist' },
      schema: {
        tags: ['supervision'],
        summary: 'Close a watchlist entry (detained, cancelled, found elsewhere)',
        params: EntryParams,
        body: CloseEntryBody,
        response: withProblems({ 200: EntryAnswerSchema }),
      },
    },
    async (request) => {
      const scope = regionScope(actorOf(request));
      const entry = await db.tx(async (sql) => {
        const closed = await closeEntry(sql, scope, request.params.id, request.body.reason, false);
        if (!closed) throw problems.notFound(`watchlist entry ${request.params.id}`);
        await auditRequest(sql, request, {
          action: 'supervision.watchlistClosed',
          subjectType: 'watchlist_entry',
          subjectId: closed.id,
          region: closed.region,
          outcome: 'success',
          details: { reason: request.body.reason },
        });
        return closed;
      });
      return { entry: presentEntry(entry) };
    },
  );
}
