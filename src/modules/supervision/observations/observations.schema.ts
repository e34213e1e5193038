import { Type, type Static } from 'typebox';
import { Strict } from '../../../core/index.js';
import { Iin, Plate } from '../supervision.schema.js';
import { SourceId } from '../sources/sources.schema.js';

export const observationKinds = ['person', 'vehicle', 'activity', 'bracelet_ping'] as const;
export type ObservationKind = (typeof observationKinds)[number];

/**
 * One observation as a source reports it: what was seen, where and when, by whose recogniser with what confidence.
 * Never the image: `mediaRef` points at the vendor's storage.
 */
export const Observation = Type.Object(
  {
    externalId: Type.String({
      minLength: 1,
      maxLength: 128,
      description: 'the source’s id of the observation; resent observations change nothing',
    }),
    observedAt: Type.String({ format: 'date-time' }),
    location: Type.Optional(
      Type.Object(
        {
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          lon: Type.Number({ minimum: -180, maximum: 180 }),
          accuracy: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000, description: 'metres' })),
        },
        { additionalProperties: false },
      ),
    ),
    kind: Type.Unsafe<ObservationKind>({ type: 'string', enum: [...observationKinds] }),
    identifiers: Type.Optional(
      Type.Object(
        {
          iin: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
          document: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          birthDate: Type.Optional(Type.String({ format: 'date' })),
          plate: Type.Optional(Type.String({ minLength: 2, maxLength: 16 })),
          device: Type.Optional(
            Type.String({ minLength: 1, maxLength: 64, description: 'bracelet or terminal id' }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    confidence: Type.Optional(
      Type.Number({ minimum: 0, maximum: 1, description: 'the recogniser’s confidence' }),
    ),
    attributes: Type.Optional(
      Type.Record(
        Type.String({ maxLength: 64 }),
        Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]),
        { maxProperties: 32 },
      ),
    ),
    mediaRef: Type.Optional(
      Type.String({ maxLength: 500, description: 'where the vendor keeps the image or clip' }),
    ),
  },
  { additionalProperties: false },
);
export type Observation = Static<typeof Observation>;

/** `POST /api/observations`: a batch of one source; each observation is checked on its own, so one bad one is a dead letter, not a refused batch. */
export const IntakeBody = Strict({
  source: SourceId,
  observations: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 1000 }),
});

export const SearchBody = Strict({
  purpose: Type.String({
    minLength: 10,
    maxLength: 500,
    description: 'why, e.g. the case or warrant number',
  }),
  iin: Type.Optional(Iin),
  name: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
  birthDate: Type.Optional(Type.String({ format: 'date' })),
  plate: Type.Optional(Plate),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
});
