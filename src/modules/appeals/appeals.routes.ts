import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  actorOf,
  auditRequest,
  IdParams,
  itemChecker,
  type Platform,
  problems,
  ProblemSchema,
  regionScope,
  requireRegion,
  withProblems,
} from '../../core/index.js';
import {
  AppealDetailSchema,
  AppealPageSchema,
  AppealStatsSchema,
  BatchResultSchema,
  IntakeResultSchema,
  RevealedApplicantSchema,
  type BatchAccepted,
  type BatchRejected,
} from './appeals.contract.js';
import {
  ActionBodies,
  AppealRecord,
  BATCH_LIMIT,
  BatchBody,
  QueueQuery,
  RevealBody,
} from './appeals.schema.js';
import {
  appealApplicant,
  appealHistory,
  appealStats,
  findAppeal,
  listQueue,
  presentAppeal,
  presentQueueItem,
} from './appeals.repository.js';
import { actOnAppeal, type AppealAction, ingestAppeal } from './appeals.service.js';
import { activeModelVersion } from './models/models.repository.js';
import type { ModelRegistry } from './models/models.service.js';

const checkRecord = itemChecker(AppealRecord);

function decodeCursor(cursor: string): { receivedAt: string; id: string } {
  const [receivedAt = '', id = ''] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (Number.isNaN(Date.parse(receivedAt)) || !/^[0-9a-f-]{36}$/.test(id))
    throw problems.validation('invalid cursor', [{ field: 'querystring/cursor', message: 'is invalid' }]);
  return { receivedAt, id };
}

