import { Type, type Static } from 'typebox';
import { RegionCode, Strict } from '../../core/index.js';
import type { Aggravating as EngineAggravating, RiskLevel as EngineRiskLevel } from './model/risk-level.js';
import { riskLabels, type RiskLabel as EngineRiskLabel } from './model/labels.js';
import type { EntityKind as EngineEntityKind } from './text/entities.js';
import type { Language } from './text/language.js';
import {
  appealLanguages,
  appealStatuses,
  riskLevels,
  type Aggravating,
  type AppealLanguage,
  type EntityKind,
  type RiskLabel,
  type RiskLevel,
} from './appeals.contract.js';

export const appealChannels = ['eotinish', 'egov', 'email', 'post', 'reception', 'phone', 'other'] as const;

export const AppealRecord = Type.Object(
  {
    externalId: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'The appeal number in e-Otinish; intake is idempotent on it',
    }),
    submittedAt: Type.String({ format: 'date-time' }),
    channel: Type.Unsafe<(typeof appealChannels)[number]>({ type: 'string', enum: [...appealChannels] }),
    region: RegionCode,
    addressee: Type.Optional(Type.String({ maxLength: 300 })),
    subject: Type.Optional(Type.String({ maxLength: 500 })),
    text: Type.String({ minLength: 1, maxLength: 20_000 }),
    applicant: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Type.String({ maxLength: 200 })),
          iin: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
          phone: Type.Optional(Type.String({ maxLength: 30 })),
          email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
        },
        { additionalProperties: false },
      ),
    ),
    attachments: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ maxLength: 300 }),
            mimeType: Type.String({ maxLength: 100 }),
            size: Type.Integer({ minimum: 0 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type AppealRecord = Static<typeof AppealRecord>;

export const RiskLabelSchema = Type.Union(riskLabels.map((label) => Type.Literal(label)));

export const BATCH_LIMIT = 1000;

export const BatchBody = Strict({
  appeals: Type.Array(Type.Unknown(), { minItems: 1, maxItems: BATCH_LIMIT }),
});

const literals = (values: readonly string[]) => Type.Union(values.map((value) => Type.Literal(value)));

export const QueueQuery = Strict({
  region: Type.Optional(RegionCode),
  label: Type.Optional(RiskLabelSchema),
  risk: Type.Optional(Type.Array(literals(riskLevels))),
  language: Type.Optional(literals(appealLanguages)),
  status: Type.Optional(Type.Array(literals(appealStatuses))),
  sla: Type.Optional(literals(['overdue', 'due_soon'])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

export const RevealBody = Strict({ purpose: Type.String({ minLength: 10, maxLength: 500 }) });

const Note = Type.Optional(Type.String({ maxLength: 2000 }));

/** The body of each analyst action, by the action it is posted to. */
export const ActionBodies = {
  confirm: Strict({ note: Note }),
  correct: Strict({ labels: Type.Array(RiskLabelSchema, { maxItems: 7, uniqueItems: true }), note: Note }),
  escalate: Strict({ reason: Type.String({ minLength: 3, maxLength: 2000 }) }),
  route: Strict({ agency: Type.String({ minLength: 1, maxLength: 64 }), note: Note }),
  close: Strict({ outcome: Type.String({ minLength: 3, maxLength: 2000 }) }),
};

/**
 * The contract spells out the engine's vocabularies for the dashboard, which cannot import the engine; this stops
 * compiling when one of them gains or loses a word the other lacks.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const contractSpeaksTheEngine: [
  Same<RiskLabel, EngineRiskLabel>,
  Same<RiskLevel, EngineRiskLevel>,
  Same<AppealLanguage, Language>,
  Same<EntityKind, EngineEntityKind>,
  Same<Aggravating['kind'], EngineAggravating['kind']>,
] = [true, true, true, true, true];
