import { jaroWinkler, withinOneEdit } from './jaro-winkler.js';
import { surnameIndex, type NameToken, type ParsedName } from './names.js';

export type Agreement =
  | 'exact'
  | 'variant'
  | 'russian-form'
  | 'kazakh-form'
  | 'gender-form'
  | 'initial'
  | 'close'
  | 'weak'
  | 'differs';

export interface TokenComparison {
  agreement: Agreement;
  /** Jaro–Winkler on the canonical keys (1 when the keys are equal). */
  similarity: number;
}

export type Role = 'surname' | 'given';

/** A listed person's name with its roles fixed once, when the watchlist is loaded. */
export interface ListedName extends ParsedName {
  surname: NameToken | null;
  given: NameToken | null;
}

export function listedName(parsed: ParsedName): ListedName {
  const index = surnameIndex(parsed.tokens);
  return {
    ...parsed,
    surname: parsed.tokens[index] ?? null,
    given: parsed.tokens.find((_, i) => i !== index) ?? null,
  };
}

// Below 0.9 a pair of different names is as likely as a typo: Ерлан/Ержан score 0.89, one-letter typos of
// six-letter names 0.92–0.95 (measured on the demo name lists).
const CLOSE = 0.9;
const WEAK = 0.8;

/**
 * Jaro–Winkler on the keys; for surnames of one form, on the stems, since a shared -ов lifts different surnames
 * over the line (Баймуханов / Байжанов 0.90, stems 0.87); when the forms differ (a typo in the ending), the better
 * of the two.
 */
function similarityOf(observed: NameToken, listed: NameToken, role: Role): number {
  if (role !== 'surname') return jaroWinkler(observed.key, listed.key);
  const stems = jaroWinkler(observed.stem, listed.stem);
  return observed.form === listed.form ? stems : Math.max(stems, jaroWinkler(observed.key, listed.key));
}

/**
 * How one observed word agrees with one listed word. An observed given name that is itself a known given name
 * (`knownNames`: canonical keys of common given names and of the watchlist's given names) and differs from the listed
 * one is another name, not a typo: Алия is not a slip for Алина, however close the letters. Surnames get no such
 * rule: the watchlist holds Russian and Kazakh forms of one surname (Тлеубердин / Тілеубердин) that differ by more
 * than the loose key forgives.
 */
export function agreementOf(
  observed: NameToken,
  listed: NameToken,
  role: Role,
  knownNames?: ReadonlySet<string>,
): Agreement {
  if (observed.key === listed.key) return observed.lower === listed.lower ? 'exact' : 'variant';
  if (observed.key.length === 1) return listed.key.startsWith(observed.key) ? 'initial' : 'differs';
  if (observed.looseStem === listed.looseStem) {
    if (observed.form === listed.form) return 'russian-form';
    if (role === 'surname')
      return observed.form === 'none' || listed.form === 'none' ? 'kazakh-form' : 'gender-form';
  }
  if (role === 'given' && knownNames?.has(observed.key) === true) return 'differs';
  const similarity = similarityOf(observed, listed, role);
  if (similarity >= CLOSE || isTypo(observed.key, listed.key)) return 'close';
  return similarity >= WEAK ? 'weak' : 'differs';
}

/** One typing error in a word of five letters or more (shorter words are too often another name one edit away). */
function isTypo(a: string, b: string): boolean {
  return Math.min(a.length, b.length) >= 5 && withinOneEdit(a, b);
}

/** agreementOf with the similarity that "close" and "weak" report. */
export function compareTokens(
  observed: NameToken,
  listed: NameToken,
  role: Role,
  knownNames?: ReadonlySet<string>,
): TokenComparison {
  const agreement = agreementOf(observed, listed, role, knownNames);
  const graded = agreement === 'close' || agreement === 'weak';
  const similarity = graded
    ? similarityOf(observed, listed, role)
    : agreement === 'differs' || agreement === 'initial'
      ? 0
      : 1;
  return { agreement, similarity };
}

/** Why two spellings with one key differ, in words for the duty officer. */
export function variantKind(observed: NameToken, listed: NameToken): string {
  if (observed.script !== listed.script) return 'transliteration';
  if (observed.kazakhLetters !== listed.kazakhLetters) return 'Kazakh letters';
  return 'spelling variant';
}

export function describeToken(
  observed: NameToken,
  listed: NameToken,
  role: Role,
  comparison: TokenComparison,
): string {
  const label = role === 'surname' ? 'surname' : 'given name';
  const pair = `${observed.raw} ≈ ${listed.raw}`;
  switch (comparison.agreement) {
    case 'exact':
      return `${label} matches`;
    case 'variant':
      return `${label} ${pair} (${variantKind(observed, listed)})`;
    case 'russian-form':
      return `${label} ${pair} (Russian form of the Kazakh name)`;
    case 'kazakh-form':
      return `${label} ${pair} (Kazakh form without the Russian ending)`;
    case 'gender-form':
      return `${label} ${pair} (other gender form)`;
    case 'initial':
      return `${label} initial ${observed.raw} agrees with ${listed.raw}`;
    case 'close':
      return `${label} ${pair} (spelling differs, similarity ${comparison.similarity.toFixed(2)})`;
    case 'weak':
      return `${label} ${observed.raw} is only similar to ${listed.raw} (similarity ${comparison.similarity.toFixed(2)})`;
    case 'differs':
      return `${label} differs (${observed.raw} vs ${listed.raw})`;
  }
}
