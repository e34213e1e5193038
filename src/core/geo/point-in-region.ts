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
    const polygons =
      feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    const points = polygons.flatMap((polygon) => polygon[0] ?? []);
    const lons = points.map((point) => point[0]);
    const lats = points.map((point) => point[1]);
    return {
      code: feature.properties.iso_3166_2,
      bbox: [
        Math.min(...lons),
        Math.min(...lats),
        Math.max(...lons),
        Math.max(...lats),
      ] as RegionShape['bbox'],
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
 *
 * Bracelet pings and sightings ask this for every observation, so answers are kept per grid cell of CELL degrees
 * (about 5 km): a cell no boundary passes through lies wholly in one region, or in none, and its first answer holds
 * for every point in it. Only points in cells a boundary crosses are tested against the polygons every time.
 */
export function regionAt(lon: number, lat: number): string | null {
  const key = cellOf(lon, lat);
  const settled = settledCells.get(key);
  if (settled !== undefined) return settled;
  const region = regionByShapes(lon, lat);
  // Only cells within the country's bounds are kept, so points from anywhere cannot grow the map without end.
  if (withinCountry(lon, lat) && !crossedCells().has(key)) settledCells.set(key, region);
  return region;
}

function regionByShapes(lon: number, lat: number): string | null {
  for (const { code, bbox, polygons } of smallestFirst()) {
    if (lon < bbox[0] || lon > bbox[2] || lat < bbox[1] || lat > bbox[3]) continue;
    if (polygons.some((polygon) => insidePolygon(lon, lat, polygon))) return code;
  }
  return null;
}

const CELL = 0.05;
const cellOf = (lon: number, lat: number) =>
  (Math.floor(lon / CELL) + 4000) * 8192 + (Math.floor(lat / CELL) + 2000);
const settledCells = new Map<number, string | null>();
let crossed: Set<number> | undefined;
let countryBox: RegionShape['bbox'] | undefined;
function withinCountry(lon: number, lat: number): boolean {
  countryBox ??= regionShapes().reduce<RegionShape['bbox']>(
    (box, { bbox }) => [
      Math.min(box[0], bbox[0]),
      Math.min(box[1], bbox[1]),
      Math.max(box[2], bbox[2]),
      Math.max(box[3], bbox[3]),
    ],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
  return lon >= countryBox[0] && lon <= countryBox[2] && lat >= countryBox[1] && lat <= countryBox[3];
}
let sorted: RegionShape[] | undefined;
const smallestFirst = () => (sorted ??= [...regionShapes()].sort((a, b) => area(a.bbox) - area(b.bbox)));

/** Every cell some boundary passes through: points along each edge at half-cell steps, with their neighbouring cells. */
function crossedCells(): Set<number> {
  if (crossed) return crossed;
  crossed = new Set();
  for (const shape of regionShapes()) {
    for (const ring of shape.polygons.flat()) {
      for (let i = 1; i < ring.length; i++) {
        const [lon0 = 0, lat0 = 0] = ring[i - 1] ?? [];
        const [lon1 = 0, lat1 = 0] = ring[i] ?? [];
        const steps = Math.max(1, Math.ceil(Math.hypot(lon1 - lon0, lat1 - lat0) / (CELL / 2)));
        for (let step = 0; step <= steps; step++) {
          const lon = lon0 + ((lon1 - lon0) * step) / steps;
          const lat = lat0 + ((lat1 - lat0) * step) / steps;
          for (const dLon of [-CELL, 0, CELL])
            for (const dLat of [-CELL, 0, CELL]) crossed.add(cellOf(lon + dLon, lat + dLat));
        }
      }
    }
  }
  return crossed;
}

const area = (bbox: RegionShape['bbox']) => (bbox[2] - bbox[0]) * (bbox[3] - bbox[1]);
