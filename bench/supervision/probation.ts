/**
 * The probation half of the matching core: 10,000 people on probation in the demo cities with curfews, places to keep
 * away from and allowed regions, and bracelet pings against them, some planted to break a condition (with the truth).
 * Run mixed into the watchlist's observations, so the figure is the whole matching core's: one loop, one core.
 */
import { Rng } from '../../src/core/demo/rng.js';
import { distanceMetres } from '../../src/core/geo/geometry.js';
import { demoCities } from '../../src/modules/supervision/demo/demo-places.js';
import { offset } from '../../src/modules/supervision/demo/demo-world.js';
import { Matcher } from '../../src/modules/supervision/matching/matcher.js';
import {
  syntheticObservations,
  syntheticWatchlist,
  type SyntheticObservation,
} from '../../src/modules/supervision/matching/synthetic/dataset.js';
import { withinWindow } from '../../src/modules/supervision/pipeline/local-time.js';
import {
  breachesOf,
  ProbationRoster,
  type BreachRule,
  type ProbationPerson,
} from '../../src/modules/supervision/probation/conditions.js';
import type { Throughput } from './run.js';
import { present } from '../../src/core/lang/index.js';

export interface Ping {
  device: string;
  lat: number;
  lon: number;
  observedAt: Date;
  /** The condition the ping was planted to break, or null. */
  truth: BreachRule | null;
}

export interface ProbationBench {
  persons: number;
  pings: number;
  planted: number;
  watchlistEntries: number;
  watchlistObservations: number;
  watchlistOnly: Throughput;
  probationOnly: Throughput;
  combined: Throughput;
  quality: {
    precision: number;
    recall: number;
    breaches: number;
    truePositives: number;
    byRule: Record<BreachRule, { planted: number; found: number }>;
  };
}

const curfews = [
  { from: '22:00', to: '06:00' },
  { from: '23:00', to: '06:00' },
  { from: '21:00', to: '07:00' },
];

export function syntheticProbation(seed: number, count: number): ProbationPerson[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, (_, i): ProbationPerson => {
    const city = rng.pick(demoCities);
    const home = offset(city.centre, rng.int(200, 4000), rng.int(0, 359));
    const exclusions = Array.from({ length: rng.int(0, 2) }, (_, j) => ({
      kind: j === 0 ? 'victim_address' : 'school',
      label: `place ${String(i)}-${String(j)}`,
      ...offset(home, rng.int(1500, 4000), rng.int(0, 359)),
      radiusM: rng.int(300, 500),
    }));
    return {
      id: `pp-${String(i)}`,
      fullName: `Person ${String(i)}`,
      iin: null,
      region: city.region,
      braceletId: `BR-${String(i).padStart(6, '0')}`,
      home,
      homeRadiusM: rng.int(100, 300),
      curfew: rng.chance(0.65) ? rng.pick(curfews) : null,
      allowedRegions: city.oblast && rng.chance(0.3) ? [city.region, city.oblast] : [city.region],
      exclusions,
    };
  });
}

/** Pings over the last day: mostly keeping to the conditions, `plantedShare` of them breaking one. */
export function syntheticPings(
  persons: readonly ProbationPerson[],
  seed: number,
  count: number,
  plantedShare: number,
  now = new Date(),
): Ping[] {
  const rng = new Rng(seed);
  const at = (person: ProbationPerson, inCurfew: boolean | null) => {
    for (;;) {
      const time = new Date(now.getTime() - rng.int(0, 86_399) * 1000);
      if (
        inCurfew === null ||
        !person.curfew ||
        withinWindow(time, person.curfew.from, person.curfew.to) === inCurfew
      )
        return time;
    }
  };
  const clearOfPlaces = (person: ProbationPerson, point: { lat: number; lon: number }) =>
    person.exclusions.every(
      (place) => distanceMetres(point.lat, point.lon, place.lat, place.lon) > place.radiusM + 100,
    );
  return Array.from({ length: count }, (): Ping => {
    const person = rng.pick(persons);
    // The generator's people all wear a bracelet and have a home.
    const home = present(person.home, `the home of ${person.id}`);
    const device = present(person.braceletId, `the bracelet of ${person.id}`);
    if (rng.chance(plantedShare)) {
      const kind = rng.pick<BreachRule>(
        person.curfew
          ? ['probation_curfew', 'probation_exclusion', 'probation_area']
          : ['probation_exclusion', 'probation_area'],
      );
      if (kind === 'probation_exclusion' && person.exclusions.length > 0) {
        const place = rng.pick(person.exclusions);
        return {
          device,
          ...offset(place, rng.int(0, Math.floor(place.radiusM * 0.7)), rng.int(0, 359)),
          observedAt: at(person, false),
          truth: kind,
        };
      }
      if (kind === 'probation_curfew') {
        for (;;) {
          const point = offset(home, person.homeRadiusM + rng.int(500, 2000), rng.int(0, 359));
          if (clearOfPlaces(person, point))
            return { device, ...point, observedAt: at(person, true), truth: kind };
        }
      }
      const elsewhere = rng.pick(
        demoCities.filter(
          (city) =>
            !person.allowedRegions.includes(city.region) &&
            !person.allowedRegions.includes(city.oblast ?? ''),
        ),
      );
      return {
        device,
        ...offset(elsewhere.centre, rng.int(0, 2000), rng.int(0, 359)),
        observedAt: at(person, false),
        truth: 'probation_area',
      };
    }
    const observedAt = at(person, null);
    if (person.curfew && withinWindow(observedAt, person.curfew.from, person.curfew.to)) {
      return {
        device,
        ...offset(home, rng.int(0, Math.floor(person.homeRadiusM / 2)), rng.int(0, 359)),
        observedAt,
        truth: null,
      };
    }
    for (;;) {
      const point = offset(home, rng.int(0, 2000), rng.int(0, 359));
      if (clearOfPlaces(person, point)) return { device, ...point, observedAt, truth: null };
    }
  });
}

