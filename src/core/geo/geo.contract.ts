import { Type, type Static } from 'typebox';
import { LocalizedTextSchema, Nullable } from '../http/builders.contract.js';

/** What the geography routes answer. */
export const RegionSchema = Type.Object({
  code: Type.String({ description: 'ISO 3166-2' }),
  kato: Type.String({ description: 'KATO code' }),
  name: LocalizedTextSchema,
  population: Type.Integer(),
  populationYear: Type.Integer(),
});
export type Region = Static<typeof RegionSchema>;

export const MappedRegionSchema = Type.Object({
  ...RegionSchema.properties,
  centroid: Type.Tuple([Type.Number(), Type.Number()], { description: '[lon, lat]' }),
});
export type MappedRegion = Static<typeof MappedRegionSchema>;
export const RegionsSchema = Type.Object({ regions: Type.Array(MappedRegionSchema) });
export const LocatedSchema = Type.Object({ region: Nullable(RegionSchema) });
