/**
 * How one person's name gets written by the sources that observe them, for the quality test and the benchmark:
 * Russian and Kazakh Cyrillic forms, the Latin of passports (ICAO 9303, with the Soviet-era KASSYMOV and YERLAN
 * habits), the 2021 and 2017 Kazakh Latin alphabets, and typing slips.
 */
import type { Rng } from '../../../../core/index.js';
import { femaleNames, kazakhSurnames, maleNames, otherSurnames } from './wide-names.js';

/** Kazakh spellings of the Russian forms in src/core/demo/people.ts and wide-names.ts (Russian names have none). */
const kazakhForms: Record<string, string> = Object.fromEntries(
  [...kazakhSurnames, ...maleNames, ...femaleNames].filter(([russian, kazakh]) => russian !== kazakh),
);
const russianSurnames = new Set(otherSurnames);

// prettier-ignore
const icao: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', і: 'i', й: 'i',
  к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u',
  ү: 'u', ф: 'f', х: 'kh', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu',
  я: 'ia',
};
// prettier-ignore
const latin2021: Record<string, string> = {
  ...icao, ә: 'ä', ғ: 'ğ', ё: 'io', ж: 'j', і: 'ı', қ: 'q', ң: 'ñ', ө: 'ö', ұ: 'ū', ү: 'ü', х: 'h', ч: 'ç', ш: 'ş',
  щ: 'şş', ъ: '',
};
// prettier-ignore
const latin2017: Record<string, string> = {
  ...latin2021, ә: "a'", ғ: "g'", и: "i'", і: 'i', й: "i'", ң: "n'", ө: "o'", у: "y'", ү: "u'", ұ: 'u', ч: "c'",
  ш: "s'", щ: "s's'",
};
const english: Record<string, string> = { ...icao, й: 'y', я: 'ya', ю: 'yu' };

export type Alphabet = 'icao' | 'latin2021' | 'latin2017' | 'english';
const tables: Record<Alphabet, Record<string, string>> = { icao, latin2021, latin2017, english };

export function transliterate(word: string, alphabet: Alphabet): string {
  let out = '';
  for (const char of word.toLowerCase()) out += tables[alphabet][char] ?? char;
  if (alphabet === 'english') out = out.replace(/^e/, 'ye');
  return capitalise(out);
}

export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Soviet-era passports doubled an s between vowels (KASSYMOV) so French readers would not voice it. */
export function sovietPassport(word: string): string {
  return word
    .toUpperCase()
    .replace(/([AEIOUY])S([AEIOUY])/g, '$1SS$2')
    .replace(/^E/, 'YE');
}

export function kazakhForm(word: string): string {
  const direct = kazakhForms[word];
  if (direct !== undefined) return direct;
  const male = kazakhForms[word.replace(/а$/, '')];
  return male === undefined ? word : `${male}а`;
}

/** The Kazakh surname without the Russian ending (Қасымова → Қасым, Жұмабаев → Жұмабай); Russian surnames keep theirs. */
export function kazakhSurname(surname: string): string {
  const male = surname.replace(/(ов|ев|ин)а$/, '$1');
  if (russianSurnames.has(male)) return surname;
  const kazakh = kazakhForm(male);
  return /аев$/.test(kazakh) ? kazakh.replace(/ев$/, 'й') : kazakh.replace(/(ов|ев)$/, '');
}

/** Russian patronymic (Серикович / Сериковна) from a father's name, or the Kazakh one (Серікұлы / Серікқызы). */
export function patronymic(father: string, male: boolean, kazakh: boolean): string {
  if (kazakh) return `${kazakhForm(father)}${male ? 'ұлы' : 'қызы'}`;
  return `${father}${male ? 'ович' : 'овна'}`;
}

const cyrillicLetters = 'абвгдежзийклмнопрстуфхыэюя';
const latinLetters = 'abcdefghijklmnopqrstuvwxyz';

/** One typing slip in a word of five letters or more: a letter dropped, two swapped, or one replaced. */
export function typo(word: string, rng: Rng): string {
  if (word.length < 5) return word;
  const at = rng.int(1, word.length - 2);
  const upper = word === word.toUpperCase();
  const letters = /[а-яё]/i.test(word) ? cyrillicLetters : latinLetters;
  const replacement = rng.pick(Array.from(letters));
  const kind = rng.int(0, 2);
  const out =
    kind === 0
      ? word.slice(0, at) + word.slice(at + 1)
      : kind === 1
        ? word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2)
        : word.slice(0, at) + (upper ? replacement.toUpperCase() : replacement) + word.slice(at + 1);
  return out;
}
