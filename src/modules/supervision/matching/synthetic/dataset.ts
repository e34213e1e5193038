/**
 * A generated watchlist and observation stream with planted truth, for the quality test and the benchmark. Listed
 * people come from src/core/demo/people.ts (valid IINs); 60 % are listed under their Russian-form names, 40 % under
 * Kazakh spellings with a -ұлы/-қызы patronymic. Observations of listed people vary as real feeds do (see
 * personName); the rest are unlisted people, namesakes and relatives of listed ones, and unlisted plates.
 */
import { demoPerson, type DemoPerson, Rng } from '../../../../core/index.js';
import type { Identifiers, WatchlistEntry } from '../matcher.js';
import { plateVariant, randomPlate } from './plates.js';
import { widePerson } from './wide-names.js';
import {
  capitalise,
  kazakhForm,
  kazakhSurname,
  patronymic,
  sovietPassport,
  transliterate,
  typo,
  type Alphabet,
} from './spellings.js';

export interface NameParts {
  surname: string;
  given: string;
  father: string;
  male: boolean;
}

/** Where people's names come from: src/core/demo/people.ts as it is, or its people renamed from wide-names.ts. */
export type NameSource = 'demo' | 'wide';
const sources: Record<NameSource, (rng: Rng) => DemoPerson> = { demo: demoPerson, wide: widePerson };

export interface SyntheticWatchlist {
  names: NameSource;
  entries: WatchlistEntry[];
  /** Listed people by entry id, in Russian form, to render observations from. */
  people: Map<string, { person: DemoPerson; parts: NameParts }>;
  iins: Set<string>;
}

export interface SyntheticObservation {
  id: string;
  identifiers: Identifiers;
  /** The entry the observation was planted from, or null. */
  truth: string | null;
  /** How it was written, for per-variant recall. */
  variant: string;
  /** The person observed (Russian-form full name, birth date), to tell apart false alerts no matcher could avoid. */
  subject?: { fullName: string; birthDate: string };
}

function partsOf(person: DemoPerson): NameParts {
  const [surname = '', given = '', patronymicWord = ''] = person.fullName.split(' ');
  return { surname, given, father: patronymicWord.replace(/(ович|овна)$/, ''), male: person.sex === 'male' };
}

export function syntheticWatchlist(
  seed: number,
  persons: number,
  vehicles: number,
  names: NameSource = 'demo',
): SyntheticWatchlist {
  const rng = new Rng(seed);
  const nextPerson = sources[names];
  const entries: WatchlistEntry[] = [];
  const people = new Map<string, { person: DemoPerson; parts: NameParts }>();
  const iins = new Set<string>();
  while (people.size < persons) {
    const person = nextPerson(rng);
    if (iins.has(person.iin)) continue;
    iins.add(person.iin);
    const parts = partsOf(person);
    const entryId = `P${String(people.size + 1).padStart(6, '0')}`;
    const fullName = rng.chance(0.6)
      ? person.fullName
      : `${kazakhForm(parts.surname)} ${kazakhForm(parts.given)} ${patronymic(parts.father, parts.male, true)}`;
    people.set(entryId, { person, parts });
    entries.push({
      entryId,
      kind: 'person',
      fullName,
      birthDate: person.birthDate,
      ...(rng.chance(0.9) ? { iin: person.iin } : {}),
    });
  }
  const plates = new Set<string>();
  while (plates.size < vehicles) {
    const plate = randomPlate(rng);
    if (plates.has(plate)) continue;
    plates.add(plate);
    entries.push({ entryId: `V${String(plates.size).padStart(6, '0')}`, kind: 'vehicle', plate });
  }
  return { names, entries, people, iins };
}

type Style = 'russian' | 'kazakh' | 'kazakh-surname' | 'passport' | 'english' | 'latin2021' | 'latin2017';

