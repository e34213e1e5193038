import { Type, type Static } from 'typebox';

/** What the observation routes answer: an intake's counts, and a purpose-stated search's findings. Imports typebox only. */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const IntakeResultSchema = Type.Object({
  accepted: Type.Integer(),
  duplicates: Type.Integer({ description: 'already stored: same source and externalId' }),
  rejected: Type.Array(Type.Object({ index: Type.Integer(), reason: Type.String() }), {
    description: 'sent to the dead-letter table with the reason',
  }),
});
export type IntakeResult = Static<typeof IntakeResultSchema>;

/** A stored observation that matches what was searched for, with how well and why. */
export const FoundObservationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  sourceId: Type.String(),
  region: Type.String(),
  observedAt: Type.String({ format: 'date-time' }),
  location: Nullable(Type.Object({ lat: Type.Number(), lon: Type.Number() })),
  kind: Type.String(),
  identifiers: Type.Record(Type.String(), Type.String()),
  confidence: Nullable(Type.Number()),
  mediaRef: Nullable(Type.String()),
  state: Type.String({ description: 'pending, matched or unmatched' }),
  score: Type.Number(),
  reasons: Type.Array(Type.String()),
});
export type FoundObservation = Static<typeof FoundObservationSchema>;

export const ObservationSearchResultSchema = Type.Object({
  scanned: Type.Integer({ description: 'stored observations read' }),
  items: Type.Array(FoundObservationSchema),
});
export type ObservationSearchResult = Static<typeof ObservationSearchResultSchema>;
