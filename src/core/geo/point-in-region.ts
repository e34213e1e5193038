import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { insidePolygon, type Polygon } from './geometry.js';

export interface RegionShape {
  code: string;
  bbox: [number, number, number, number];
  polygons: Polygon[];
}

interface Feature {
  properties: { iso_3166_2: string; ADM1_EN: string; ADM1_KK: string; ADM1_RU: string };
  geometry: { type: 'Polygon'; coordinates: Polygon } | { type: 'MultiPolygon'; coordinates: Polygon[] };
}

const boundariesPath = fileURLToPath(new URL('./data/kz_oblasts_2024.geojson', import.meta.url));

let cache: { raw: string; shapes: RegionShape[] } | undefined;

/** Boundaries: geokz, Alexander Rodionov (CC BY 4.0), from the Bureau of National Statistics' 2024 division. */
function load(): { raw: string; shapes: RegionShape[] } {
  if (cache) return cache;
  const raw = readFileSync(boundariesPath, 'utf8');
  const features = (JSON.parse(raw) as { features: Feature[] }).features;
  const shapes = features.map((feature) => {
    const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    const points = polygons.flatMap((polygon) => polygon[0] ?? []);
    const lons = points.map((point) => point[0]);
    const lats = points.map((point) => point[1]);
    return {
      code: feature.properties.iso_3166_2,
      bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)] as RegionShape['bbox'],
      polygons,
    };
  });
  cache = { raw, shapes };
  return cache;
}

export function regionShapes(): RegionShape[] {
  return load().shapes;
}

/** The boundary file as GeoJSON for the dashboard map, with properties named for it. */
export function regionsGeoJson(names: Map<string, { kk: string; ru: string; en: string }>): unknown {
  const collection = JSON.parse(load().raw) as { type: string; features: Feature[] };
  return {
    type: 'FeatureCollection',
    attribution: 'Boundaries: geokz, Alexander Rodionov, CC BY 4.0',
    features: collection.features.map((feature) => {
      const code = feature.properties.iso_3166_2;
      const name = names.get(code);
      return {
        type: 'Feature',
        properties: { code, name: code, name_kk: name?.kk, name_ru: name?.ru, name_en: name?.en },
        geometry: feature.geometry,
      };
    }),
  };
}

/**
 * The region containing a point. Cities are enclaves inside oblasts (Almaty city inside Almaty Region), and the
 * files model them as holes or overlaps; checking the smaller shapes first returns the city.
 */
export function regionAt(lon: number, lat: number): string | null {
  const candidates = regionShapes()
    .filter(({ bbox }) => lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3])
    .sort((a, b) => area(a.bbox) - area(b.bbox));
  return candidates.find((shape) => shape.polygons.some((polygon) => insidePolygon(lon, lat, polygon)))?.code ?? null;
}

const area = (bbox: RegionShape['bbox']) => (bbox[2] - bbox[0]) * (bbox[3] - bbox[1]);
