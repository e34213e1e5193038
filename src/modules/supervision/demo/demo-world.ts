/**
 * The demo world of digital supervision as plain data, a pure function of the random generator: the seeder inserts it,
 * and the simulator rebuilds it from the same seed (DEMO_SEED) to know whom and what to plant, without reading the
 * database of a server that may be running on embedded storage.
 */
import { demoPerson, present, type DemoPerson, type Rng } from '../../../core/index.js';
import type { NewSource } from '../sources/sources.repository.js';
import type { NewEntry } from '../watchlists/watchlists.repository.js';
import {
  demoCities,
  demoOrderRules,
  demoZones,
  type DemoCity,
  type DemoOrderRule,
  type DemoZone,
} from './demo-places.js';

export interface Point {
  lat: number;
  lon: number;
}

export interface DemoCamera extends NewSource {
  city: string;
  location: Point;
}

/**
 * What the demo history does with an entry: seen by a camera with the officers' finding (a detention closes it through
 * the system), closed otherwise within the 90 days, or nothing. Fixed with the world, so the simulator knows who is
 * still wanted.
 */
export type EntryHistory =
  'none' | 'closed' | 'sighted_detained' | 'sighted_not_found' | 'sighted_false_match' | 'sighted_open';

export interface WantedPerson extends NewEntry {
  kind: 'person';
  person: DemoPerson;
  city: string;
  history: EntryHistory;
}

export interface WantedVehicle extends NewEntry {
  kind: 'vehicle';
  plate: string;
  city: string;
  history: EntryHistory;
}

/** Whether an entry is still wanted once the demo history has been seeded. */
export const stillWanted = (entry: { history: EntryHistory }) =>
  entry.history !== 'closed' && entry.history !== 'sighted_detained';

export interface DemoExclusion {
  kind: 'victim_address' | 'school';
  label: string;
  lat: number;
  lon: number;
  radiusM: number;
}

export interface Probationer {
  id: string;
  person: DemoPerson;
  city: string;
  region: string;
  braceletId: string;
  home: Point & { radiusM: number };
  curfew: { from: string; to: string } | null;
  allowedRegions: string[];
  checkinEveryDays: number | null;
  silenceMinutes: number;
  exclusions: DemoExclusion[];
}

export interface DemoSupervisionWorld {
  cameras: DemoCamera[];
  otherSources: NewSource[];
  wantedPersons: WantedPerson[];
  wantedVehicles: WantedVehicle[];
  probationers: Probationer[];
  zones: readonly DemoZone[];
  orderRules: readonly DemoOrderRule[];
  /** Everyone the world lists, so that the simulator's passers-by are never one of them. */
  listedIins: Set<string>;
}

const warrants: readonly (readonly [string, 'low' | 'medium' | 'high', number])[] = [
  ['ст. 190 ч. 4 УК РК (мошенничество) — арест', 'medium', 14],
  ['ст. 188 ч. 3 УК РК (кража) — арест', 'medium', 14],
  ['ст. 192 ч. 2 УК РК (разбой) — арест', 'high', 6],
  ['ст. 99 ч. 2 УК РК (убийство) — арест', 'high', 3],
  ['ст. 106 ч. 1 УК РК (тяжкий вред здоровью) — арест', 'high', 4],
  ['ст. 296 ч. 2 УК РК (наркотики) — арест', 'medium', 8],
  ['ст. 293 ч. 2 УК РК (хулиганство) — привод', 'low', 6],
  ['ст. 139 УК РК (уклонение от уплаты алиментов) — розыск', 'low', 8],
  ['ст. 429 УК РК (уклонение от отбывания наказания) — арест', 'medium', 6],
  ['ст. 218 ч. 3 УК РК (легализация доходов) — арест', 'medium', 3],
];
const vehicleWarrants = [
  'ст. 200 УК РК (угон) — розыск транспортного средства',
  'ст. 346 УК РК (оставление места ДТП) — розыск',
  'ст. 188 ч. 2 УК РК (кража транспортного средства) — розыск',
] as const;
const plateLetters = 'ABCDEFHKMOPTXY';

const round = (value: number, digits = 5) => Number(value.toFixed(digits));
export const jitter = (rng: Rng, centre: Point, degrees: number): Point => ({
  lat: round(centre.lat + (rng.next() * 2 - 1) * degrees),
  lon: round(centre.lon + (rng.next() * 2 - 1) * degrees * 1.4),
});
const pad = (n: number, width: number) => String(n).padStart(width, '0');

function cityWeights(): [DemoCity, number][] {
  return demoCities.map((city) => [city, city.cameras]);
}

