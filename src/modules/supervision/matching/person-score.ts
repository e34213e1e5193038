import { commonGivenNames } from './common-names.js';
import {
  compareDates,
  formatDate,
  nearlyEqualDigits,
  parseBirthDate,
  parseIin,
  type BirthDate,
  type DateAgreement,
  type Iin,
} from './identity.js';
import { listedName, type ListedName } from './name-compare.js';
import { alignedWeight, maxNameWeight, nameEvidence, type Evidence } from './name-evidence.js';
import { parseName, type ParsedName } from './names.js';

/**
 * Scores at or above this raise an alert. 0.85 is log-odds 1.7 under the weights below: a full name with the birth
 * date passes (0.99), so do transliterated or once-mistyped names with it (0.92–0.99), a full name with a
 * day–month-swapped date and a full name with patronymic and a one-digit date (0.92); a full name alone (0.62, 0.82
 * with the patronymic), a surname with the birth date (0.50) and a namesake born on another day (0.004) do not. On the
 * generated quality set it keeps precision above 0.95 with recall above 0.9; a lower threshold brings name-only
 * sightings in for review (--threshold 0.8, or 0.6 without a patronymic).
 */
export const ALERT_THRESHOLD = 0.85;

// Log-odds of a chance pair being the same person before any evidence: with ~10^5 listed people and most sightings
// of nobody on the list, a pair needs strong agreement to pass.
const PRIOR = -7.5;
// A one-digit date is the weakest agreement: some 30 dates lie one digit from any date, so namesakes born within a
// digit of a listed person are common; a day–month swap has one neighbour only.
const dateWeights: Record<DateAgreement, number> = { equal: 5, swapped: 2, 'one-digit': 1, differs: -6 };
const IIN_SAME_BUT_CONTRADICTED = 9;
const IIN_NEARLY_SAME = 4;
// The check digit cannot see a change in the 11th digit (its weight is 11, 0 mod 11), so a misread there gives
// another valid IIN one digit off: weaker than a failed check, but no sign of another person either.
const IIN_NEARLY_SAME_VALID = 2;
const IIN_DIFFERS = -8;
/** Anything short of a consistent IIN stays below 1, so a decisive match can always be told apart. */
const CEILING = 0.99;

export interface PersonIdentifiers {
  name?: string;
  birthDate?: string;
  iin?: string;
}

export interface ListedPersonFields {
  fullName?: string;
  birthDate?: string;
  iin?: string;
}

/** An observation's person identifiers, parsed once. */
export interface ObservedPerson {
  name: ParsedName | null;
  iin: Iin | null;
  /** The stated birth date, else the one inside the IIN (even one failing its check digit). */
  birthDate: BirthDate | null;
  birthDateFromIin: boolean;
}

/** A listed person, parsed once when the watchlist is loaded. */
export interface ListedPerson {
  name: ListedName | null;
  iin: Iin | null;
  birthDate: BirthDate | null;
}

export interface Scored {
  score: number;
  reasons: string[];
}

export function observePerson(identifiers: PersonIdentifiers): ObservedPerson {
  const name = identifiers.name === undefined ? null : parseName(identifiers.name);
  const iin = parseIin(identifiers.iin);
  const stated = parseBirthDate(identifiers.birthDate);
  // With no stated date, the IIN's is used even when its check digit fails: a misread elsewhere leaves it intact,
  // and a misread inside it shows as a one-digit date.
  const fromIin = stated === null ? (iin?.birthDate ?? null) : null;
  return {
    name: name?.tokens.length === 0 ? null : name,
    iin,
    birthDate: stated ?? fromIin,
    birthDateFromIin: fromIin !== null,
  };
}

export function listPerson(fields: ListedPersonFields): ListedPerson {
  const parsed = fields.fullName === undefined ? null : parseName(fields.fullName);
  const iin = parseIin(fields.iin);
  const birthDate = parseBirthDate(fields.birthDate) ?? (iin?.valid === true ? iin.birthDate : null);
  return { name: parsed === null || parsed.tokens.length === 0 ? null : listedName(parsed), iin, birthDate };
}

