import { Type, type Static } from 'typebox';

/**
 * What the intake routes (`/api/offences…`) answer: how many items were stored, and why each refused one was refused
 * (its index in the batch, and one error per field). Imports typebox only.
 */
export const FieldErrorSchema = Type.Object({
  field: Type.String({ description: 'JSON pointer into the item, e.g. /article' }),
  message: Type.String(),
});
export const RejectedItemSchema = Type.Object({
  index: Type.Integer({ description: 'position in the batch, from 0' }),
  errors: Type.Array(FieldErrorSchema),
});

export const RecordsIngestedSchema = Type.Object({
  created: Type.Integer(),
  duplicates: Type.Integer({
    description: 'records already stored under the same recordId; nothing changed for them',
  }),
  rejected: Type.Integer(),
  errors: Type.Array(RejectedItemSchema),
});
export const CountsIngestedSchema = Type.Object({
  stored: Type.Integer(),
  rejected: Type.Integer(),
  errors: Type.Array(RejectedItemSchema),
});
export type FieldError = Static<typeof FieldErrorSchema>;
export type RejectedItem = Static<typeof RejectedItemSchema>;
export type RecordsIngested = Static<typeof RecordsIngestedSchema>;
export type CountsIngested = Static<typeof CountsIngestedSchema>;
