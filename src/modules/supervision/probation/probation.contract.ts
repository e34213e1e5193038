import { Type, type Static } from 'typebox';

/** What the probation routes answer: people on probation, masked. Imports typebox only. */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const ProbationRegisteredSchema = Type.Object({
  id: Type.String(),
  label: Type.String({ description: 'the masked name' }),
});
export type ProbationRegistered = Static<typeof ProbationRegisteredSchema>;

export const ProbationerSchema = Type.Object({
  id: Type.String(),
  label: Type.String({ description: 'the masked name' }),
  region: Type.String(),
  bracelet: Type.Boolean({ description: 'wears an electronic bracelet' }),
  lastPingAt: Nullable(Type.String({ format: 'date-time' })),
  braceletSilent: Type.Boolean(),
  violations30d: Type.Integer(),
});
export type Probationer = Static<typeof ProbationerSchema>;

export const ProbationListSchema = Type.Object({ items: Type.Array(ProbationerSchema) });
export type ProbationList = Static<typeof ProbationListSchema>;
