import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Strict } from '../http/schemas.js';
import type { Platform } from '../platform.js';
import { listAudit } from './audit.repository.js';
import { verifyAuditLog } from './audit.service.js';
import type { AuditKeys } from './checkpoint-key.js';
import type { AuditRow } from './audit.types.js';
import { AuditPageSchema, PublicKeySchema, VerifyResultSchema } from './audit.contract.js';
import { withProblems } from '../http/schemas.js';

const present = (row: AuditRow) => ({
  seq: Number(row.seq),
  at: new Date(row.at).toISOString(),
  actor: { id: row.actor_id, type: row.actor_type, name: row.actor_name },
  action: row.action,
  subjectType: row.subject_type,
  subjectId: row.subject_id,
  region: row.region,
  requestId: row.request_id,
  outcome: row.outcome,
  purpose: row.purpose,
  details: row.details,
});

export async function auditRoutes(
  app: FastifyInstance,
  platform: Omit<Platform, 'log'>,
  keys: AuditKeys,
): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;

  api.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first',
        querystring: Strict({
          actor: Type.Optional(Type.String({ maxLength: 100 })),
          action: Type.Optional(Type.String({ maxLength: 100 })),
          outcome: Type.Optional(
            Type.Union([Type.Literal('success'), Type.Literal('denied'), Type.Literal('failure')]),
          ),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          cursor: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        response: withProblems({ 200: AuditPageSchema }),
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 100;
      const rows = await listAudit(db, { ...request.query, beforeSeq: request.query.cursor, limit });
      const items = rows.map(present);
      const last = items[items.length - 1];
      return { items, nextCursor: items.length === limit && last ? last.seq : null };
    },
  );

  api.get(
    '/api/audit/verify',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary:
          'Re-checks the hash chain and the signed checkpoints; lists any edited, deleted, reordered, truncated or re-hashed entry',
        response: withProblems({ 200: VerifyResultSchema }),
      },
    },
    () => verifyAuditLog(db, keys.verifiers),
  );

  api.get(
    '/api/audit/public-key',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The public key that verifies the audit log’s signed checkpoints (Ed25519, base64)',
        response: withProblems({ 200: PublicKeySchema }),
      },
    },
    () => ({ keyId: keys.signer?.keyId ?? null, publicKey: keys.signer?.publicKey ?? null }),
  );
}