const logistic = (logOdds: number) => 1 / (1 + Math.exp(-logOdds));

type IinAgreement =
  | 'decisive'
  | 'same-unchecked'
  | 'same-contradicted'
  | 'differs'
  | 'nearly-same'
  | 'nearly-same-valid'
  | 'unreadable'
  | 'other'
  | 'none';

const iinWeights: Record<IinAgreement, number> = {
  decisive: 0,
  'same-unchecked': IIN_SAME_BUT_CONTRADICTED,
  'same-contradicted': IIN_SAME_BUT_CONTRADICTED,
  differs: IIN_DIFFERS,
  'nearly-same': IIN_NEARLY_SAME,
  'nearly-same-valid': IIN_NEARLY_SAME_VALID,
  unreadable: 0,
  other: IIN_DIFFERS / 2,
  none: 0,
};

/**
 * The observed IIN against the listed one. Equal with a valid check digit decides, provided the birth dates on both
 * sides agree with the one inside it; a contradicted IIN is strong evidence, not proof (one of the records is wrong).
 */
function compareIins(observed: ObservedPerson, listed: ListedPerson): IinAgreement {
  const a = observed.iin;
  const b = listed.iin;
  if (a === null || b === null) return 'none';
  if (a.digits === b.digits) {
    if (!a.valid) return 'same-unchecked';
    return contradiction(observed, listed) === null ? 'decisive' : 'same-contradicted';
  }
  if (a.valid && b.valid) return nearlyEqualDigits(a.digits, b.digits) ? 'nearly-same-valid' : 'differs';
  if (!a.valid) return nearlyEqualDigits(a.digits, b.digits) ? 'nearly-same' : 'unreadable';
  return 'other';
}

/** A stated birth date (observed, else listed) that differs from the one inside the matching IIN, in words. */
function contradiction(observed: ObservedPerson, listed: ListedPerson): string | null {
  const inIin = observed.iin?.birthDate;
  if (!inIin) return null;
  const stated = observed.birthDateFromIin ? null : observed.birthDate;
  if (stated !== null && stated.digits !== inIin.digits) {
    return `the observed birth date ${formatDate(stated)} contradicts the one in it (${formatDate(inIin)})`;
  }
  if (listed.birthDate !== null && listed.birthDate.digits !== inIin.digits) {
    return `the listed birth date ${formatDate(listed.birthDate)} contradicts the one in it (${formatDate(inIin)})`;
  }
  return null;
}

function iinReasons(agreement: IinAgreement, observed: ObservedPerson, listed: ListedPerson): string[] {
  switch (agreement) {
    case 'decisive':
      return ['IIN matches'];
    case 'same-unchecked':
      return ['IIN matches, but its check digit fails'];
    case 'same-contradicted':
      return [`IIN matches, but ${contradiction(observed, listed) ?? 'a birth date contradicts it'}`];
    case 'differs':
    case 'other':
      return ['IIN differs'];
    case 'nearly-same':
      return ['IIN one digit off the listed one (its check digit fails: likely misread)'];
    case 'nearly-same-valid':
      return ['IIN one digit off the listed one (both valid: a misread, or someone born the same day)'];
    case 'unreadable':
      return ['IIN unreadable (check digit fails), not used'];
    case 'none':
      return [];
  }
}

/** With the IIN equal, the dates' quarrel is the IIN evidence's business: counting it again would doubly punish it. */
const datesCount = (iin: IinAgreement) => iin !== 'same-contradicted' && iin !== 'same-unchecked';