/** A name as one source writes it: script and alphabet, word order, patronymic or not, case, perhaps a typo. */
export function personName(parts: NameParts, rng: Rng): { name: string; variant: string } {
  const style = rng.weighted<Style>([
    ['russian', 2],
    ['kazakh', 2],
    ['kazakh-surname', 1],
    ['passport', 3],
    ['english', 1],
    ['latin2021', 1],
    ['latin2017', 1],
  ]);
  const kazakhWords = [
    kazakhForm(parts.surname),
    kazakhForm(parts.given),
    patronymic(parts.father, parts.male, true),
  ];
  const russianWords = [parts.surname, parts.given, patronymic(parts.father, parts.male, false)];
  const latin = (words: string[], alphabet: Alphabet) => words.map((word) => transliterate(word, alphabet));
  let words: string[];
  switch (style) {
    case 'russian':
      words = russianWords;
      break;
    case 'kazakh':
      words = kazakhWords;
      break;
    case 'kazakh-surname':
      words = [kazakhSurname(parts.surname), ...kazakhWords.slice(1)];
      break;
    case 'passport': {
      const upper = latin(rng.chance(0.5) ? russianWords : kazakhWords, 'icao')
        .slice(0, 2)
        .map((word) => word.toUpperCase());
      words = rng.chance(0.3) ? upper.map(sovietPassport) : upper;
      break;
    }
    case 'english':
      words = latin(russianWords, 'english');
      break;
    case 'latin2021':
      words = latin(kazakhWords, 'latin2021');
      break;
    case 'latin2017':
      words = latin(kazakhWords, 'latin2017');
      break;
  }
  const modifiers: string[] = [];
  if (words.length === 3 && rng.chance(0.5)) {
    words = words.slice(0, 2);
    modifiers.push('no patronymic');
  }
  if (rng.chance(0.4)) {
    words = [words[1] ?? '', ...(words[2] ? [words[2]] : []), words[0] ?? ''];
    modifiers.push('given name first');
  }
  if (rng.chance(0.2)) {
    const at = rng.int(0, words.length - 1);
    words = words.map((word, i) => (i === at ? typo(word, rng) : word));
    modifiers.push('typo');
  }
  if (style !== 'passport' && rng.chance(0.15)) words = words.map((word) => word.toUpperCase());
  return {
    name: words.map((word) => (word === word.toUpperCase() ? word : capitalise(word))).join(' '),
    variant: [style, ...modifiers].join(', '),
  };
}

/** A date with exactly one digit changed that is still a date (a typo or a misread). */
function oneDigitOff(date: string, rng: Rng): string {
  for (;;) {
    const at = rng.pick([2, 3, 5, 6, 8, 9]);
    const changed = `${date.slice(0, at)}${String(rng.int(0, 9))}${date.slice(at + 1)}`;
    const [, month = 0, day = 0] = changed.split('-').map(Number);
    if (changed !== date && month >= 1 && month <= 12 && day >= 1 && day <= 28) return changed;
  }
}

/** Identifiers of a listed person as a feed reports them: a name variant, usually the birth date, sometimes the IIN. */
function plantedPerson(
  person: DemoPerson,
  parts: NameParts,
  listedIin: boolean,
  rng: Rng,
): { identifiers: Identifiers; variant: string } {
  // A database feed with the IIN alone, only for entries listed with one: nothing else could match it.
  if (listedIin && rng.chance(0.03)) return { identifiers: { iin: person.iin }, variant: 'IIN only' };
  const { name, variant } = personName(parts, rng);
  const identifiers: Identifiers = { name };
  const extras: string[] = [];
  const [year, month, day] = person.birthDate.split('-');
  const dateKind = rng.weighted([
    ['exact', 0.85],
    ['one-digit', 0.05],
    ['swapped', 0.05],
    ['missing', 0.05],
  ] as const);
  if (dateKind === 'exact' || (dateKind === 'swapped' && month === day))
    identifiers.birthDate = person.birthDate;
  else if (dateKind === 'one-digit') identifiers.birthDate = oneDigitOff(person.birthDate, rng);
  else if (dateKind === 'swapped')
    identifiers.birthDate =
      Number(day) <= 12 ? `${year ?? ''}-${day ?? ''}-${month ?? ''}` : person.birthDate;
  if (dateKind !== 'exact' && identifiers.birthDate !== person.birthDate) extras.push(`date ${dateKind}`);
  if (dateKind === 'missing' || rng.chance(0.3)) {
    const misread = rng.chance(0.05);
    identifiers.iin = misread ? oneDigitIin(person.iin, rng) : person.iin;
    extras.push(misread ? 'IIN misread' : 'with IIN');
  }
  return { identifiers, variant: [variant, ...extras].join(', ') };
}

