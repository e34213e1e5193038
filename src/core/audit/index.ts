import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import type { Sql } from '../db/db.js';
import { appendAudit } from './audit.repository.js';
import type { AuditEntryInput } from './audit.types.js';

export { appendAudit, appendAuditEntries } from './audit.repository.js';
export { verifyAuditLog, type VerifyResult } from './audit.service.js';
export type { AuditEntryInput, AuditOutcome } from './audit.types.js';

export const actorRef = (actor: Actor) => ({ type: actor.type, id: actor.id, name: actor.name });

/** Audits an action taken through HTTP: the actor and request id come from the request. */
export function auditRequest(
  sql: Sql,
  request: FastifyRequest,
  entry: Omit<AuditEntryInput, 'actor' | 'requestId'>,
) {
  const actor = request.actor;
  return appendAudit(sql, {
    ...entry,
    actor: actor ? actorRef(actor) : { type: 'anonymous', id: null, name: null },
    requestId: request.id,
  });
}
