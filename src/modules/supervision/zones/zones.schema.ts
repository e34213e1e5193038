import { Type } from 'typebox';
import { RegionCode, Strict } from '../../../core/index.js';
import { ExternalId, Lat, LocalTime, Lon } from '../supervision.schema.js';
import { zoneKinds, type ZoneKind } from './zones.contract.js';

/** The request schemas of restricted zones and public-order rules. */

const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 2 });
const Ring = Type.Array(Position, { minItems: 4, maxItems: 5000 });
const PolygonGeometry = Type.Union([
  Strict({ type: Type.Literal('Polygon'), coordinates: Type.Array(Ring, { minItems: 1, maxItems: 50 }) }),
  Strict({
    type: Type.Literal('MultiPolygon'),
    coordinates: Type.Array(Type.Array(Ring, { minItems: 1, maxItems: 50 }), { minItems: 1, maxItems: 100 }),
  }),
]);

export const ZoneBody = Strict({
  id: ExternalId,
  name: Type.String({ minLength: 2, maxLength: 200 }),
  kind: Type.Unsafe<ZoneKind>({ type: 'string', enum: [...zoneKinds] }),
  region: RegionCode,
  geometry: PolygonGeometry,
  forbiddenActivities: Type.Array(Type.String({ pattern: '^[a-z_]{2,40}$' }), {
    minItems: 1,
    maxItems: 20,
    uniqueItems: true,
  }),
});

export const orderActivities = ['fight', 'crowd'] as const;

export const PublicOrderRuleBody = Strict({
  id: ExternalId,
  name: Type.String({ minLength: 2, maxLength: 200 }),
  region: RegionCode,
  lat: Lat,
  lon: Lon,
  radiusM: Type.Integer({ minimum: 20, maximum: 5000 }),
  activities: Type.Array(
    Type.Unsafe<(typeof orderActivities)[number]>({ type: 'string', enum: [...orderActivities] }),
    { minItems: 1, maxItems: 2, uniqueItems: true },
  ),
  from: LocalTime,
  to: LocalTime,
  minConfidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  minCrowd: Type.Optional(Type.Integer({ minimum: 2, maximum: 100_000 })),
});
