import { commonGivenNames } from './common-names.js';
import { addToBucket as add, NameDateIndex, dateKeys, type Bucket } from './blocking.js';
import { dateGate, gateShape, UNDATED, type DateGate } from './date-gate.js';
import {
  compareDateNumbers,
  dateNumber,
  iinNumber,
  nearDigitStrings,
  nearlyEqualIinNumbers,
} from './identity.js';
import {
  ALERT_THRESHOLD,
  bestPossibleScore,
  iinUpperWeight,
  listPerson,
  observePerson,
  quickScore,
  scoreObserved,
  type ListedPerson,
  type ObservedPerson,
  type Scored,
} from './person-score.js';
import { canonicalPlate, comparePlates, plateSkeleton } from './plates.js';

export type EntryKind = 'person' | 'vehicle';

export interface WatchlistEntry {
  entryId: string;
  kind: EntryKind;
  iin?: string;
  fullName?: string;
  birthDate?: string;
  plate?: string;
}

export interface Identifiers {
  name?: string;
  birthDate?: string;
  iin?: string;
  plate?: string;
}

export interface Match {
  entryId: string;
  score: number;
  reasons: string[];
}

export interface MatcherOptions {
  /** Matches at or above it are returned; ALERT_THRESHOLD by default. */
  threshold?: number;
}

/**
 * A watchlist index: an observation is scored only against the entries that share a blocking key with it (the same
 * IIN; the same plate or plate skeleton; a name word's first four canonical letters with part of the birth date),
 * never against the whole list. The blocks are chosen so that any pair able to reach the threshold shares one.
 */
export class Matcher {
  readonly threshold: number;
  private readonly ids: string[] = [];
  private readonly persons: (ListedPerson | null)[] = [];
  /** Listed birth dates and IINs as numbers, side by side in memory: most candidates are judged on these alone. */
  private listedDates = new Int32Array(0);
  private listedIins = new Float64Array(0);
  private readonly plates: (string | null)[] = [];
  private readonly byIin = new Map<string, Bucket>();
  private readonly byNameDate = new NameDateIndex();
  private readonly byPlate = new Map<string, Bucket>();
  private readonly bySkeleton = new Map<string, Bucket>();
  private byNamePair: Map<string, Bucket> | null = null;
  /** Canonical keys of given names: common ones and the watchlist's (see compareTokens). */
  private readonly knownNames = new Set<string>(commonGivenNames);
  /** How many entries in force give each given name the watchlist added to knownNames. */
  private readonly listedGivenNames = new Map<string, number>();
  private sealed = 0;
  private seen = new Uint32Array(0);
  /** Entry ids to their current index: an entry changed or withdrawn leaves its old index retired. */
  private readonly indexOf = new Map<string, number>();
  private retired = new Uint8Array(0);
  private retiredCount = 0;
  private readonly buckets: Bucket[] = [];
  private readonly gates = new Map<number, DateGate>();
  /** Reused by every match: the scored candidates of the observation at hand. */
  private readonly found = new Map<number, Scored>();
  private stamp = 0;

  constructor(entries: Iterable<WatchlistEntry>, options: MatcherOptions = {}) {
    this.threshold = options.threshold ?? ALERT_THRESHOLD;
    for (const entry of entries) this.add(entry);
    this.seal();
  }

