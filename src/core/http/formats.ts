import type { Ajv, Format as AjvFormat } from 'ajv';
import formats from 'ajv-formats';
import { Format } from 'typebox/format';

// ajv-formats is CommonJS with a default export; under NodeNext its types see the module object.
const addFormats = formats as unknown as (ajv: Ajv) => Ajv;

/** Years PostgreSQL and JavaScript both hold as written (PostgreSQL has no year 0; five-digit years are typos). */
const YEAR = /^(\d{4})-/;
const plausibleYear = (value: string): boolean => {
  const year = Number(YEAR.exec(value)?.[1] ?? 0);
  return year >= 1 && year <= 9999;
};

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** A real calendar day written YYYY-MM-DD: no 2026-02-30, no 2025-02-29, no month 00. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && !isLeap(year) ? 28 : (DAYS[month - 1] ?? 0));
}

/** A real month written YYYY-MM. */
export function isCalendarMonth(value: string): boolean {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return !!match && Number(match[1]) >= 1 && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

function stricter(ajv: Ajv, name: string, extra: (value: string) => boolean): void {
  const format = ajv.formats[name] as Exclude<AjvFormat, string | RegExp> | undefined;
  if (!format || typeof format !== 'object' || !('validate' in format))
    throw new Error(`no ${name} format to tighten`);
  const validate = format.validate as (value: string) => boolean;
  ajv.addFormat(name, {
    ...format,
    validate: (value: string) => validate(value) && extra(value),
  } as AjvFormat);
}

/**
 * The formats every schema of the platform validates with: ajv-formats' full set, with dates and times limited to
 * years a database column holds, plus `month` (YYYY-MM) and `period` (a month, or a day).
 */
export function platformFormats(ajv: Ajv): Ajv {
  addFormats(ajv);
  stricter(ajv, 'date', plausibleYear);
  stricter(ajv, 'date-time', plausibleYear);
  ajv.addFormat('month', { type: 'string', validate: isCalendarMonth });
  ajv.addFormat('period', {
    type: 'string',
    validate: (value: string) => isCalendarMonth(value) || isCalendarDate(value),
  });
  return ajv;
}
// Fastify's compiler adds ajv-formats itself unless a plugin by this name is given.
Object.defineProperty(platformFormats, 'name', { value: 'formatsPlugin' });

/** The same rules for validators compiled with TypeBox (the items of batches, checked one by one). */
function registerTypeBoxFormats(): void {
  const date = Format.Get('date');
  const dateTime = Format.Get('date-time');
  if (!date || !dateTime) throw new Error('TypeBox has no date formats to tighten');
  Format.Set('date', (value) => date(value) && plausibleYear(value));
  Format.Set('date-time', (value) => dateTime(value) && plausibleYear(value));
  Format.Set('month', isCalendarMonth);
  Format.Set('period', (value) => isCalendarMonth(value) || isCalendarDate(value));
}
registerTypeBoxFormats();