function timed(count: number, run: () => void): Throughput {
  const started = performance.now();
  run();
  const seconds = (performance.now() - started) / 1000;
  return { observations: count, seconds, perSecond: count / seconds };
}

export function benchProbation(settings: {
  persons: number;
  pings: number;
  plantedShare: number;
  watchlistPersons: number;
  watchlistVehicles: number;
  observations: number;
  seed: number;
}): ProbationBench {
  process.stdout.write(
    `\n[probation] generating ${String(settings.persons)} people on probation, ${String(settings.pings)} pings, and the watchlist's observations… `,
  );
  const startedAt = performance.now();
  const persons = syntheticProbation(settings.seed, settings.persons);
  const pings = syntheticPings(persons, settings.seed + 1, settings.pings, settings.plantedShare);
  const watchlist = syntheticWatchlist(
    settings.seed + 2,
    settings.watchlistPersons,
    settings.watchlistVehicles,
    'demo',
  );
  const observations = syntheticObservations(watchlist, settings.seed + 3, settings.observations, {
    planted: 0.05,
  });
  process.stdout.write(`${((performance.now() - startedAt) / 1000).toFixed(1)} s\n`);
  const matcher = new Matcher(watchlist.entries);
  const roster = new ProbationRoster(persons);

  const judgePing = (ping: Ping) => {
    const person = roster.wearing(ping.device);
    return person
      ? breachesOf(person, {
          lat: ping.lat,
          lon: ping.lon,
          observedAt: ping.observedAt,
          by: `bracelet ${ping.device}`,
        })
      : [];
  };
  // One stream as the pipeline sees it: a ping after every few sightings.
  const every = Math.max(1, Math.round(observations.length / pings.length));
  const mixed: ({ ping: Ping } | { observation: SyntheticObservation })[] = [];
  for (let i = 0, p = 0; i < observations.length || p < pings.length; i++) {
    const observation = observations[i];
    if (observation) mixed.push({ observation });
    const ping = pings[p];
    if ((i % every === every - 1 || i >= observations.length) && ping) {
      mixed.push({ ping });
      p++;
    }
  }

  for (const ping of pings.slice(0, 10_000)) judgePing(ping); // warm-up
  for (const observation of observations.slice(0, 20_000)) matcher.match(observation.identifiers);
  const watchlistOnly = timed(observations.length, () => {
    for (const observation of observations) matcher.match(observation.identifiers);
  });
  const results = new Array<ReturnType<typeof judgePing>>(pings.length);
  const probationOnly = timed(pings.length, () => {
    for (const [i, ping] of pings.entries()) results[i] = judgePing(ping);
  });
  let found = 0;
  const combined = timed(mixed.length, () => {
    for (const item of mixed)
      found +=
        'ping' in item ? judgePing(item.ping).length : matcher.match(item.observation.identifiers).length;
  });
  if (found < 0) throw new Error('unreachable: keeps the combined loop from being optimised away');

  const rules: BreachRule[] = ['probation_curfew', 'probation_exclusion', 'probation_area'];
  const byRule = Object.fromEntries(
    rules.map((rule) => [rule, { planted: 0, found: 0 }]),
  ) as ProbationBench['quality']['byRule'];
  let breaches = 0;
  let truePositives = 0;
  pings.forEach((ping, i) => {
    const judged = results[i] ?? [];
    breaches += judged.length;
    truePositives += judged.filter((breach) => breach.rule === ping.truth).length;
    if (ping.truth) {
      byRule[ping.truth].planted++;
      if (judged.some((breach) => breach.rule === ping.truth)) byRule[ping.truth].found++;
    }
  });
  const planted = pings.filter((ping) => ping.truth).length;
  return {
    persons: settings.persons,
    pings: pings.length,
    planted,
    watchlistEntries: watchlist.entries.length,
    watchlistObservations: observations.length,
    watchlistOnly,
    probationOnly,
    combined,
    quality: {
      precision: breaches ? truePositives / breaches : 1,
      recall: planted ? rules.reduce((sum, rule) => sum + byRule[rule].found, 0) / planted : 1,
      breaches,
      truePositives,
      byRule,
    },
  };
}

export function printProbation(bench: ProbationBench): void {
  const int = (value: number, width: number) => Math.round(value).toLocaleString('en-US').padStart(width);
  console.log(
    `\n[probation] ${int(bench.persons, 0)} people on probation and ${int(bench.watchlistEntries, 0)} watchlist entries; ${int(bench.watchlistObservations, 0)} sightings and ${int(bench.pings, 0)} bracelet pings (${int(bench.planted, 0)} planted breaches), one loop`,
  );
  console.log(`  ${'what is judged'.padEnd(40)} ${'obs/s'.padStart(10)} ${'seconds'.padStart(8)}`);
  for (const [label, figures] of [
    ['watchlist only (the sightings)', bench.watchlistOnly],
    ['probation only (the pings)', bench.probationOnly],
    ['matching core: both, mixed', bench.combined],
  ] as const) {
    console.log(
      `  ${label.padEnd(40)} ${int(figures.perSecond, 10)} ${figures.seconds.toFixed(2).padStart(8)}`,
    );
  }
  const { quality } = bench;
  console.log(
    `  breaches: precision ${(quality.precision * 100).toFixed(2)} %, recall ${(quality.recall * 100).toFixed(2)} % (${Object.entries(
      quality.byRule,
    )
      .map(
        ([rule, { planted, found }]) =>
          `${rule.replace('probation_', '')} ${String(found)}/${String(planted)}`,
      )
      .join(', ')})`,
  );
}