  /**
   * The same index built a slice at a time, yielding to the event loop between slices: a server rebuilding its
   * 100,000-entry list (a second or two of work) keeps taking in and judging observations meanwhile.
   */
  static async build(
    entries: readonly WatchlistEntry[],
    options: MatcherOptions = {},
    slice = 2_000,
  ): Promise<Matcher> {
    const matcher = new Matcher([], options);
    for (let from = 0; from < entries.length; from += slice) {
      const to = Math.min(entries.length, from + slice);
      for (let i = from; i < to; i++) {
        const entry = entries[i];
        if (entry) matcher.add(entry);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    matcher.seal();
    return matcher;
  }

  /**
   * Lays the listed dates and IINs out side by side for the entries added since the last seal. The arrays keep spare
   * room, so a change to the list grows them now and then, not every time.
   */
  private seal(): void {
    const count = this.ids.length;
    const from = this.sealed;
    if (count === from) return;
    if (count > this.listedDates.length) {
      const capacity = from === 0 ? count : Math.max(count, Math.ceil(this.listedDates.length * 1.25));
      this.seen = grown(this.seen, new Uint32Array(capacity));
      this.retired = grown(this.retired, new Uint8Array(capacity));
      this.listedDates = grown(this.listedDates, new Int32Array(capacity));
      this.listedIins = grown(this.listedIins, new Float64Array(capacity));
    }
    for (let index = from; index < count; index++) {
      const person = this.persons[index] ?? null;
      this.listedDates[index] = dateNumber(person?.birthDate ?? null);
      this.listedIins[index] = iinNumber(person?.iin ?? null);
    }
    this.sealed = count;
  }

  /** Entries in force (changed and withdrawn ones no longer count). */
  get size(): number {
    return this.ids.length - this.retiredCount;
  }

  /** Changed and withdrawn entries still taking room in the blocks: past a point, building afresh is worth it. */
  get retiredEntries(): number {
    return this.retiredCount;
  }

  /**
   * Applies changes to the list in place: a changed entry is retired and added again, a withdrawn one retired. A
   * handful of changes costs little where building afresh costs a second or two. Retired entries still sit in the
   * blocks, so they are skipped when reported, and their given names are forgotten (see compareTokens): the index
   * answers as one built afresh from the changed list would.
   */
  update(changed: Iterable<WatchlistEntry>, withdrawn: Iterable<string> = []): void {
    for (const id of withdrawn) this.retire(id);
    for (const entry of changed) {
      this.retire(entry.entryId);
      this.add(entry);
    }
    this.seal();
  }

  private retire(entryId: string): void {
    const index = this.indexOf.get(entryId);
    if (index === undefined) return;
    this.indexOf.delete(entryId);
    if (index >= this.retired.length) this.retired = grown(this.retired, new Uint8Array(this.ids.length));
    this.retired[index] = 1;
    this.retiredCount++;
    for (const token of this.persons[index]?.name?.tokens ?? []) this.forgetGivenName(token.key);
  }

  private learnGivenName(key: string): void {
    this.listedGivenNames.set(key, (this.listedGivenNames.get(key) ?? 0) + 1);
    this.knownNames.add(key);
  }

  /** A retired entry's given names stop being known unless another entry, or the common list, has them. */
  private forgetGivenName(key: string): void {
    const count = this.listedGivenNames.get(key);
    if (count === undefined) return;
    if (count > 1) {
      this.listedGivenNames.set(key, count - 1);
      return;
    }
    this.listedGivenNames.delete(key);
    if (!commonGivenNames.has(key)) this.knownNames.delete(key);
  }

  private add(entry: WatchlistEntry): void {
    const index = this.ids.length;
    this.ids.push(entry.entryId);
    if (this.indexOf.has(entry.entryId)) this.retire(entry.entryId);
    this.indexOf.set(entry.entryId, index);
    const person = entry.kind === 'person' ? listPerson(entry) : null;
    this.persons.push(person);
    const plate = entry.plate === undefined ? '' : canonicalPlate(entry.plate);
    this.plates.push(plate === '' ? null : (entry.plate ?? null));
    if (plate !== '') {
      add(this.byPlate, plate, index);
      add(this.bySkeleton, plateSkeleton(plate), index);
    }
    if (person === null) return;
    if (this.byNamePair && person.name?.surname && person.name.given)
      add(this.byNamePair, pairKey(person.name.surname.block, person.name.given.block), index);
    if (person.iin !== null) add(this.byIin, person.iin.digits, index);
    for (const token of person.name?.tokens ?? []) {
      if (token !== person.name?.surname) this.learnGivenName(token.key);
      this.byNameDate.add(token.block, person.birthDate, index);
    }
  }

  /** Surname–given name pairs, built the first time a threshold low enough for name-only matches asks for them. */
  private namePairs(): Map<string, Bucket> {
    if (this.byNamePair) return this.byNamePair;
    const pairs = new Map<string, Bucket>();
    this.persons.forEach((person, index) => {
      const name = person?.name;
      if (name?.surname && name.given) add(pairs, pairKey(name.surname.block, name.given.block), index);
    });
    return (this.byNamePair = pairs);
  }

  /** Entries at or above the threshold, best first. */
  match(identifiers: Identifiers): Match[] {
    this.stamp = (this.stamp + 1) >>> 0 || 1;
    const found = this.found;
    found.clear();
    const hasPerson = identifiers.name !== undefined || identifiers.iin !== undefined;
    if (hasPerson) this.matchPerson(observePerson(identifiers), found);
    if (identifiers.plate !== undefined) this.matchPlate(identifiers.plate, found);
    return this.report(found);
  }

  /**
   * The same scoring against every entry, without blocking: thousands of times slower, for checking that the
   * blocks lose nothing (tests) and as the naive baseline (bench).
   */
  matchByScan(identifiers: Identifiers): Match[] {
    const found = new Map<number, Scored>();
    if (identifiers.name !== undefined || identifiers.iin !== undefined) {
      const observed = observePerson(identifiers);
      this.persons.forEach((listed, index) => {
        if (listed && quickScore(observed, listed, this.knownNames, this.threshold) >= this.threshold) {
          found.set(index, scoreObserved(observed, listed, this.knownNames));
        }
      });
    }
    const plate = identifiers.plate;
    if (plate !== undefined) {
      this.plates.forEach((listed, index) => {
        const compared = listed === null ? null : comparePlates(plate, listed);
        if (compared === null) return;
        const person = found.get(index);
        found.set(index, person ? combine(person, compared) : compared);
      });
    }
    return this.report(found);
  }

  private report(found: Map<number, Scored>): Match[] {
    const matches: Match[] = [];
    for (const [index, scored] of found) {
      const entryId = this.ids[index];
      if (entryId !== undefined && scored.score >= this.threshold && this.retired[index] !== 1)
        matches.push({ entryId, ...scored });
    }
    return matches.sort((a, b) => b.score - a.score || (a.entryId < b.entryId ? -1 : 1));
  }

  /** Entry indexes of a bucket not yet seen for this observation, marked as seen. */
  private *fresh(bucket: Bucket | undefined): Generator<number> {
    if (bucket === undefined) return;
    if (typeof bucket === 'number') {
      if (this.seen[bucket] !== this.stamp) {
        this.seen[bucket] = this.stamp;
        yield bucket;
      }
      return;
    }
    for (const index of bucket) {
      if (this.seen[index] === this.stamp) continue;
      this.seen[index] = this.stamp;
      yield index;
    }
  }

  private score(index: number, observed: ObservedPerson, found: Map<number, Scored>): void {
    const listed = this.persons[index];
    if (!listed || quickScore(observed, listed, this.knownNames, this.threshold) < this.threshold) return;
    found.set(index, scoreObserved(observed, listed, this.knownNames));
  }

  /** dateGate, whose openings depend only on the name's shape and the IIN's state: computed once per shape. */
  private gateFor(observed: ObservedPerson): DateGate {
    const shape = gateShape(observed);
    let gate = this.gates.get(shape);
    if (gate === undefined) this.gates.set(shape, (gate = dateGate(observed, this.threshold)));
    return { ...gate, observed, date: dateNumber(observed.birthDate), iin: iinNumber(observed.iin) };
  }

  /** Scores the bucket's unseen entries whose date agreement leaves them able to reach the threshold. */
  private scoreBucket(bucket: Bucket, gate: DateGate, found: Map<number, Scored>): void {
    if (typeof bucket === 'number') this.consider(bucket, gate, found);
    else for (const index of bucket) this.consider(index, gate, found);
  }

  private consider(index: number, gate: DateGate, found: Map<number, Scored>): void {
    if (this.seen[index] === this.stamp) return;
    this.seen[index] = this.stamp;
    const listedDate = this.listedDates[index] ?? -1;
    const agreement = gate.date < 0 || listedDate < 0 ? UNDATED : compareDateNumbers(gate.date, listedDate);
    // Pairs the date leaves out of reach are skipped, unless the IIN is one digit off the listed one and can help.
    const open =
      gate.plain[agreement] === true ||
      (gate.withIin[agreement] === true &&
        nearlyEqualIinNumbers(gate.iin, this.listedIins[index] ?? Number.NaN));
    if (open) this.score(index, gate.observed, found);
  }

  /**
   * The listed IIN, and IINs one digit off it when that can matter: always for an IIN failing its check digit (a
   * misread), and for a valid one only without a name, at thresholds low enough (with a name, the name blocks find
   * the entry; this is the one place where the index may return less than the full scan).
   */
  private matchIin(observed: ObservedPerson, found: Map<number, Scored>): void {
    const iin = observed.iin;
    if (iin === null) return;
    for (const index of this.fresh(this.byIin.get(iin.digits))) this.score(index, observed, found);
    const near =
      !iin.valid ||
      (observed.name === null &&
        bestPossibleScore(observed, 'equal', iinUpperWeight(observed)) >= this.threshold);
    if (!near || iin.digits.length !== 12) return;
    for (const digits of nearDigitStrings(iin.digits)) {
      for (const index of this.fresh(this.byIin.get(digits))) this.score(index, observed, found);
    }
  }

  private matchPerson(observed: ObservedPerson, found: Map<number, Scored>): void {
    if (observed.iin !== null) this.matchIin(observed, found);
    if (observed.name === null) return;
    const gate = this.gateFor(observed);
    const keys = observed.birthDate === null ? null : dateKeys(observed.birthDate, gate.reach);
    const blocks: string[] = [];
    for (const token of observed.name.tokens) if (!blocks.includes(token.block)) blocks.push(token.block);
    const buckets = this.buckets;
    buckets.length = 0;
    for (const block of blocks) this.byNameDate.lookup(block, keys, gate.reach.undated, buckets);
    for (const bucket of buckets) this.scoreBucket(bucket, gate, found);
    if (observed.birthDate !== null || gate.withIin[UNDATED] !== true) return;
    // A name without a birth date can reach the threshold only when the threshold is low or an IIN helps.
    const pairs = this.namePairs();
    for (const a of blocks) {
      for (const b of blocks) {
        const bucket = a === b ? undefined : pairs.get(pairKey(a, b));
        if (bucket !== undefined) this.scoreBucket(bucket, gate, found);
      }
    }
  }

  private matchPlate(raw: string, found: Map<number, Scored>): void {
    const plate = canonicalPlate(raw);
    if (plate === '') return;
    // The plate pass has its own visit stamp: a person found by name must still get its plate compared.
    this.stamp = (this.stamp + 1) >>> 0 || 1;
    this.comparePlate(raw, this.byPlate.get(plate), found);
    this.comparePlate(raw, this.bySkeleton.get(plateSkeleton(plate)), found);
  }

  private comparePlate(raw: string, bucket: Bucket | undefined, found: Map<number, Scored>): void {
    if (bucket === undefined) return;
    if (typeof bucket === 'number') this.comparePlateAt(raw, bucket, found);
    else for (const index of bucket) this.comparePlateAt(raw, index, found);
  }

  private comparePlateAt(raw: string, index: number, found: Map<number, Scored>): void {
    if (this.seen[index] === this.stamp) return;
    this.seen[index] = this.stamp;
    const listed = this.plates[index];
    const compared = listed == null ? null : comparePlates(raw, listed);
    if (compared === null) return;
    const person = found.get(index);
    found.set(index, person ? combine(person, compared) : compared);
  }
}

function pairKey(a: string, b: string): string {
  return `${a}&${b}`;
}

/** A listed person whose car was also seen: two independent agreements. */
function combine(a: Scored, b: Scored): Scored {
  return {
    score: Math.max(a.score, b.score, 1 - (1 - a.score) * (1 - b.score)),
    reasons: [...a.reasons, ...b.reasons],
  };
}

/** `target` with `source` copied to its start. */
function grown<T extends Uint8Array | Uint32Array | Int32Array | Float64Array>(source: T, target: T): T {
  target.set(source.subarray(0, Math.min(source.length, target.length)));
  return target;
}
