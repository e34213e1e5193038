import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Strict, withProblems } from '../http/schemas.js';
import { LocatedSchema, RegionsSchema } from './geo.contract.js';
import { regionAt, regionShapes, regionsGeoJson } from './point-in-region.js';
import { findRegion, regions } from './regions.js';

export async function geoRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const centroids = new Map(
    regionShapes().map((shape) => [
      shape.code,
      [(shape.bbox[0] + shape.bbox[2]) / 2, (shape.bbox[1] + shape.bbox[3]) / 2] as [number, number],
    ]),
  );
  const geoJson = JSON.stringify(
    regionsGeoJson(new Map(regions.map((region) => [region.code, region.name]))),
  );

  api.get(
    '/api/geo/regions',
    {
      config: { signedIn: true },
      schema: {
        tags: ['geo'],
        summary: 'The 20 regions with KATO codes, names in kk/ru/en and population',
        response: { 200: RegionsSchema },
      },
    },
    () => ({
      regions: regions.map((region) => ({ ...region, centroid: centroids.get(region.code) ?? [0, 0] })),
    }),
  );

  api.get(
    '/api/geo/regions.geojson',
    {
      config: { signedIn: true },
      schema: { tags: ['geo'], summary: 'Region boundaries (geokz, Alexander Rodionov, CC BY 4.0)' },
    },
    (_request, reply) =>
      reply.type('application/geo+json').header('cache-control', 'private, max-age=86400').send(geoJson),
  );

  api.get(
    '/api/geo/locate',
    {
      config: { signedIn: true },
      schema: {
        tags: ['geo'],
        summary: 'Which region a point lies in',
        querystring: Strict({
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          lon: Type.Number({ minimum: -180, maximum: 180 }),
        }),
        response: withProblems({ 200: LocatedSchema }),
      },
    },
    (request) => {
      const code = regionAt(request.query.lon, request.query.lat);
      return { region: code ? (findRegion(code) ?? null) : null };
    },
  );
}