export async function appealRoutes(
  app: FastifyInstance,
  platform: Platform,
  registry: ModelRegistry,
): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db, bus } = platform;

  api.post(
    '/api/appeals',
    {
      config: { permission: 'appeals.ingest' },
      schema: {
        tags: ['appeals'],
        summary: 'Take in one appeal and screen it; idempotent on externalId',
        body: AppealRecord,
        response: withProblems({ 200: IntakeResultSchema, 201: IntakeResultSchema }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await bus.tx(async (sql) =>
        ingestAppeal(sql, actor, request.body, await registry.active(sql), request.id),
      );
      return reply.code(result.status === 'created' ? 201 : 200).send(result);
    },
  );

  api.post(
    '/api/appeals/batch',
    {
      config: { permission: 'appeals.ingest', batchOf: 'appeals' },
      schema: {
        tags: ['appeals'],
        summary: `Take in up to ${BATCH_LIMIT} appeals; each is accepted or rejected on its own, with reasons`,
        body: BatchBody,
        response: withProblems({ 200: BatchResultSchema }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const results: (BatchAccepted | BatchRejected)[] = [];
      const valid: { index: number; record: AppealRecord }[] = [];
      request.body.appeals.forEach((value, index) => {
        if (checkRecord.check(value)) valid.push({ index, record: value });
        else
          results.push({
            index,
            externalId: (value as { externalId?: unknown } | null)?.externalId ?? null,
            status: 'rejected',
            errors: checkRecord.errors(value),
          });
      });
      const outside = valid.filter(
        ({ record }) => !(actor.regions.includes('*') || actor.regions.includes(record.region)),
      );
      for (const { index, record } of outside)
        results.push({
          index,
          externalId: record.externalId,
          status: 'rejected',
          errors: [{ field: '/region', message: 'outside the regions of this client' }],
        });
      const accepted = valid.filter((item) => !outside.includes(item));
      if (accepted.length > 0) {
        const stored = await bus.tx(async (sql) => {
          const classifier = await registry.active(sql);
          const out: BatchAccepted[] = [];
          for (const { index, record } of accepted)
            out.push({
              index,
              ...(await ingestAppeal(sql, actor, record, classifier, request.id, { auditEach: false })),
            });
          const created = out.filter((result) => result.status === 'created');
          // One entry for the batch, naming every appeal it created: the same record of who wrote what, one chain link.
          await auditRequest(sql, request, {
            action: 'appeals.ingestedBatch',
            subjectType: 'appeal',
            outcome: 'success',
            details: { created: created.map((result) => result.id), duplicates: out.length - created.length },
          });
          return out;
        });
        results.push(...stored);
      }
      results.sort((a, b) => a.index - b.index);
      const count = (status: string) => results.filter((result) => result.status === status).length;
      return {
        created: count('created'),
        duplicates: count('duplicate'),
        rejected: count('rejected'),
        results,
      };
    },
  );

  api.get(
    '/api/appeals',
    {
      config: { permission: 'appeals.read' },
      schema: {
        tags: ['appeals'],
        summary: 'The analyst queue, newest first, within your regions (no text or personal data)',
        querystring: QueueQuery,
        response: withProblems({ 200: AppealPageSchema }),
      },
    },
    async (request) => {
      const { query } = request;
      const actor = actorOf(request);
      if (query.region) requireRegion(actor, query.region);
      const limit = query.limit ?? 50;
      const before = query.cursor ? decodeCursor(query.cursor) : undefined;
      const rows = await listQueue(db, regionScope(actor), { ...query, before, limit });
      const items = rows.map(presentQueueItem);
      const last = items[items.length - 1];
      return {
        items,
        nextCursor:
          items.length === limit && last
            ? Buffer.from(`${last.receivedAt}|${last.id}`).toString('base64url')
            : null,
      };
    },
  );

  api.get(
    '/api/appeals/stats',
    {
      config: { permission: 'appeals.read' },
      schema: {
        tags: ['appeals'],
        summary: 'Counts by label, region and week; share screened within a minute; model in use',
        response: withProblems({ 200: AppealStatsSchema }),
      },
    },
    async (request) => {
      const stats = await appealStats(db, regionScope(actorOf(request)));
      return { ...stats, modelVersion: await activeModelVersion(db) };
    },
  );

  api.get(
    '/api/appeals/:id',
    {
      config: { permission: 'appeals.read' },
      schema: {
        tags: ['appeals'],
        summary: 'One appeal: text with the evidence to highlight, entities, history (the read is audited)',
        params: IdParams,
        response: withProblems({ 200: AppealDetailSchema }),
      },
    },
    async (request) => {
      const scope = regionScope(actorOf(request));
      return db.tx(async (sql) => {
        const row = await findAppeal(sql, scope, request.params.id);
        if (!row) throw problems.notFound(`appeal ${request.params.id}`);
        // The text of an appeal is personal data of the applicant and of the people it names.
        await auditRequest(sql, request, {
          action: 'appeals.viewed',
          subjectType: 'appeal',
          subjectId: row.id,
          region: row.region,
          outcome: 'success',
        });
        return presentAppeal(row, await appealHistory(sql, row.id));
      });
    },
  );

  api.post(
    '/api/appeals/:id/reveal',
    {
      config: { permission: 'appeals.reveal' },
      schema: {
        tags: ['appeals'],
        summary: 'The applicant’s personal data, for a stated purpose (audited)',
        params: IdParams,
        body: RevealBody,
        response: withProblems({ 200: RevealedApplicantSchema }),
      },
    },
    async (request) => {
      const scope = regionScope(actorOf(request));
      return db.tx(async (sql) => {
        const row = await findAppeal(sql, scope, request.params.id);
        if (!row) throw problems.notFound(`appeal ${request.params.id}`);
        const applicant = await appealApplicant(sql, row.id);
        await auditRequest(sql, request, {
          action: 'appeals.applicantRevealed',
          subjectType: 'appeal',
          subjectId: row.id,
          region: row.region,
          outcome: 'success',
          purpose: request.body.purpose.trim(),
        });
        return { applicant };
      });
    },
  );

  const act = (action: AppealAction, summary: string) =>
    api.post(
      `/api/appeals/:id/${action}`,
      {
        config: { permission: 'appeals.act' },
        schema: {
          tags: ['appeals'],
          summary,
          params: IdParams,
          body: ActionBodies[action],
          response: withProblems({ 200: AppealDetailSchema, 409: ProblemSchema }),
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const input: {
          note?: string;
          labels?: string[];
          agency?: string;
          outcome?: string;
          reason?: string;
        } = request.body;
        return bus.tx((sql) =>
          actOnAppeal(
            sql,
            actor,
            request.params.id,
            action,
            { note: input.note ?? input.outcome ?? input.reason, labels: input.labels, agency: input.agency },
            request.id,
          ),
        );
      },
    );
  act('confirm', 'Confirm the model’s labels');
  act('correct', 'Correct the labels (feeds the next training run)');
  act('escalate', 'Escalate to a prosecutor');
  act('route', 'Route to the responsible agency');
  act('close', 'Close with an outcome');
}
