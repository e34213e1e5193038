import { Type, type Static, type TSchema } from 'typebox';

/**
 * What the appeals routes answer: the schemas that serialise each response and document it in the OpenAPI document,
 * and the types the server and the dashboard both derive from them. Imports typebox only, so the dashboard can take
 * these types without the server. The vocabularies below spell out the screening engine's own (model/labels.ts,
 * text/language.ts, text/entities.ts, model/risk-level.ts); appeals.schema.ts stops compiling if they part ways.
 */
export const riskLabels = [
  'violence',
  'threat',
  'self_harm',
  'corruption',
  'bullying',
  'fraud',
  'drugs',
] as const;
export const riskLevels = ['critical', 'high', 'medium', 'low'] as const;
export const appealLanguages = ['kk', 'ru', 'en', 'kk-latn', 'mixed'] as const;
export const appealStatuses = ['new', 'confirmed', 'escalated', 'routed', 'closed'] as const;
export const entityKinds = [
  'phone',
  'card',
  'iin',
  'url',
  'telegram',
  'instagram',
  'handle',
  'email',
  'crypto_wallet',
  'plate',
] as const;
export const aggravatingKinds = ['minor', 'weapon', 'official', 'repeat'] as const;
export const textFields = ['subject', 'text'] as const;

/** One of these strings (an enum: one clear error, and a union type). */
const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

export const RiskLabelSchema = oneOf(riskLabels);
export const RiskLevelSchema = oneOf(riskLevels);
export const AppealLanguageSchema = oneOf(appealLanguages);
export const AppealStatusSchema = oneOf(appealStatuses);
export type RiskLabel = Static<typeof RiskLabelSchema>;
export type RiskLevel = Static<typeof RiskLevelSchema>;
export type AppealLanguage = Static<typeof AppealLanguageSchema>;
export type AppealStatus = Static<typeof AppealStatusSchema>;
export type EntityKind = (typeof entityKinds)[number];
export type TextField = (typeof textFields)[number];

/** An object keyed by risk label, each label present or not: a record in the schema, a partial record in the type. */
const ByLabel = <T extends TSchema>(value: T) =>
  Type.Unsafe<Partial<Record<RiskLabel, Static<T>>>>(Type.Record(Type.String(), value));

/** What intake answers for one appeal, new or already known by its external id. */
export const IntakeResultSchema = Type.Object({
  externalId: Type.String(),
  status: oneOf(['created', 'duplicate'] as const),
  id: Type.String({ format: 'uuid' }),
  riskLevel: RiskLevelSchema,
  labels: Type.Array(RiskLabelSchema),
  alertId: Nullable(
    Type.String({ format: 'uuid', description: 'the alert raised for a high or critical appeal' }),
  ),
});
export type IntakeResult = Static<typeof IntakeResultSchema>;

export const FieldErrorSchema = Type.Object({ field: Type.String(), message: Type.String() });

export const BatchAcceptedSchema = Type.Object({ index: Type.Integer(), ...IntakeResultSchema.properties });
export type BatchAccepted = Static<typeof BatchAcceptedSchema>;

export const BatchRejectedSchema = Type.Object({
  index: Type.Integer(),
  externalId: Type.Unknown({ description: 'as sent, when the record had one' }),
  status: Type.Literal('rejected'),
  errors: Type.Array(FieldErrorSchema),
});
export type BatchRejected = Static<typeof BatchRejectedSchema>;

export const BatchResultSchema = Type.Object({
  created: Type.Integer(),
  duplicates: Type.Integer(),
  rejected: Type.Integer(),
  results: Type.Array(Type.Union([BatchAcceptedSchema, BatchRejectedSchema]), {
    description: 'one per record sent, in its order',
  }),
});
export type BatchResult = Static<typeof BatchResultSchema>;

/** The queue row: no text and no personal data, only what triage needs. */
export const AppealQueueItemSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  externalId: Type.String(),
  receivedAt: DateTime,
  region: Type.String(),
  subject: Nullable(Type.String()),
  applicant: Type.String({ description: 'masked, e.g. "С***** А. Б., ИИН 85********20"' }),
  language: AppealLanguageSchema,
  labels: Type.Array(RiskLabelSchema, {
    description: 'the analyst’s labels when corrected or confirmed, else the model’s',
  }),
  modelLabels: Type.Array(RiskLabelSchema),
  riskLevel: RiskLevelSchema,
  status: AppealStatusSchema,
  slaDueAt: DateTime,
  overdue: Type.Boolean({ description: 'still new past its term to a first action' }),
  routeAgency: Nullable(Type.String()),
});
export type AppealQueueItem = Static<typeof AppealQueueItemSchema>;

