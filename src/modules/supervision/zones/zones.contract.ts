import { Type, type Static } from 'typebox';

/** What the zones and public-order routes answer. Imports typebox only. */
export const zoneKinds = ['illegal_mining', 'protected_land', 'border_strip', 'other'] as const;
export type ZoneKind = (typeof zoneKinds)[number];

const Ring = Type.Array(Type.Array(Type.Number()));
export const ZoneGeometrySchema = Type.Union([
  Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Ring) }),
  Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Type.Array(Ring)) }),
]);
export type ZoneGeometry = Static<typeof ZoneGeometrySchema>;

export const ZoneSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.Unsafe<ZoneKind>({ type: 'string', enum: [...zoneKinds] }),
  region: Type.String(),
  geometry: ZoneGeometrySchema,
  forbiddenActivities: Type.Array(Type.String()),
  incursions30d: Type.Integer(),
});
export type Zone = Static<typeof ZoneSchema>;

export const ZoneListSchema = Type.Object({ items: Type.Array(ZoneSchema) });
export type ZoneList = Static<typeof ZoneListSchema>;

/** A zone or a public-order rule was defined: its id. */
export const DefinedSchema = Type.Object({ id: Type.String() });
export type Defined = Static<typeof DefinedSchema>;
