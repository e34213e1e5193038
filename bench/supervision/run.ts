/** One dataset through our index, the exact-key floor and the naive full scan, timed on one core. */
import { Matcher, type Match } from '../../src/modules/supervision/matching/matcher.js';
import {
  syntheticObservations,
  syntheticWatchlist,
  type NameSource,
  type SyntheticObservation,
  type SyntheticWatchlist,
} from '../../src/modules/supervision/matching/synthetic/dataset.js';
import { evaluateMatches, type Quality } from '../../src/modules/supervision/matching/synthetic/evaluate.js';
import { ExactKeyIndex } from './exact-keys.js';

export interface Settings {
  persons: number;
  vehicles: number;
  observations: number;
  planted: number;
  naiveSample: number;
  seed: number;
}

export interface Throughput {
  observations: number;
  seconds: number;
  perSecond: number;
}

export interface QualitySummary {
  precision: number;
  recall: number;
  alerts: number;
  truePositives: number;
  planted: number;
  found: number;
  byVariant: Quality['byVariant'];
}

export interface FalseAlerts {
  total: number;
  /** Alerts on a listed person with the observed person's surname, given name and birth date: without an IIN or a
   * differing patronymic, nothing tells them apart. */
  namesakeSameDate: number;
  /** Same surname and given name, birth date one digit off or day and month swapped. */
  namesakeNearDate: number;
  plates: number;
  other: number;
}

export interface DatasetBench {
  names: NameSource;
  entries: { persons: number; vehicles: number };
  generateSeconds: number;
  build: { seconds: number; heapMb: number };
  ours: { throughput: Throughput; quality: QualitySummary; falseAlerts: FalseAlerts };
  exact: { buildSeconds: number; throughput: Throughput; quality: QualitySummary };
  naive: { throughput: Throughput; sample: number; sameAsIndex: number } | null;
}

function summary(quality: Quality): QualitySummary {
  const { precision, recall, alerts, truePositives, planted, found, byVariant } = quality;
  return { precision, recall, alerts, truePositives, planted, found, byVariant };
}

function timed(
  observations: readonly SyntheticObservation[],
  match: (observation: SyntheticObservation) => Match[],
) {
  const results: Match[][] = new Array<Match[]>(observations.length);
  const started = performance.now();
  for (const [i, observation] of observations.entries()) results[i] = match(observation);
  const seconds = (performance.now() - started) / 1000;
  return {
    results,
    throughput: { observations: observations.length, seconds, perSecond: observations.length / seconds },
  };
}

function quality(observations: readonly SyntheticObservation[], results: readonly Match[][]): Quality {
  let i = 0;
  return evaluateMatches(observations, () => results[i++] ?? []);
}

function sameDigitsButOne(a: string, b: string): boolean {
  let differing = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
  return (
    differing === 1 ||
    (a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8) && a.slice(8) === b.slice(5, 7))
  );
}

/** Sorts false alerts into namesakes (a matcher without the IIN can hardly avoid them) and the rest. */
function falseAlerts(
  watchlist: SyntheticWatchlist,
  observations: readonly SyntheticObservation[],
  results: readonly Match[][],
): FalseAlerts {
  const counts: FalseAlerts = { total: 0, namesakeSameDate: 0, namesakeNearDate: 0, plates: 0, other: 0 };
  const firstTwo = (fullName: string) => fullName.split(' ').slice(0, 2).join(' ');
  observations.forEach((observation, i) => {
    for (const match of results[i] ?? []) {
      if (match.entryId === observation.truth) continue;
      counts.total++;
      const listed = watchlist.people.get(match.entryId)?.person;
      const subject = observation.subject;
      const namesake =
        listed !== undefined &&
        subject !== undefined &&
        firstTwo(subject.fullName) === firstTwo(listed.fullName);
      if (!listed) counts.plates++;
      else if (namesake && subject.birthDate === listed.birthDate) counts.namesakeSameDate++;
      else if (namesake && sameDigitsButOne(subject.birthDate, listed.birthDate)) counts.namesakeNearDate++;
      else counts.other++;
    }
  });
  return counts;
}

export function benchDataset(names: NameSource, settings: Settings): DatasetBench {
  process.stdout.write(
    `\n[${names}] generating ${String(settings.persons + settings.vehicles)} entries and ${String(settings.observations)} observations… `,
  );
  let started = performance.now();
  const watchlist = syntheticWatchlist(settings.seed, settings.persons, settings.vehicles, names);
  const observations = syntheticObservations(watchlist, settings.seed + 1, settings.observations, {
    planted: settings.planted,
  });
  const generateSeconds = (performance.now() - started) / 1000;
  process.stdout.write(`${generateSeconds.toFixed(1)} s\n`);

  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  started = performance.now();
  const matcher = new Matcher(watchlist.entries);
  const build = {
    seconds: (performance.now() - started) / 1000,
    heapMb: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20,
  };

  timed(observations.slice(0, 20_000), (observation) => matcher.match(observation.identifiers)); // warm-up
  const ours = timed(observations, (observation) => matcher.match(observation.identifiers));
  const oursQuality = quality(observations, ours.results);

  started = performance.now();
  const exactIndex = new ExactKeyIndex(watchlist.entries);
  const exactBuild = (performance.now() - started) / 1000;
  const exact = timed(observations, (observation) => exactIndex.match(observation.identifiers));

  let naive: DatasetBench['naive'] = null;
  if (settings.naiveSample > 0) {
    const step = Math.max(1, Math.floor(observations.length / settings.naiveSample));
    const sample = observations.filter((_, i) => i % step === 0).slice(0, settings.naiveSample);
    const scan = timed(sample, (observation) => matcher.matchByScan(observation.identifiers));
    const indexed = sample.map((observation) => JSON.stringify(matcher.match(observation.identifiers)));
    const sameAsIndex = scan.results.filter((result, i) => JSON.stringify(result) === indexed[i]).length;
    naive = { throughput: scan.throughput, sample: sample.length, sameAsIndex };
  }
  return {
    names,
    entries: { persons: settings.persons, vehicles: settings.vehicles },
    generateSeconds,
    build,
    ours: {
      throughput: ours.throughput,
      quality: summary(oursQuality),
      falseAlerts: falseAlerts(watchlist, observations, ours.results),
    },
    exact: {
      buildSeconds: exactBuild,
      throughput: exact.throughput,
      quality: summary(quality(observations, exact.results)),
    },
    naive,
  };
}
