import { Type } from 'typebox';
import { RegionCode, Strict } from '../../../core/index.js';
import { ExternalId, Iin, Lat, LocalTime, Lon } from '../supervision.schema.js';

/** The request schemas of probation: a person and the court's conditions. */

export const exclusionKinds = ['victim_address', 'school', 'other'] as const;

export const ProbationBody = Strict({
  id: ExternalId,
  fullName: Type.String({ minLength: 2, maxLength: 200 }),
  iin: Type.Optional(Iin),
  birthDate: Type.Optional(Type.String({ format: 'date' })),
  region: RegionCode,
  braceletId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  home: Type.Optional(
    Strict({ lat: Lat, lon: Lon, radiusM: Type.Optional(Type.Integer({ minimum: 20, maximum: 5000 })) }),
  ),
  curfew: Type.Optional(Strict({ from: LocalTime, to: LocalTime })),
  allowedRegions: Type.Array(RegionCode, { minItems: 1, maxItems: 20, uniqueItems: true }),
  checkinEveryDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
  silenceMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 1440 })),
  exclusions: Type.Optional(
    Type.Array(
      Strict({
        kind: Type.Unsafe<(typeof exclusionKinds)[number]>({ type: 'string', enum: [...exclusionKinds] }),
        label: Type.String({ minLength: 2, maxLength: 200 }),
        lat: Lat,
        lon: Lon,
        radiusM: Type.Integer({ minimum: 20, maximum: 10_000 }),
      }),
      { maxItems: 20 },
    ),
  ),
});