export function demoSupervisionWorld(rng: Rng): DemoSupervisionWorld {
  const cameras = demoCities.flatMap((city) =>
    Array.from({ length: city.cameras }, (_, i): DemoCamera => {
      const street = rng.pick(city.streets);
      const cross = rng.pick(city.streets.filter((item) => item !== street));
      return {
        id: `cam-${city.key}-${pad(i + 1, 4)}`,
        kind: 'camera',
        name: `Камера ${city.name}: ${street} / ${cross}`,
        agencyId: `police-${city.region}`,
        region: city.region,
        city: city.key,
        location: jitter(rng, city.centre, 0.04),
        directionDeg: rng.int(0, 7) * 45,
        expectedEverySeconds: 300,
      };
    }),
  );
  const otherSources: NewSource[] = [
    ...demoZones.map((zone): NewSource => ({
      id: zone.drone.id,
      kind: 'drone',
      name: zone.drone.name,
      agencyId: `police-${zone.drone.agencyRegion}`,
      region: zone.region,
      expectedEverySeconds: 300,
    })),
    ...demoCities.map((city): NewSource => ({
      id: `bracelets-${city.region.toLowerCase()}`,
      kind: 'bracelet',
      name: `Шлюз электронных браслетов: ${city.name}`,
      agencyId: `police-${city.region}`,
      region: city.region,
      expectedEverySeconds: 600,
    })),
    ...demoCities.map((city): NewSource => ({
      id: `patrol-${city.key}`,
      kind: 'patrol_app',
      name: `Мобильное приложение патруля: ${city.name}`,
      agencyId: `police-${city.region}`,
      region: city.region,
      expectedEverySeconds: 3600,
    })),
    {
      id: 'statedb-border-control',
      kind: 'state_db',
      name: 'Пограничный контроль: проверки документов',
      agencyId: 'police-KZ-71',
      region: 'KZ-71',
      expectedEverySeconds: 3600,
    },
  ];
  const listedIins = new Set<string>();
  const fresh = (): DemoPerson => {
    for (;;) {
      const person = demoPerson(rng);
      if (!listedIins.has(person.iin)) {
        listedIins.add(person.iin);
        return person;
      }
    }
  };
  const wantedPersons = Array.from({ length: 300 }, (_, i): WantedPerson => {
    const person = fresh();
    const city = rng.weighted(cityWeights());
    const [warrantBasis, dangerLevel] = rng.weighted(warrants.map((item) => [item, item[2]] as const));
    return {
      id: `wp-${pad(i + 1, 4)}`,
      kind: 'person',
      person,
      city: city.key,
      fullName: person.fullName,
      birthDate: person.birthDate,
      ...(rng.chance(0.9) ? { iin: person.iin } : {}),
      warrantBasis,
      dangerLevel,
      issuingAgency: `police-${city.region}`,
      region: city.region,
      history: rng.weighted<EntryHistory>([
        ['none', 185],
        ['closed', 70],
        ['sighted_detained', 24],
        ['sighted_not_found', 10],
        ['sighted_false_match', 5],
        ['sighted_open', 6],
      ]),
    };
  });
  const plates = new Set<string>();
  const wantedVehicles: WantedVehicle[] = [];
  while (wantedVehicles.length < 40) {
    const city = rng.weighted(cityWeights());
    const letters = Array.from({ length: 3 }, () => rng.pick(Array.from(plateLetters))).join('');
    const plate = `${pad(rng.int(1, 999), 3)} ${letters} ${city.plateRegion}`;
    if (plates.has(plate)) continue;
    plates.add(plate);
    wantedVehicles.push({
      id: `wv-${pad(wantedVehicles.length + 1, 4)}`,
      kind: 'vehicle',
      plate,
      city: city.key,
      warrantBasis: rng.pick(vehicleWarrants),
      issuingAgency: `police-${city.region}`,
      dangerLevel: rng.chance(0.2) ? 'high' : 'medium',
      region: city.region,
      history: rng.weighted<EntryHistory>([
        ['none', 32],
        ['sighted_detained', 4],
        ['sighted_not_found', 3],
        ['sighted_false_match', 1],
      ]),
    });
  }
  const probationers = Array.from({ length: 30 }, (_, i) =>
    probationer(rng, fresh(), present(demoCities[i % demoCities.length], 'a demo city'), i + 1),
  );
  return {
    cameras,
    otherSources,
    wantedPersons,
    wantedVehicles,
    probationers,
    zones: demoZones,
    orderRules: demoOrderRules,
    listedIins,
  };
}

/** A point at a distance (metres) and bearing from another, on the local plane. */
export function offset(from: Point, metres: number, bearingDeg: number): Point {
  const rad = (bearingDeg * Math.PI) / 180;
  return {
    lat: round(from.lat + (metres * Math.cos(rad)) / 111_320),
    lon: round(from.lon + (metres * Math.sin(rad)) / (111_320 * Math.cos((from.lat * Math.PI) / 180))),
  };
}

function probationer(rng: Rng, person: DemoPerson, city: DemoCity, n: number): Probationer {
  const home = { ...jitter(rng, city.centre, 0.025), radiusM: 150 };
  const exclusions: DemoExclusion[] = [];
  if (rng.chance(0.6))
    exclusions.push({
      kind: 'victim_address',
      label: 'адрес потерпевшей',
      ...offset(home, rng.int(1500, 3000), rng.int(0, 359)),
      radiusM: 300,
    });
  if (rng.chance(0.35))
    exclusions.push({
      kind: 'school',
      label: `школа-гимназия № ${String(rng.int(1, 180))}`,
      ...offset(home, rng.int(1200, 2500), rng.int(0, 359)),
      radiusM: 200,
    });
  const curfew = rng.chance(0.85) ? { from: rng.chance(0.7) ? '22:00' : '23:00', to: '06:00' } : null;
  return {
    id: `pb-${pad(n, 4)}`,
    person,
    city: city.key,
    region: city.region,
    braceletId: `BR-${city.region.slice(3)}-${pad(n, 4)}`,
    home,
    curfew,
    allowedRegions: city.oblast && rng.chance(0.3) ? [city.region, city.oblast] : [city.region],
    checkinEveryDays: rng.chance(0.7) ? rng.pick([7, 14]) : null,
    silenceMinutes: rng.pick([60, 120]),
    exclusions,
  };
}