function oneDigitIin(iin: string, rng: Rng): string {
  const at = rng.int(6, 11);
  return `${iin.slice(0, at)}${String((Number(iin[at]) + rng.int(1, 9)) % 10)}${iin.slice(at + 1)}`;
}

/** A different birth date: at least two digits apart and not a day–month swap, so no typo explains it. */
function otherDate(date: string, rng: Rng): string {
  for (;;) {
    const candidate = `${String(rng.int(1960, 2008))}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    let differing = 0;
    for (let i = 0; i < date.length; i++) if (date[i] !== candidate[i]) differing++;
    const swapped =
      candidate.slice(0, 4) === date.slice(0, 4) &&
      candidate.slice(5, 7) === date.slice(8) &&
      candidate.slice(8) === date.slice(5, 7);
    if (differing >= 2 && !swapped) return candidate;
  }
}

export interface ObservationMix {
  /** Share of observations planted from listed entries (default 0.05). */
  planted?: number;
  /** Share of unlisted person observations that are a listed person's namesake or relative (default 0.1). */
  hardNegatives?: number;
}

export function syntheticObservations(
  watchlist: SyntheticWatchlist,
  seed: number,
  count: number,
  mix: ObservationMix = {},
): SyntheticObservation[] {
  const rng = new Rng(seed);
  const listed = watchlist.entries;
  const people = [...watchlist.people.values()];
  const personShare = people.length / Math.max(1, listed.length);
  const listedPlates = new Set(
    listed.flatMap((entry) => (entry.plate ? [entry.plate.replace(/\s/g, '')] : [])),
  );
  const out: SyntheticObservation[] = [];
  for (let n = 0; n < count; n++) {
    const id = `O${String(n + 1).padStart(7, '0')}`;
    if (rng.chance(mix.planted ?? 0.05)) {
      const entry = rng.pick(listed);
      const known = watchlist.people.get(entry.entryId);
      if (known) {
        const subject = { fullName: known.person.fullName, birthDate: known.person.birthDate };
        out.push({
          id,
          truth: entry.entryId,
          subject,
          ...plantedPerson(known.person, known.parts, entry.iin !== undefined, rng),
        });
      } else {
        const { plate, variant } = plateVariant(entry.plate ?? '', rng);
        out.push({ id, identifiers: { plate }, truth: entry.entryId, variant: `plate ${variant}` });
      }
      continue;
    }
    if (!rng.chance(personShare)) {
      let plate = randomPlate(rng);
      while (listedPlates.has(plate.replace(/\s/g, ''))) plate = randomPlate(rng);
      out.push({ id, identifiers: { plate }, truth: null, variant: 'unlisted plate' });
      continue;
    }
    if (people.length > 0 && rng.chance(mix.hardNegatives ?? 0.1)) {
      const { person, parts } = rng.pick(people);
      const relative = rng.chance(0.5);
      const other = rng.pick(people).parts;
      const given = relative
        ? other.male === parts.male && other.given !== parts.given
          ? other.given
          : null
        : parts.given;
      if (given !== null) {
        const { name, variant } = personName({ ...parts, given }, rng);
        const identifiers = { name, birthDate: otherDate(person.birthDate, rng) };
        out.push({
          id,
          identifiers,
          truth: null,
          variant: `${relative ? 'relative' : 'namesake'}: ${variant}`,
        });
        continue;
      }
    }
    const nextPerson = sources[watchlist.names];
    let person = nextPerson(rng);
    while (watchlist.iins.has(person.iin)) person = nextPerson(rng);
    const { name, variant } = personName(partsOf(person), rng);
    const identifiers: Identifiers = {
      name,
      birthDate: person.birthDate,
      ...(rng.chance(0.3) ? { iin: person.iin } : {}),
    };
    const subject = { fullName: person.fullName, birthDate: person.birthDate };
    out.push({ id, identifiers, truth: null, variant: `unlisted: ${variant}`, subject });
  }
  return out;
}
