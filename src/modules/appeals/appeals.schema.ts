import { Type, type Static } from 'typebox';
import { RegionCode } from '../../core/index.js';
import { riskLabels } from './model/labels.js';

export const appealChannels = ['eotinish', 'egov', 'email', 'post', 'reception', 'phone', 'other'] as const;

export const AppealRecord = Type.Object(
  {
    externalId: Type.String({ minLength: 1, maxLength: 100, description: 'The appeal number in e-Otinish; intake is idempotent on it' }),
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
      Type.Array(Type.Object({ name: Type.String({ maxLength: 300 }), mimeType: Type.String({ maxLength: 100 }), size: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }), { maxItems: 50 }),
    ),
  },
  { additionalProperties: false },
);
export type AppealRecord = Static<typeof AppealRecord>;

export const RiskLabelSchema = Type.Union(riskLabels.map((label) => Type.Literal(label)));
export const appealStatuses = ['new', 'confirmed', 'escalated', 'routed', 'closed'] as const;
export type AppealStatus = (typeof appealStatuses)[number];
