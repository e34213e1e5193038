/**
 * Ground truth the simulator plants among ordinary traffic: each event is one observation that a rule must catch,
 * about a known subject. Rendered with the matcher's synthetic spellings and plate misreads.
 */
import { type DemoPerson, distanceMetres, insideGeometry, regionAt, type Rng } from '../../../core/index.js';
import type { NameParts } from '../matching/synthetic/dataset.js';
import { plateVariant } from '../matching/synthetic/plates.js';
import { withinWindow } from '../pipeline/local-time.js';
import type { DemoZone } from '../demo/demo-places.js';
import { offset, type Point, type Probationer } from '../demo/demo-world.js';

export const plantedKinds = [
  'watchlist_person',
  'watchlist_vehicle',
  'probation_curfew',
  'probation_exclusion',
  'probation_area',
  'zone_incursion',
  'public_order',
] as const;
export type PlantedKind = (typeof plantedKinds)[number];

/** One line of the truth file. */
export interface TruthEvent {
  source: string;
  externalId: string;
  /** The alert kind (the rule) that must fire. */
  kind: PlantedKind;
  subject: string;
  /** How the observation was disguised: the spelling, the misread. */
  variant: string;
  observedAt: string;
  startedAt: string;
}

export function nameParts(person: DemoPerson): NameParts {
  const [surname = '', given = '', patronymicWord = ''] = person.fullName.split(' ');
  return { surname, given, father: patronymicWord.replace(/(ович|овна)$/, ''), male: person.sex === 'male' };
}

const lookAlike: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

/** A plate as a recogniser sends it: the matcher's misreads (0/O, 8/B, spacing), or Latin letters read as Cyrillic look-alikes. */
export function misreadPlate(plate: string, rng: Rng): { plate: string; variant: string } {
  if (rng.chance(0.25))
    return {
      plate: Array.from(plate.replace(/\s/g, ''), (char) => lookAlike[char] ?? char).join(''),
      variant: 'cyrillic look-alikes',
    };
  return plateVariant(plate, rng);
}

/** The latest moment at or before `now` (minute steps) that is inside (or outside) a local-time window. */
export function lastTime(now: Date, from: string, to: string, inside: boolean, rng: Rng): Date {
  for (let minutes = 0; minutes < 1440; minutes++) {
    const at = new Date(now.getTime() - minutes * 60_000);
    if (withinWindow(at, from, to) === inside) {
      // A little earlier still, if that stays on the same side: bracelets upload buffered pings.
      const earlier = new Date(at.getTime() - rng.int(0, 20) * 60_000);
      return withinWindow(earlier, from, to) === inside ? earlier : at;
    }
  }
  return now;
}

/** A place for a person on probation that breaks nothing: near home and away from every place to keep away from. */
export function harmlessSpot(person: Probationer, rng: Rng, atHome: boolean): Point {
  for (let i = 0; i < 20; i++) {
    const spot = atHome
      ? offset(person.home, rng.int(0, person.home.radiusM / 3), rng.int(0, 359))
      : offset(person.home, rng.int(300, 3500), rng.int(0, 359));
    const region = regionAt(spot.lon, spot.lat);
    if (
      person.exclusions.every(
        (place) => distanceMetres(spot.lat, spot.lon, place.lat, place.lon) > place.radiusM + 150,
      ) &&
      region !== null &&
      person.allowedRegions.includes(region)
    )
      return spot;
  }
  return { lat: person.home.lat, lon: person.home.lon };
}

/** A place away from home that is still in the allowed area and far from places to keep away from, for a curfew breach. */
export function curfewSpot(person: Probationer, rng: Rng): Point {
  for (let i = 0; i < 20; i++) {
    const spot = offset(person.home, rng.int(1000, 4000), rng.int(0, 359));
    const region = regionAt(spot.lon, spot.lat);
    if (
      person.exclusions.every(
        (place) => distanceMetres(spot.lat, spot.lon, place.lat, place.lon) > place.radiusM + 150,
      ) &&
      region !== null &&
      person.allowedRegions.includes(region)
    )
      return spot;
  }
  return offset(person.home, 1000, 0);
}

/** A place outside the allowed regions (a trip out of the city), or null if none is found nearby. */
export function outsideSpot(person: Probationer, rng: Rng): Point | null {
  for (let i = 0; i < 40; i++) {
    const spot = offset(person.home, rng.int(40_000, 120_000), rng.int(0, 359));
    const region = regionAt(spot.lon, spot.lat);
    if (
      region !== null &&
      !person.allowedRegions.includes(region) &&
      person.exclusions.every(
        (place) => distanceMetres(spot.lat, spot.lon, place.lat, place.lon) > place.radiusM,
      )
    )
      return spot;
  }
  return null;
}

function bbox(zone: DemoZone): { minLon: number; maxLon: number; minLat: number; maxLat: number } {
  const points = (zone.geometry.coordinates as [number, number][][]).flat();
  const lons = points.map(([lon]) => lon);
  const lats = points.map(([, lat]) => lat);
  return {
    minLon: Math.min(...lons),
    maxLon: Math.max(...lons),
    minLat: Math.min(...lats),
    maxLat: Math.max(...lats),
  };
}

/** A point inside the zone (rejection sampling in its bounding box). */
export function insideZone(zone: DemoZone, rng: Rng): Point {
  const box = bbox(zone);
  for (;;) {
    const point = {
      lat: Number((box.minLat + rng.next() * (box.maxLat - box.minLat)).toFixed(5)),
      lon: Number((box.minLon + rng.next() * (box.maxLon - box.minLon)).toFixed(5)),
    };
    if (insideGeometry(point.lon, point.lat, zone.geometry)) return point;
  }
}

/** A point near the zone but outside every zone: the drone's approach and the legal workings next door. */
export function nearZone(zone: DemoZone, zones: readonly DemoZone[], rng: Rng): Point {
  const box = bbox(zone);
  for (;;) {
    const point = {
      lat: Number((box.minLat - 0.08 + rng.next() * (box.maxLat - box.minLat + 0.16)).toFixed(5)),
      lon: Number((box.minLon - 0.1 + rng.next() * (box.maxLon - box.minLon + 0.2)).toFixed(5)),
    };
    if (zones.every((other) => !insideGeometry(point.lon, point.lat, other.geometry))) return point;
  }
}