export const AppealPageSchema = Type.Object({
  items: Type.Array(AppealQueueItemSchema),
  nextCursor: Nullable(Type.String()),
});
export type AppealPage = Static<typeof AppealPageSchema>;

export const EvidencePhraseSchema = Type.Object({
  text: Type.String(),
  start: Type.Integer(),
  end: Type.Integer(),
  weight: Type.Number({ description: 'the phrase’s share of the evidence for its label, 0..1' }),
  field: Type.Optional(oneOf(textFields)),
});
export type EvidencePhrase = Static<typeof EvidencePhraseSchema>;

export const AggravatingSchema = Type.Object({ kind: oneOf(aggravatingKinds), phrase: Type.String() });
export type Aggravating = Static<typeof AggravatingSchema>;

export const ExplanationSchema = Type.Object({
  summary: Type.String(),
  thresholds: Type.Optional(
    ByLabel(
      Type.Number({ description: 'the label’s decision threshold in the model that screened the appeal' }),
    ),
  ),
  labels: ByLabel(Type.Array(EvidencePhraseSchema)),
  aggravating: Type.Array(AggravatingSchema),
});
export type Explanation = Static<typeof ExplanationSchema>;

export const AppealEntitySchema = Type.Object({
  kind: oneOf(entityKinds),
  value: Type.String({ description: 'canonical: digits only for numbers, lower case for handles' }),
  start: Type.Integer(),
  end: Type.Integer(),
  detail: Type.Optional(Type.String()),
  field: Type.Optional(oneOf(textFields)),
});
export type AppealEntity = Static<typeof AppealEntitySchema>;

export const AttachmentSchema = Type.Object({
  name: Type.String(),
  mimeType: Type.String(),
  size: Type.Integer(),
});
export type Attachment = Static<typeof AttachmentSchema>;

export const AppealHistoryEntrySchema = Type.Object({
  at: DateTime,
  actor: Type.String(),
  action: Type.String(),
  note: Nullable(Type.String()),
  labels: Nullable(Type.Array(RiskLabelSchema)),
});
export type AppealHistoryEntry = Static<typeof AppealHistoryEntrySchema>;

const appealProperties = {
  ...AppealQueueItemSchema.properties,
  submittedAt: DateTime,
  channel: Type.String(),
  addressee: Nullable(Type.String()),
  text: Type.String(),
  attachments: Type.Array(AttachmentSchema),
  scores: ByLabel(Type.Number({ description: 'calibrated probability' })),
  explanation: ExplanationSchema,
  entities: Type.Array(AppealEntitySchema),
  topic: Nullable(Type.String()),
  modelVersion: Type.String(),
  screenedAt: DateTime,
  outcome: Nullable(Type.String()),
  closedAt: Nullable(DateTime),
  alertId: Nullable(Type.String({ format: 'uuid' })),
};

/** One appeal as its reader sees it, with what the model found and what analysts did (GET and every action). */
export const AppealDetailSchema = Type.Object({
  ...appealProperties,
  history: Type.Array(AppealHistoryEntrySchema),
});
export type AppealDetail = Static<typeof AppealDetailSchema>;

export const ApplicantSchema = Type.Object({
  name: Type.Optional(Type.String()),
  iin: Type.Optional(Type.String()),
  phone: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
});
export type Applicant = Static<typeof ApplicantSchema>;

export const RevealedApplicantSchema = Type.Object({ applicant: ApplicantSchema });
export type RevealedApplicant = Static<typeof RevealedApplicantSchema>;

const Share = Type.Object({ total: Type.Integer(), risky: Type.Integer() });

export const AppealStatsSchema = Type.Object({
  byLabel: ByLabel(Type.Integer()),
  byRegion: Type.Record(Type.String(), Share),
  byWeek: Type.Array(Type.Object({ week: DateTime, ...Share.properties }), {
    description: 'the last 12 weeks; risky = any label',
  }),
  screenedWithinMinute: Nullable(
    Type.Number({ description: 'share of appeals screened within a minute of receipt' }),
  ),
  total: Type.Integer(),
  modelVersion: Nullable(Type.String({ description: 'the model screening intake' })),
});
export type AppealStats = Static<typeof AppealStatsSchema>;
