import { jaroWinkler } from './jaro-winkler.js';
import {
  agreementOf,
  compareTokens,
  describeToken,
  type Agreement,
  type ListedName,
  type Role,
  type TokenComparison,
} from './name-compare.js';
import type { NameToken, ParsedName } from './names.js';

/**
 * Log-odds weights of each kind of agreement (Fellegi–Sunter record linkage: agreement on a field adds the log of
 * how much likelier it is among true pairs than among chance pairs). Set by hand against the generated quality set
 * (quality.test.ts): a full name alone must stay below the alerting threshold, a full name with the birth date must
 * pass it even with one typo in each word. A weak given name adds a little (typos of short names land there, and
 * known different names are ruled out first); a weak surname adds nothing (different surnames land there too).
 */
// prettier-ignore
const surnameWeights: Record<Agreement, number> = {
  exact: 4, variant: 4, 'russian-form': 3.5, 'kazakh-form': 3.5, 'gender-form': 1, initial: 0, close: 2.5, weak: 0, differs: -4,
};
// prettier-ignore
const givenWeights: Record<Agreement, number> = {
  exact: 4, variant: 4, 'russian-form': 3.5, 'kazakh-form': 3.5, 'gender-form': 3.5, initial: 1, close: 2.5, weak: 0.5, differs: -4,
};
const MISSING = -1.5;
const PATRONYMIC_SAME = 1;
const PATRONYMIC_CLOSE = 0.5;
// Same surname, given name and birth date but another father is another person (cousins, namesakes). Fathers'
// names only somewhat alike (Серик / Берик, or a patronymic mistyped) say nothing either way.
const PATRONYMIC_DIFFERS = -4;

export interface Evidence {
  weight: number;
  reasons: string[];
}

/** One role filled (or not) by one observed word; the reason is written only for pairs that are reported. */
interface Slot {
  weight: number;
  role: Role;
  observed: NameToken | null;
  listed: NameToken | null;
  comparison: TokenComparison | null;
}

/** The best reading of an observed name against a listed one, without its reasons. */
export interface NameAlignment {
  weight: number;
  surname: Slot;
  given: Slot;
  patronymic: { weight: number; similarity: number } | null;
}

/** The most a name of this shape can add, for the index to skip pairs that cannot alert whatever the letters. */
export function maxNameWeight(observed: ParsedName): number {
  const words = observed.tokens.length;
  // One word can fill the only role of a one-word listed name, so no MISSING is taken off it: a bound must not bite.
  const base =
    words >= 2 ? surnameWeights.exact + givenWeights.exact : words === 1 ? surnameWeights.exact : 0;
  return base + (observed.patronymic === null ? 0 : PATRONYMIC_SAME);
}

function slot(
  observed: NameToken | null,
  listed: NameToken | null,
  role: Role,
  knownNames?: ReadonlySet<string>,
): Slot {
  if (listed === null) return { weight: 0, role, observed, listed, comparison: null };
  if (observed === null) return { weight: MISSING, role, observed, listed, comparison: null };
  const comparison = compareTokens(observed, listed, role, knownNames);
  const weights = role === 'surname' ? surnameWeights : givenWeights;
  return { weight: weights[comparison.agreement], role, observed, listed, comparison };
}

function patronymicWeight(observed: ParsedName, listed: ListedName): NameAlignment['patronymic'] {
  if (observed.patronymic === null || listed.patronymic === null) return null;
  if (observed.patronymic.father === listed.patronymic.father)
    return { weight: PATRONYMIC_SAME, similarity: 1 };
  const similarity = jaroWinkler(observed.patronymic.father, listed.patronymic.father);
  return {
    weight: similarity >= 0.9 ? PATRONYMIC_CLOSE : similarity >= 0.8 ? 0 : PATRONYMIC_DIFFERS,
    similarity,
  };
}

/**
 * Any observed word may be the surname (registers write it first, passports and cameras often last), any other the
 * given name. With two or more observed words both roles are filled: a word that disagrees must count against the
 * pair, not be set aside as if it were absent. Extra words (a second given name) may go unused.
 */
