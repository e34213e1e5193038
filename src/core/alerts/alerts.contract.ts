import { Type, type Static } from 'typebox';
import { Nullable, oneOf } from '../http/builders.contract.js';

/**
 * What the alert inbox's routes answer: the schemas that serialise each response and document it in the OpenAPI
 * document, and the types the server and the dashboard both derive from them. Imports typebox only, so the
 * dashboard can take these types without the server.
 */
export const severities = ['critical', 'high', 'medium', 'low'] as const;
export const alertStatuses = [
  'new',
  'acknowledged',
  'assigned',
  'resolved',
  'false_positive',
  'escalated',
] as const;

export const SeveritySchema = oneOf(severities);
export const AlertStatusSchema = oneOf(alertStatuses);
export type Severity = Static<typeof SeveritySchema>;
export type AlertStatus = Static<typeof AlertStatusSchema>;

export const AlertSubjectSchema = Type.Object({
  type: Type.String(),
  id: Type.String(),
  label: Type.String({ description: 'shown in lists: masked where it names a person' }),
});
export type AlertSubject = Static<typeof AlertSubjectSchema>;

/** An alert as every list, stream and webhook shows it: personal data masked. */
export const AlertViewSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  module: Type.String(),
  kind: Type.String(),
  severity: SeveritySchema,
  status: AlertStatusSchema,
  region: Type.String(),
  subject: AlertSubjectSchema,
  title: Type.String(),
  summary: Type.String({ description: 'why, in words an analyst can check' }),
  evidence: Type.Record(Type.String(), Type.Unknown()),
  assignee: Nullable(Type.Object({ id: Type.String(), displayName: Type.String() })),
  outcome: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  commentsCount: Type.Integer(),
});
export type AlertView = Static<typeof AlertViewSchema>;

export const AlertPageSchema = Type.Object({
  items: Type.Array(AlertViewSchema),
  nextCursor: Nullable(Type.String()),
});
export type AlertPage = Static<typeof AlertPageSchema>;

export const AlertHistoryEntrySchema = Type.Object({
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  action: Type.String(),
  fromStatus: Nullable(AlertStatusSchema),
  toStatus: Nullable(AlertStatusSchema),
  note: Nullable(Type.String()),
});
export type AlertHistoryEntry = Static<typeof AlertHistoryEntrySchema>;

export const AlertCommentSchema = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  author: Type.String(),
  body: Type.String(),
});
export type AlertComment = Static<typeof AlertCommentSchema>;

export const AlertDetailSchema = Type.Object({
  ...AlertViewSchema.properties,
  history: Type.Array(AlertHistoryEntrySchema),
  comments: Type.Array(AlertCommentSchema),
});
export type AlertDetail = Static<typeof AlertDetailSchema>;

const Tally = Type.Record(Type.String(), Type.Integer());
export const AlertSummarySchema = Type.Object({
  open: Type.Integer(),
  byRegion: Tally,
  bySeverity: Tally,
  byModule: Tally,
  byStatus: Tally,
});
export type AlertSummary = Static<typeof AlertSummarySchema>;

export const RaiseResultSchema = Type.Object({ alert: AlertViewSchema, deduplicated: Type.Boolean() });
export type RaiseResult = Static<typeof RaiseResultSchema>;

export const RevealedSubjectSchema = Type.Object({
  subject: Type.Record(Type.String(), Type.Unknown(), {
    description: 'the personal data behind the subject, unmasked',
  }),
});
export type RevealedSubject = Static<typeof RevealedSubjectSchema>;
