import { passesIinChecksum, passesLuhn } from './checksums.js';

export type EntityKind =
  | 'phone'
  | 'card'
  | 'iin'
  | 'url'
  | 'telegram'
  | 'instagram'
  | 'handle'
  | 'email'
  | 'crypto_wallet'
  | 'plate';

export interface Entity {
  kind: EntityKind;
  /** Canonical value for the shared entity index (digits only for numbers, lower case for handles). */
  value: string;
  start: number;
  end: number;
  /** What was recognised, e.g. the numbering plan or the wallet network. */
  detail?: string;
}

interface Rule {
  kind: EntityKind;
  pattern: RegExp;
  accept: (match: RegExpMatchArray) => { value: string; detail?: string } | null;
}

const digitsOf = (text: string) => text.replace(/\D/g, '');

/** A handle from the pattern's first group (which every handle pattern has), lower-cased with an @. */
const handle = (match: RegExpMatchArray) => ({ value: `@${(match[1] ?? '').toLowerCase()}` });

/**
 * +7 numbers: 7xx are Kazakh mobile and 7(1x|2x) Kazakh landline codes, 9xx Russian mobile, 3xx/4xx/8xx Russian
 * geographic (ITU E.164 plan for country code 7 shared by Kazakhstan and Russia). A leading 8 is the domestic prefix.
 */
function phone(match: RegExpMatchArray) {
  let digits = digitsOf(match[0]);
  if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7')))
    digits = `7${digits.slice(1)}`;
  else if (digits.length === 10 && /^[79]/.test(digits)) digits = `7${digits}`;
  else return null;
  const national = digits.slice(1);
  const detail = /^7[0-8]/.test(national)
    ? 'KZ mobile'
    : /^7/.test(national)
      ? 'KZ'
      : /^9/.test(national)
        ? 'RU mobile'
        : /^[348]/.test(national)
          ? 'RU'
          : null;
  return detail ? { value: `+${digits}`, detail } : null;
}

const rules: Rule[] = [
  {
    kind: 'url',
    pattern: /\b(?:https?:\/\/|www\.)[^\s<>"']+[^\s<>"'.,;:!?)]/gi,
    accept: (m) => ({ value: m[0].toLowerCase() }),
  },
  { kind: 'telegram', pattern: /\bt\.me\/([A-Za-z0-9_]{4,32})/gi, accept: handle },
  {
    kind: 'email',
    pattern: /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/gi,
    accept: (m) => ({ value: m[0].toLowerCase() }),
  },
  { kind: 'instagram', pattern: /\binstagram\.com\/([A-Za-z0-9_.]{2,30})/gi, accept: handle },
  { kind: 'handle', pattern: /(?<![\w.@])@([A-Za-z][A-Za-z0-9_.]{3,31})\b/g, accept: handle },
  {
    kind: 'crypto_wallet',
    pattern: /\bT[1-9A-HJ-NP-Za-km-z]{33}\b/g,
    accept: (m) => ({ value: m[0], detail: 'TRON (TRC20)' }),
  },
  {
    kind: 'crypto_wallet',
    pattern: /\b(?:bc1[02-9ac-hj-np-z]{25,59}|[13][1-9A-HJ-NP-Za-km-z]{25,34})\b/g,
    accept: (m) => ({ value: m[0], detail: 'Bitcoin' }),
  },
  {
    kind: 'crypto_wallet',
    pattern: /\b0x[0-9a-fA-F]{40}\b/g,
    accept: (m) => ({ value: m[0].toLowerCase(), detail: 'Ethereum (ERC20)' }),
  },
  {
    kind: 'card',
    pattern: /(?<!\d)(?:\d{4}[ -]?){3}\d{4}(?!\d)/g,
    accept: (m) => (passesLuhn(digitsOf(m[0])) ? { value: digitsOf(m[0]) } : null),
  },
  {
    kind: 'iin',
    pattern: /(?<!\d)\d{12}(?!\d)/g,
    accept: (m) => (passesIinChecksum(m[0]) ? { value: m[0] } : null),
  },
  {
    kind: 'phone',
    pattern: /(?<![\d\w])(?:\+7|8|7)?[ (-]{0,2}\d{3}[ )-]{0,2}\d{3}[ -]?\d{2}[ -]?\d{2}(?!\d)/g,
    accept: phone,
  },
  // Kazakh plates: 123ABC02 / 123AB02 (2012 standard), and the older A123BCD; Russian: A123BC 77.
  {
    kind: 'plate',
    pattern: /(?<![\p{L}\d])\d{3}\s?[A-ZА-Я]{2,3}\s?\d{2}(?![\p{L}\d])/gu,
    accept: (m) => ({ value: m[0].replace(/\s/g, '').toUpperCase(), detail: 'KZ' }),
  },
  {
    kind: 'plate',
    pattern: /(?<![\p{L}\d])[A-ZА-Я]\s?\d{3}\s?[A-ZА-Я]{2}\s?\d{2,3}(?![\p{L}\d])/gu,
    accept: (m) => ({ value: m[0].replace(/\s/g, '').toUpperCase(), detail: 'RU' }),
  },
];

const overlaps = (a: Entity, b: Entity) => a.start < b.end && b.start < a.end;

/** Every identifier in the text, earlier rules winning where two overlap (a card is not also a phone). */
export function extractEntities(text: string): Entity[] {
  const found: Entity[] = [];
  for (const rule of rules) {
    for (const match of text.matchAll(rule.pattern)) {
      const accepted = rule.accept(match);
      if (!accepted) continue;
      const entity: Entity = {
        kind: rule.kind,
        ...accepted,
        start: match.index,
        end: match.index + match[0].length,
      };
      if (!found.some((other) => overlaps(other, entity))) found.push(entity);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
