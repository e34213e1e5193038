import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  actorOf,
  auditRequest,
  canSeeRegion,
  itemChecker,
  type ItemChecker,
  type Platform,
  withProblems,
} from '../../../core/index.js';
import {
  CountsIngestedSchema,
  RecordsIngestedSchema,
  type CountsIngested,
  type FieldError,
  type RecordsIngested,
  type RejectedItem,
} from './offences.contract.js';
import { AggregateCount, BATCH_LIMIT, CountsBatch, OffenceRecord, RecordsBatch } from './offences.schema.js';
import { countProblems, ingestCounts, ingestRecords, recordProblems } from './offences.service.js';

function validate<T>(
  items: readonly unknown[],
  check: ItemChecker<T>,
  extra: (item: T) => FieldError[],
  region: (item: T) => string,
  allowed: (region: string) => boolean,
) {
  const valid: T[] = [];
  const rejected: RejectedItem[] = [];
  items.forEach((item, index) => {
    if (!check.check(item)) {
      rejected.push({ index, errors: check.errors(item) });
      return;
    }
    const errors = extra(item);
    if (!allowed(region(item)))
      errors.push({ field: '/region', message: 'outside the regions of this client' });
    if (errors.length) rejected.push({ index, errors });
    else valid.push(item);
  });
  return { valid, rejected };
}

const checkRecord = itemChecker(OffenceRecord);
const checkCount = itemChecker(AggregateCount);

export async function offenceRoutes(
  app: FastifyInstance,
  platform: Platform,
  onChange: () => void,
): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { bus } = platform;

  api.post(
    '/api/offences',
    {
      config: { permission: 'offences.ingest', batchOf: 'records' },
      schema: {
        tags: ['forecasting'],
        summary: `Take in up to ${String(BATCH_LIMIT)} registered offences; idempotent on recordId; each record is accepted or rejected on its own`,
        body: RecordsBatch,
        response: withProblems({ 200: RecordsIngestedSchema }),
      },
    },
    async (request): Promise<RecordsIngested> => {
      const actor = actorOf(request);
      const { valid, rejected } = validate<OffenceRecord>(
        request.body.records,
        checkRecord,
        (record) => recordProblems(record),
        (record) => record.region,
        (region) => canSeeRegion(actor, region),
      );
      const summary = valid.length
        ? await bus.tx(async (sql) => {
            const result = await ingestRecords(sql, actor.name, valid);
            await auditRequest(sql, request, {
              action: 'offences.ingested',
              subjectType: 'offence_batch',
              outcome: 'success',
              details: { created: result.created, duplicates: result.duplicates, rejected: rejected.length },
            });
            return result;
          })
        : { created: 0, duplicates: 0 };
      if (summary.created) onChange();
      return {
        created: summary.created,
        duplicates: summary.duplicates,
        rejected: rejected.length,
        errors: rejected,
      };
    },
  );

  api.post(
    '/api/offences/counts',
    {
      config: { permission: 'offences.ingest', batchOf: 'counts' },
      schema: {
        tags: ['forecasting'],
        summary:
          'Take in published totals (region, chapter, period, count) from a source that gives no records; a resent total replaces the earlier one',
        body: CountsBatch,
        response: withProblems({ 200: CountsIngestedSchema }),
      },
    },
    async (request): Promise<CountsIngested> => {
      const actor = actorOf(request);
      const { valid, rejected } = validate<AggregateCount>(
        request.body.counts,
        checkCount,
        (row) => countProblems(row),
        (row) => row.region,
        (region) => canSeeRegion(actor, region),
      );
      const stored = valid.length
        ? await bus.tx(async (sql) => {
            const result = await ingestCounts(sql, request.body.source, valid);
            await auditRequest(sql, request, {
              action: 'offences.countsIngested',
              subjectType: 'offence_batch',
              outcome: 'success',
              details: { source: request.body.source, stored: result.stored, rejected: rejected.length },
            });
            return result.stored;
          })
        : 0;
      if (stored) onChange();
      return { stored, rejected: rejected.length, errors: rejected };
    },
  );
}
