import { Type, type Static, type TSchema } from 'typebox';
import type { RiskLabel } from '../appeals.contract.js';

/**
 * What the model-version routes answer. A model card is a document written at training time (model/pipeline.ts):
 * the schema names the sections the dashboard compares and passes every other field through as it is stored.
 */
const Open = <T extends Record<string, TSchema>>(properties: T) =>
  Type.Object(properties, { additionalProperties: true });

export const PrfSchema = Open({
  precision: Type.Number(),
  recall: Type.Number(),
  f1: Type.Number(),
  support: Type.Optional(Type.Integer()),
});
export type Prf = Static<typeof PrfSchema>;

export const ModelCardSchema = Open({
  heldOut: Type.Optional(
    Open({
      appeals: Type.Optional(Type.Integer({ description: 'held-out appeals the figures are measured on' })),
      macroF1: Type.Number(),
      anyRisk: PrfSchema,
      perLabel: Type.Unsafe<Partial<Record<RiskLabel, Prf>>>(Type.Record(Type.String(), PrfSchema)),
      calibration: Type.Optional(
        Open({ ece: Type.Optional(Type.Number({ description: 'expected calibration error' })) }),
      ),
    }),
  ),
  baseline: Type.Optional(Open({ macroF1: Type.Number(), anyRisk: PrfSchema })),
  trainingAppeals: Type.Optional(Type.Integer()),
  data: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type ModelCard = Static<typeof ModelCardSchema>;

export const ModelVersionSchema = Type.Object({
  version: Type.String(),
  active: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  activatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  card: ModelCardSchema,
});
export type ModelVersion = Static<typeof ModelVersionSchema>;

export const ModelListSchema = Type.Object({
  models: Type.Array(ModelVersionSchema, { description: 'newest first' }),
});
export type ModelList = Static<typeof ModelListSchema>;

export const ActivationSchema = Type.Object({
  active: Type.String(),
  replaced: Type.Union([Type.String(), Type.Null()]),
});
export type Activation = Static<typeof ActivationSchema>;
