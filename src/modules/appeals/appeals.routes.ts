import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditRequest, IdParams, itemChecker, type Platform, problems, RegionCode, regionScope, requireRegion, Strict } from '../../core/index.js';
import { AppealRecord, RiskLabelSchema, appealStatuses } from './appeals.schema.js';
import { appealHistory, appealStats, findAppeal, listQueue, presentAppeal, presentQueueItem } from './appeals.repository.js';
import { actOnAppeal, ingestAppeal, type IntakeResult } from './appeals.service.js';
import type { ModelRegistry } from './model-registry.js';

const checkRecord = itemChecker(AppealRecord);
const BATCH_LIMIT = 1000;

const literals = (values: readonly string[]) => Type.Union(values.map((value) => Type.Literal(value)));

export async function appealRoutes(app: FastifyInstance, platform: Platform, registry: ModelRegistry): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db, bus } = platform;

  api.post('/api/appeals', {
    config: { permission: 'appeals.ingest' },
    schema: { tags: ['appeals'], summary: 'Take in one appeal and screen it; idempotent on externalId', body: AppealRecord },
  }, async (request, reply) => {
    const result = await bus.tx(async (sql) => ingestAppeal(sql, request.actor!, request.body, await registry.active(sql), request.id));
    return reply.code(result.status === 'created' ? 201 : 200).send(result);
  });

  api.post('/api/appeals/batch', {
    config: { permission: 'appeals.ingest', batchOf: 'appeals' },
    schema: {
      tags: ['appeals'],
      summary: `Take in up to ${BATCH_LIMIT} appeals; each is accepted or rejected on its own, with reasons`,
      body: Strict({ appeals: Type.Array(Type.Unknown(), { minItems: 1, maxItems: BATCH_LIMIT }) }),
    },
  }, async (request) => {
    const results: (IntakeResult | { index: number; externalId: unknown; status: 'rejected'; errors: { field: string; message: string }[] })[] = [];
    const valid: { index: number; record: AppealRecord }[] = [];
    request.body.appeals.forEach((value, index) => {
      if (checkRecord.check(value)) valid.push({ index, record: value });
      else results.push({ index, externalId: (value as { externalId?: unknown } | null)?.externalId ?? null, status: 'rejected', errors: checkRecord.errors(value) });
    });
    const actor = request.actor!;
    const outside = valid.filter(({ record }) => !(actor.regions.includes('*') || actor.regions.includes(record.region)));
    for (const { index, record } of outside) results.push({ index, externalId: record.externalId, status: 'rejected', errors: [{ field: '/region', message: 'outside the regions of this client' }] });
    const accepted = valid.filter((item) => !outside.includes(item));
    if (accepted.length > 0) {
      const stored = await bus.tx(async (sql) => {
        const classifier = await registry.active(sql);
        const out: (IntakeResult & { index: number })[] = [];
        for (const { index, record } of accepted) out.push({ index, ...(await ingestAppeal(sql, actor, record, classifier, request.id, { auditEach: false })) });
        const created = out.filter((result) => result.status === 'created');
        // One entry for the batch, naming every appeal it created: the same record of who wrote what, one chain link.
        await auditRequest(sql, request, { action: 'appeals.ingestedBatch', subjectType: 'appeal', outcome: 'success', details: { created: created.map((result) => result.id), duplicates: out.length - created.length } });
        return out;
      });
      results.push(...stored);
    }
    results.sort((a, b) => ('index' in a ? a.index : 0) - ('index' in b ? b.index : 0));
    const count = (status: string) => results.filter((result) => result.status === status).length;
    return { created: count('created'), duplicates: count('duplicate'), rejected: count('rejected'), results };
  });

  api.get('/api/appeals', {
    config: { permission: 'appeals.read' },
    schema: {
      tags: ['appeals'],
      summary: 'The analyst queue, newest first, within your regions (no text or personal data)',
      querystring: Strict({
        region: Type.Optional(RegionCode),
        label: Type.Optional(RiskLabelSchema),
        risk: Type.Optional(Type.Array(literals(['critical', 'high', 'medium', 'low']))),
        language: Type.Optional(literals(['kk', 'ru', 'en', 'kk-latn', 'mixed'])),
        status: Type.Optional(Type.Array(literals(appealStatuses))),
        sla: Type.Optional(literals(['overdue', 'due_soon'])),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        cursor: Type.Optional(Type.String({ maxLength: 200 })),
      }),
    },
  }, async (request) => {
    const { query } = request;
    if (query.region) requireRegion(request.actor!, query.region);
    const limit = query.limit ?? 50;
    let before: { receivedAt: string; id: string } | undefined;
    if (query.cursor) {
      const [receivedAt = '', id = ''] = Buffer.from(query.cursor, 'base64url').toString().split('|');
      if (Number.isNaN(Date.parse(receivedAt)) || !/^[0-9a-f-]{36}$/.test(id)) throw problems.validation('invalid cursor', [{ field: 'querystring/cursor', message: 'is invalid' }]);
      before = { receivedAt, id };
    }
    const rows = await listQueue(db, regionScope(request.actor!), { ...query, before, limit });
    const items = rows.map(presentQueueItem);
    const last = items[items.length - 1];
    return { items, nextCursor: items.length === limit && last ? Buffer.from(`${last.receivedAt ?? ''}|${last.id}`).toString('base64url') : null };
  });

  api.get('/api/appeals/stats', {
    config: { permission: 'appeals.read' },
    schema: { tags: ['appeals'], summary: 'Counts by label, region and week; share screened within a minute; model in use' },
  }, async (request) => {
    const stats = await appealStats(db, regionScope(request.actor!));
    const [model] = await db.query<{ version: string }>('select version from appeal_models where active');
    return { ...stats, modelVersion: model?.version ?? null };
  });

  api.get('/api/appeals/:id', {
    config: { permission: 'appeals.read' },
    schema: { tags: ['appeals'], summary: 'One appeal: text with the evidence to highlight, entities, history (the read is audited)', params: IdParams },
  }, async (request) => {
    return db.tx(async (sql) => {
      const row = await findAppeal(sql, regionScope(request.actor!), request.params.id);
      if (!row) throw problems.notFound(`appeal ${request.params.id}`);
      // The text of an appeal is personal data of the applicant and of the people it names.
      await auditRequest(sql, request, { action: 'appeals.viewed', subjectType: 'appeal', subjectId: row.id, region: row.region, outcome: 'success' });
      return { ...presentAppeal(row), history: await appealHistory(sql, row.id) };
    });
  });

  api.post('/api/appeals/:id/reveal', {
    config: { permission: 'appeals.reveal' },
    schema: { tags: ['appeals'], summary: 'The applicant’s personal data, for a stated purpose (audited)', params: IdParams, body: Strict({ purpose: Type.String({ minLength: 10, maxLength: 500 }) }) },
  }, async (request) => {
    return db.tx(async (sql) => {
      const row = await findAppeal(sql, regionScope(request.actor!), request.params.id);
      if (!row) throw problems.notFound(`appeal ${request.params.id}`);
      const [personal] = await sql.query<{ applicant: Record<string, string> | null }>('select applicant from appeals where id = $1', [row.id]);
      await auditRequest(sql, request, { action: 'appeals.applicantRevealed', subjectType: 'appeal', subjectId: row.id, region: row.region, outcome: 'success', purpose: request.body.purpose.trim() });
      return { applicant: personal?.applicant ?? {} };
    });
  });

  const act = (action: 'confirm' | 'correct' | 'escalate' | 'route' | 'close', body: ReturnType<typeof Strict>, summary: string) =>
    api.post(`/api/appeals/:id/${action}`, { config: { permission: 'appeals.act' }, schema: { tags: ['appeals'], summary, params: IdParams, body } }, async (request) => {
      const input = request.body as { note?: string; labels?: string[]; agency?: string; outcome?: string; reason?: string };
      return bus.tx((sql) => actOnAppeal(sql, request.actor!, request.params.id, action, { note: input.note ?? input.outcome ?? input.reason, labels: input.labels, agency: input.agency }, request.id));
    });
  act('confirm', Strict({ note: Type.Optional(Type.String({ maxLength: 2000 })) }), 'Confirm the model’s labels');
  act('correct', Strict({ labels: Type.Array(RiskLabelSchema, { maxItems: 7, uniqueItems: true }), note: Type.Optional(Type.String({ maxLength: 2000 })) }), 'Correct the labels (feeds the next training run)');
  act('escalate', Strict({ reason: Type.String({ minLength: 3, maxLength: 2000 }) }), 'Escalate to a prosecutor');
  act('route', Strict({ agency: Type.String({ minLength: 1, maxLength: 64 }), note: Type.Optional(Type.String({ maxLength: 2000 })) }), 'Route to the responsible agency');
  act('close', Strict({ outcome: Type.String({ minLength: 3, maxLength: 2000 }) }), 'Close with an outcome');
}