export function dateEvidence(observed: ObservedPerson, listed: ListedPerson): Evidence {
  const a = observed.birthDate;
  const b = listed.birthDate;
  if (a === null || b === null) return { weight: 0, reasons: a === null ? ['no birth date observed'] : [] };
  const agreement = compareDates(a, b);
  const source = !observed.birthDateFromIin
    ? ''
    : observed.iin?.valid === true
      ? ' (from the IIN)'
      : ' (from the IIN, whose check digit fails)';
  const pair = `${formatDate(a)} vs ${formatDate(b)}`;
  const reason: Record<DateAgreement, string> = {
    equal: `birth date matches${source}`,
    swapped: `birth date matches with day and month swapped (${pair})`,
    'one-digit': `birth date one digit off (${pair})`,
    differs: `birth date differs (${pair})`,
  };
  return { weight: dateWeights[agreement], reasons: [reason[agreement]] };
}

/** The highest score a pair can reach given its date agreement: the index skips pairs that cannot alert. */
export function bestPossibleScore(
  observed: ObservedPerson,
  dates: DateAgreement | null,
  iinWeight: number,
): number {
  const names = observed.name === null ? 0 : maxNameWeight(observed.name);
  return logistic(PRIOR + names + (dates === null ? 0 : dateWeights[dates]) + iinWeight);
}

/** The largest weight an observation's IIN can add to a pair found by name (a different valid IIN only subtracts). */
export function iinUpperWeight(observed: ObservedPerson): number {
  if (observed.iin === null) return 0;
  return observed.iin.valid ? IIN_NEARLY_SAME_VALID : IIN_NEARLY_SAME;
}

function dateWeight(observed: ObservedPerson, listed: ListedPerson): number {
  return observed.birthDate === null || listed.birthDate === null
    ? 0
    : dateWeights[compareDates(observed.birthDate, listed.birthDate)];
}

/**
 * The pair's score without its reasons, so the index writes reasons only for the pairs it reports. Below `floor`
 * it may stop early and return 0.
 */
export function quickScore(
  observed: ObservedPerson,
  listed: ListedPerson,
  knownNames?: ReadonlySet<string>,
  floor = 0,
): number {
  const iin = compareIins(observed, listed);
  if (iin === 'decisive') return 1;
  if (observed.name === null && iinWeights[iin] <= 0) return 0;
  const known = PRIOR + iinWeights[iin] + (datesCount(iin) ? dateWeight(observed, listed) : 0);
  const needed = floor > 0 && floor < 1 ? Math.log(floor / (1 - floor)) - known : -Infinity;
  const names =
    observed.name !== null && listed.name !== null
      ? alignedWeight(observed.name, listed.name, knownNames, needed)
      : 0;
  return names === -Infinity ? 0 : Math.min(CEILING, logistic(known + names));
}

/** Scores one observed person against one listed person, with the reasons; `knownNames` as in compareTokens. */
export function scoreObserved(
  observed: ObservedPerson,
  listed: ListedPerson,
  knownNames?: ReadonlySet<string>,
): Scored {
  const iin = compareIins(observed, listed);
  const names =
    observed.name !== null && listed.name !== null
      ? nameEvidence(observed.name, listed.name, knownNames)
      : { weight: 0, reasons: [] };
  const dates = datesCount(iin) ? dateEvidence(observed, listed) : { weight: 0, reasons: [] };
  const reasons = [...iinReasons(iin, observed, listed), ...names.reasons, ...dates.reasons];
  if (iin === 'decisive') return { score: 1, reasons };
  if (observed.name === null && iinWeights[iin] <= 0) return { score: 0, reasons };
  return {
    score: Math.min(CEILING, logistic(PRIOR + iinWeights[iin] + names.weight + dates.weight)),
    reasons,
  };
}

/** Scores raw identifiers against a raw entry, without an index (one-off checks, tests), knowing the common names. */
export function scorePerson(identifiers: PersonIdentifiers, entry: ListedPersonFields): Scored {
  return scoreObserved(observePerson(identifiers), listPerson(entry), commonGivenNames);
}
