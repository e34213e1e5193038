import { Type, type Static } from 'typebox';
import { Nullable, oneOf, Timestamp } from '../http/builders.contract.js';

/** What the audit routes answer. */
export const AuditEntrySchema = Type.Object({
  seq: Type.Integer(),
  at: Timestamp(),
  actor: Type.Object({ id: Nullable(Type.String()), type: Type.String(), name: Nullable(Type.String()) }),
  action: Type.String(),
  subjectType: Nullable(Type.String()),
  subjectId: Nullable(Type.String()),
  region: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  outcome: Type.String(),
  purpose: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type AuditEntry = Static<typeof AuditEntrySchema>;
export const AuditPageSchema = Type.Object({
  items: Type.Array(AuditEntrySchema),
  nextCursor: Nullable(Type.Integer()),
});

export const problemKinds = [
  'edited',
  'deleted',
  'reordered',
  'truncated',
  'rehashed',
  'forged',
  'unverifiable',
] as const;
export const VerifyResultSchema = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  head: Nullable(Type.Object({ seq: Type.Integer(), hash: Type.String() })),
  problems: Type.Array(
    Type.Object({ seq: Type.Integer(), kind: oneOf(problemKinds), message: Type.String() }),
  ),
  checkpoints: Type.Object({
    count: Type.Integer(),
    keys: Type.Array(Type.Object({ keyId: Type.String(), known: Type.Boolean() })),
    newest: Nullable(Type.Object({ at: Timestamp(), headSeq: Type.Integer() })),
    uncovered: Type.Integer({
      description: 'entries newer than the newest checkpoint, covered by the hash chain alone',
    }),
  }),
});
export type VerifyResult = Static<typeof VerifyResultSchema>;

export const PublicKeySchema = Type.Object({
  keyId: Nullable(Type.String()),
  publicKey: Nullable(Type.String({ description: 'Ed25519, 32 bytes, base64' })),
});
