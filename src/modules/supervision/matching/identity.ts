import { iinCheckDigit } from '../../../core/index.js';

/** A calendar date kept as its eight digits (YYYYMMDD), which is what typo comparisons work on. */
export interface BirthDate {
  year: number;
  month: number;
  day: number;
  digits: string;
}

function dateOf(year: number, month: number, day: number): BirthDate | null {
  if (!Number.isInteger(year) || year < 1850 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31)
    return null;
  const digits = `${String(year)}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  return { year, month, day, digits };
}

/** ISO (1985-03-12, 19850312) and the day-first forms of Kazakh and Russian documents (12.03.1985, 12/03/1985). */
export function parseBirthDate(text: string | undefined): BirthDate | null {
  if (text === undefined) return null;
  const value = text.trim();
  let parts = /^(\d{4})[-./]?(\d{2})[-./]?(\d{2})(?:[T ].*)?$/.exec(value);
  if (parts) return dateOf(Number(parts[1]), Number(parts[2]), Number(parts[3]));
  parts = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(value);
  if (parts) return dateOf(Number(parts[3]), Number(parts[2]), Number(parts[1]));
  return null;
}

export function formatDate(date: BirthDate): string {
  return `${date.digits.slice(0, 4)}-${date.digits.slice(4, 6)}-${date.digits.slice(6)}`;
}

export type DateAgreement = 'equal' | 'swapped' | 'one-digit' | 'differs';

/** Equal, day and month swapped (12.03 read as 03.12), one digit off (a typo or a misread), or different. */
export function compareDates(a: BirthDate, b: BirthDate): DateAgreement {
  if (a.digits === b.digits) return 'equal';
  if (a.year === b.year && a.month === b.day && a.day === b.month) return 'swapped';
  let differences = 0;
  for (let i = 0; i < 8; i++) if (a.digits.charCodeAt(i) !== b.digits.charCodeAt(i)) differences++;
  return differences === 1 ? 'one-digit' : 'differs';
}

/** An IIN as given (spaces and dashes dropped), whether its check digit holds, and the birth date it encodes. */
export interface Iin {
  digits: string;
  valid: boolean;
  birthDate: BirthDate | null;
}

/**
 * IIN layout (Law of the Republic of Kazakhstan "On national registers of identification numbers", 2007): YYMMDD,
 * then a digit for century and sex (1–2: 1800s, 3–4: 1900s, 5–6: 2000s), four serial digits and a check digit.
 */
export function parseIin(text: string | undefined): Iin | null {
  if (text === undefined) return null;
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{12}$/.test(digits)) return digits === '' ? null : { digits, valid: false, birthDate: null };
  const centuryDigit = Number(digits[6]);
  const century =
    centuryDigit >= 1 && centuryDigit <= 6 ? 1800 + 100 * Math.floor((centuryDigit - 1) / 2) : null;
  const birthDate =
    century === null
      ? null
      : dateOf(century + Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), Number(digits.slice(4, 6)));
  const valid = birthDate !== null && iinCheckDigit(digits.slice(0, 11)) === Number(digits[11]);
  return { digits, valid, birthDate };
}

/** One digit replaced or two neighbours swapped: the usual misreads and typos of a 12-digit number. */
export function nearlyEqualDigits(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differing: number[] = [];
  for (let i = 0; i < a.length && differing.length <= 2; i++) if (a[i] !== b[i]) differing.push(i);
  if (differing.length === 1) return true;
  const [i, j] = differing;
  return differing.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/** Every string one digit replaced or two neighbours swapped away (the nearlyEqualDigits neighbourhood). */
export function nearDigitStrings(digits: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < digits.length; i++) {
    for (let d = 0; d <= 9; d++) {
      const digit = String(d);
      if (digit !== digits[i]) out.push(digits.slice(0, i) + digit + digits.slice(i + 1));
    }
    if (i + 1 < digits.length && digits[i] !== digits[i + 1]) {
      out.push(digits.slice(0, i) + digits.charAt(i + 1) + digits.charAt(i) + digits.slice(i + 2));
    }
  }
  return out;
}

/** A date as the integer YYYYMMDD (-1 for none): the index keeps listed dates in a typed array, close together. */
export function dateNumber(date: BirthDate | null): number {
  return date === null ? -1 : date.year * 10_000 + date.month * 100 + date.day;
}

export const dateAgreements = ['equal', 'swapped', 'one-digit', 'differs'] as const;

/** compareDates on two dateNumber values, as an index into dateAgreements. */
export function compareDateNumbers(a: number, b: number): number {
  if (a === b) return 0;
  const yearA = Math.floor(a / 10_000);
  const yearB = Math.floor(b / 10_000);
  if (yearA === yearB && Math.floor(a / 100) % 100 === b % 100 && a % 100 === Math.floor(b / 100) % 100)
    return 1;
  let differences = 0;
  for (let x = a, y = b; x > 0 || y > 0; x = Math.floor(x / 10), y = Math.floor(y / 10)) {
    if (x % 10 !== y % 10 && ++differences > 1) return 3;
  }
  return 2;
}

/** An IIN's twelve digits as a number (exact below 2^53), NaN when it has no twelve digits. */
export function iinNumber(iin: Iin | null): number {
  return iin !== null && iin.digits.length === 12 ? Number(iin.digits) : NaN;
}

/** nearlyEqualDigits on two iinNumber values: one digit replaced or two neighbours swapped. */
export function nearlyEqualIinNumbers(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b) || a === b) return false;
  let first = -1;
  let second = -1;
  for (
    let position = 0, x = a, y = b;
    position < 12;
    position++, x = Math.floor(x / 10), y = Math.floor(y / 10)
  ) {
    if (x % 10 === y % 10) continue;
    if (first === -1) first = position;
    else if (second === -1) second = position;
    else return false;
  }
  if (second === -1) return true;
  if (second !== first + 1) return false;
  const digit = (n: number, position: number) => Math.floor(n / 10 ** position) % 10;
  return digit(a, first) === digit(b, second) && digit(a, second) === digit(b, first);
}
