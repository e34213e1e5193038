import {
  canonicalToken,
  hasKazakhLetters,
  isKazakhLatin,
  looseKey,
  scriptOf,
  surnameStem,
  type Script,
  type SurnameForm,
} from './canonical.js';

/** One word of a name with everything the comparisons need, computed once. */
export interface NameToken {
  /** As written (hyphens removed), and in lower case. */
  raw: string;
  lower: string;
  /** canonical.ts key. */
  key: string;
  /** The key without a Russian surname ending, and which ending it had. */
  stem: string;
  form: SurnameForm;
  /** looseKey of the stem: equal for the Russian and Kazakh forms of a name. */
  looseStem: string;
  /** Blocking key for the index: the first four letters of the loose stem. */
  block: string;
  script: Script;
  kazakhLetters: boolean;
}

export interface Patronymic {
  raw: string;
  /** The father's name the patronymic is built on (Серікұлы, Serikovich and Сериковна all give serik). */
  father: string;
}

export interface ParsedName {
  /** Surname and given names in the order written, patronymic removed. */
  tokens: NameToken[];
  patronymic: Patronymic | null;
}

// Russian -ович/-евич/-овна/-евна/-ична and Kazakh -ұлы/-қызы (uly/qyzy/kyzy in Latin) on the key.
const patronymicEndings = ['ovic', 'evic', 'ovna', 'evna', 'icna', 'uli', 'kizi'];
const kazakhPatronymicWords = new Set(['uli', 'kizi']);

export function nameToken(
  raw: string,
  kazakhLatin = false,
  key = canonicalToken(raw, kazakhLatin),
): NameToken {
  const { stem, form } = surnameStem(key);
  const looseStem = looseKey(stem);
  return {
    raw,
    lower: raw.toLowerCase(),
    key,
    stem,
    form,
    looseStem,
    block: looseStem.slice(0, 4),
    script: scriptOf(raw),
    kazakhLetters: hasKazakhLetters(raw),
  };
}

function patronymicEnding(key: string): string | null {
  for (const ending of patronymicEndings) {
    if (key.length >= ending.length + 2 && key.endsWith(ending)) return ending;
  }
  return null;
}

const kazakhPatronymicSuffix = /(?:ұлы|улы|uly|ūly|ulı|қызы|кызы|qyzy|kyzy|qızı|kizi)$/i;

function fatherOf(raw: string, key: string, ending: string, kazakhLatin: boolean): string {
  // Серікқызы: the key collapses the kk, so the father's name is cut from the written word instead.
  if (ending === 'uli' || ending === 'kizi') {
    const father = canonicalToken(raw.replace(kazakhPatronymicSuffix, ''), kazakhLatin);
    if (father.length >= 2) return father;
  }
  const stem = key.slice(0, -ending.length);
  // Сергеевич → serge: the father is Сергей (sergei), as for surnames in -аев.
  return ending.startsWith('e') && /[aeou]$/.test(stem) ? `${stem}i` : stem;
}

const hyphens = new Set(['-', '‐', '‑', '–']);
const apostropheMarks = new Set(["'", '’', 'ʼ', '`', '´', 'ʻ']);

/** Letters of the scripts names come in (Latin with its extensions, Cyrillic), combining marks, apostrophes. */
function isWordChar(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 0xc0)
    return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || apostropheMarks.has(char);
  return (
    code !== 0xd7 &&
    code !== 0xf7 &&
    (code <= 0x24f ||
      (code >= 0x300 && code <= 0x52f) ||
      (code >= 0x1e00 && code <= 0x1eff) ||
      apostropheMarks.has(char))
  );
}

function pushWord(out: string[], word: string): void {
  let start = 0;
  let end = word.length;
  while (start < end && apostropheMarks.has(word.charAt(start))) start++;
  while (end > start && apostropheMarks.has(word.charAt(end - 1))) end--;
  if (end > start) out.push(word.slice(start, end));
}

/** Words of a name: hyphenated parts joined (Нур-Султан = Нурсултан), apostrophes kept for the 2017 alphabet. */
function words(fullName: string): string[] {
  const out: string[] = [];
  let word = '';
  for (let i = 0; i < fullName.length; i++) {
    const char = fullName.charAt(i);
    if (isWordChar(char)) word += char;
    else if (hyphens.has(char) && word !== '' && isWordChar(fullName[i + 1] ?? ' ')) continue;
    else {
      pushWord(out, word);
      word = '';
    }
  }
  pushWord(out, word);
  return out;
}

/**
 * Splits a full name into its main tokens and a patronymic. A Kazakh patronymic may be written apart (Серік ұлы);
 * a lone -ұлы word written first in a two-word name is a surname (Нұрланұлы Ерлан), as some Kazakhs now register it.
 */
export function parseName(fullName: string): ParsedName {
  const raws = words(fullName);
  const kazakhLatin = isKazakhLatin(fullName);
  const keys = raws.map((raw) => canonicalToken(raw, kazakhLatin));
  let patronymic: Patronymic | null = null;
  const mains: NameToken[] = [];
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i];
    const key = keys[i];
    if (raw === undefined || key === undefined || key === '') continue;
    const nextKey = keys[i + 1];
    if (
      patronymic === null &&
      nextKey !== undefined &&
      kazakhPatronymicWords.has(nextKey) &&
      raws.length > 2
    ) {
      patronymic = { raw: `${raw} ${raws[i + 1] ?? ''}`, father: key };
      i++;
      continue;
    }
    const ending = patronymicEnding(key);
    const surnameFirst = i === 0 && raws.length === 2 && (ending === 'uli' || ending === 'kizi');
    if (ending !== null && patronymic === null && raws.length > 1 && !surnameFirst) {
      patronymic = { raw, father: fatherOf(raw, key, ending, kazakhLatin) };
      continue;
    }
    mains.push(nameToken(raw, kazakhLatin, key));
  }
  return { tokens: mains, patronymic };
}

/**
 * Index of the surname among an entry's tokens: the one with a Russian -ov/-ev/-sky ending if exactly one has it,
 * else the first (registers write the surname first). -in/-ina is no sign: Ирина, Марина and Амин are given names.
 */
export function surnameIndex(tokens: readonly NameToken[]): number {
  let found = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined || token.form === 'none' || /ina?$/.test(token.key)) continue;
    if (found !== -1) return 0;
    found = i;
  }
  return found === -1 ? 0 : found;
}