export function alignNames(
  observed: ParsedName,
  listed: ListedName,
  knownNames?: ReadonlySet<string>,
): NameAlignment {
  const words = observed.tokens.length > 4 ? observed.tokens.slice(0, 4) : observed.tokens;
  const surnames = words.map((word) => slot(word, listed.surname, 'surname', knownNames));
  const givens = words.map((word) => slot(word, listed.given, 'given', knownNames));
  const noSurname = slot(null, listed.surname, 'surname');
  const noGiven = slot(null, listed.given, 'given');
  const lowest = words.length >= 2 && listed.surname !== null && listed.given !== null ? 0 : -1;
  let surname = noSurname;
  let given = noGiven;
  let total = -Infinity;
  for (let i = lowest; i < words.length; i++) {
    for (let j = lowest; j < words.length; j++) {
      if (i === j && i !== -1) continue;
      const a = i === -1 ? noSurname : (surnames[i] ?? noSurname);
      const b = j === -1 ? noGiven : (givens[j] ?? noGiven);
      if (a.weight + b.weight > total) {
        total = a.weight + b.weight;
        surname = a;
        given = b;
      }
    }
  }
  const patronymic = patronymicWeight(observed, listed);
  return { weight: total + (patronymic?.weight ?? 0), surname, given, patronymic };
}

// Scratch weights for alignedWeight, reused across calls: it runs for every candidate pair the index scores.
const surnameScratch = new Float64Array(4);
const givenScratch = new Float64Array(4);

/**
 * alignNames(...).weight without building the alignment: the index's fast path for every candidate pair. Returns
 * -Infinity as soon as the pair cannot reach `needed` (the patronymic is checked first: it is one comparison).
 */
export function alignedWeight(
  observed: ParsedName,
  listed: ListedName,
  knownNames?: ReadonlySet<string>,
  needed = -Infinity,
): number {
  const patronymic = patronymicWeight(observed, listed)?.weight ?? 0;
  if (maxNameWeight(observed) - (observed.patronymic === null ? 0 : PATRONYMIC_SAME) + patronymic < needed)
    return -Infinity;
  const n = Math.min(4, observed.tokens.length);
  const surnameListed = listed.surname;
  const givenListed = listed.given;
  for (let i = 0; i < n; i++) {
    const word = observed.tokens[i];
    if (word === undefined) break;
    surnameScratch[i] =
      surnameListed === null ? 0 : surnameWeights[agreementOf(word, surnameListed, 'surname', knownNames)];
    givenScratch[i] =
      givenListed === null ? 0 : givenWeights[agreementOf(word, givenListed, 'given', knownNames)];
  }
  const noSurname = surnameListed === null ? 0 : MISSING;
  const noGiven = givenListed === null ? 0 : MISSING;
  const lowest = n >= 2 && surnameListed !== null && givenListed !== null ? 0 : -1;
  let total = -Infinity;
  for (let i = lowest; i < n; i++) {
    for (let j = lowest; j < n; j++) {
      if (i === j && i !== -1) continue;
      const weight =
        (i === -1 ? noSurname : (surnameScratch[i] ?? noSurname)) +
        (j === -1 ? noGiven : (givenScratch[j] ?? noGiven));
      if (weight > total) total = weight;
    }
  }
  return total + patronymic;
}

function describeSlot(slot: Slot): string {
  if (slot.listed === null) return '';
  if (slot.observed === null || slot.comparison === null)
    return `no ${slot.role === 'surname' ? 'surname' : 'given name'} in the observation`;
  return describeToken(slot.observed, slot.listed, slot.role, slot.comparison);
}

function describePatronymic(observed: ParsedName, listed: ListedName, alignment: NameAlignment): string {
  const a = observed.patronymic;
  const b = listed.patronymic;
  if (alignment.patronymic === null || a === null || b === null) return '';
  if (a.raw.toLowerCase() === b.raw.toLowerCase()) return 'patronymic matches';
  if (alignment.patronymic.similarity === 1) return `patronymic ${a.raw} ≈ ${b.raw} (same father’s name)`;
  const similarity = alignment.patronymic.similarity.toFixed(2);
  if (alignment.patronymic.weight > 0) return `patronymic ${a.raw} ≈ ${b.raw} (similarity ${similarity})`;
  if (alignment.patronymic.weight === 0)
    return `patronymic ${a.raw} is only similar to ${b.raw} (similarity ${similarity})`;
  return `patronymic differs (${a.raw} vs ${b.raw})`;
}

/** The alignment's weight with its reasons in words: surname, given name, patronymic. */
export function nameEvidence(
  observed: ParsedName,
  listed: ListedName,
  knownNames?: ReadonlySet<string>,
): Evidence {
  if (observed.tokens.length === 0 && observed.patronymic === null) return { weight: 0, reasons: [] };
  const alignment = alignNames(observed, listed, knownNames);
  const reasons = [
    describeSlot(alignment.surname),
    describeSlot(alignment.given),
    describePatronymic(observed, listed, alignment),
  ];
  return { weight: alignment.weight, reasons: reasons.filter((reason) => reason !== '') };
}
