/**
 * The canonical (phonetic) key of one name token, where the spellings of a name in Kazakh Cyrillic, Russian Cyrillic,
 * the 2021 Kazakh Latin alphabet (ä ğ ı ñ ö q ş ū ü ç), the 2017 apostrophe alphabet (a' g' n' o' u' s' c' y'), the
 * 2018 acute alphabet (á ǵ ń ó ú ý), ICAO passport transliteration (ZH KH TS CH SH SHCH IU IA) and informal English
 * typing (Ye-, -iy, double letters) meet.
 *
 * Key alphabet: a b d e f g h i k l m n o p r s t u v z, plus j = ж, c = ч, w = ш/щ. The folds, and why:
 * - Kazakh letters to their Russian look-alikes (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ/ү→у, һ→х, і→и): Russian keyboards and
 *   Russian-language registers write Kazakh names that way (Нұрсұлтан / Нурсултан).
 * - и, і, й, ы and Latin i, ı, y → i: the alphabets disagree on which Latin letter is ы (y in ICAO and 2021, ı for і
 *   in 2021), and й is i in ICAO, y in English.
 * - ж, дж, zh, j, dzh → j; х, һ, kh, h → h; ш, sh, ş, s' → w; ч, ch, ç, c' → c; у, ұ, ү, u, ū, ü, w, ý, y' → u.
 * - Runs of one letter collapse (KASSYMOV, Жанна/ZHANA), and a "ye" at the start of a word or after a vowel is e
 *   (Yerlan / Ерлан, Alekseyev / Алексеев).
 */

// prettier-ignore
const cyrillic: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', э: 'e', ж: 'j', з: 'z', и: 'i', і: 'i',
  й: 'i', ы: 'i', к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'h', һ: 'h', ц: 'ts', ч: 'c', ш: 'w', щ: 'w', ъ: '', ь: '', ю: 'iu', я: 'ia',
};

// prettier-ignore
const latin: Record<string, string> = {
  a: 'a', ä: 'a', á: 'a', à: 'a', â: 'a', b: 'b', c: 'k', ç: 'c', č: 'c', d: 'd', e: 'e', é: 'e', è: 'e', ê: 'e',
  ë: 'e', f: 'f', g: 'g', ğ: 'g', ǵ: 'g', h: 'h', i: 'i', ı: 'i', í: 'i', ì: 'i', î: 'i', ï: 'i', j: 'j', k: 'k',
  l: 'l', m: 'm', n: 'n', ñ: 'n', ń: 'n', o: 'o', ö: 'o', ó: 'o', ò: 'o', ô: 'o', p: 'p', q: 'k', r: 'r', s: 's',
  ş: 'w', ș: 'w', š: 'w', t: 't', u: 'u', ū: 'u', ü: 'u', ú: 'u', ù: 'u', û: 'u', v: 'v', w: 'u', x: 'ks', y: 'i',
  ý: 'u', z: 'z', ž: 'j',
};

// 2017 alphabet: a letter followed by an apostrophe is the Kazakh-specific letter (y' is у, s' is ш, c' is ч).
const apostropheLetters: Record<string, string> = {
  a: 'a',
  g: 'g',
  n: 'n',
  o: 'o',
  u: 'u',
  i: 'i',
  s: 'w',
  c: 'c',
  y: 'u',
};
const apostrophes = new Set(["'", '’', 'ʼ', '`', '´', 'ʻ']);

// Longest first within each starting letter.
// prettier-ignore
const digraphs: Record<string, [string, string][]> = {
  s: [['shch', 'w'], ['sch', 'w'], ['sh', 'w']],
  c: [['ch', 'c']],
  z: [['zh', 'j']],
  k: [['kh', 'h']],
  g: [['gh', 'g']],
  d: [['dzh', 'j'], ['dj', 'j']],
  t: [['tch', 'c']],
};

const vowels = new Set(['a', 'e', 'i', 'o', 'u']);

// One table by character code for both scripts (they do not overlap): the matcher canonicalises every word of
// every observation, and an array index is much cheaper than a property lookup on a dictionary-mode object.
const single: (string | undefined)[] = [];
for (const [char, key] of [...Object.entries(cyrillic), ...Object.entries(latin)])
  single[char.charCodeAt(0)] = key;

const isApostrophe: boolean[] = [];
for (const mark of apostrophes) isApostrophe[mark.charCodeAt(0)] = true;

/** Letters mapped one by one (digraphs and apostrophe letters first); anything else (digits, marks) is dropped. */
function mapLetters(word: string, withDigraphs: boolean): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    const nextCode = word.charCodeAt(i + 1);
    if (isApostrophe[nextCode] === true && code < 128) {
      const letter = apostropheLetters[word.charAt(i)];
      if (letter !== undefined) {
        out += letter;
        i++;
        continue;
      }
    }
    // Russian дж spells the Kazakh ж (Джаксыбеков / Жақсыбеков).
    if (code === 0x434 && nextCode === 0x436) continue;
    const candidates = withDigraphs && code < 128 ? digraphs[word.charAt(i)] : undefined;
    if (candidates !== undefined) {
      const digraph = candidates.find(([spelling]) => word.startsWith(spelling, i));
      if (digraph) {
        out += digraph[1];
        i += digraph[0].length - 1;
        continue;
      }
    }
    out += single[code] ?? '';
  }
  return out;
}

/** Collapses runs of one letter and drops the i of a "ye" at the start of the word or after a vowel. */
function collapse(mapped: string): string {
  let out = '';
  for (let i = 0; i < mapped.length; i++) {
    const char = mapped.charAt(i);
    if (char === out[out.length - 1]) continue;
    if (char === 'i' && mapped[i + 1] === 'e' && (out === '' || vowels.has(out.charAt(out.length - 1))))
      continue;
    out += char;
  }
  return out;
}

/**
 * The canonical key of one word of a name (any case, any of the scripts above). `kazakhLatin` reads sh, ch, zh, kh
 * as two letters: in the 2017 and 2021 alphabets ш, ч and ж have letters of their own, so Ashat is Асхат, not Ашат.
 */
export function canonicalToken(word: string, kazakhLatin = false): string {
  // Composing is needed only when combining marks came apart from their letters (rare, and costly to check for).
  const composed = combiningMark.test(word) ? word.normalize('NFC') : word;
  return collapse(mapLetters(composed.toLowerCase(), !kazakhLatin));
}

const combiningMark = /[\u0300-\u036f]/;

/** Marks of the 2017 (apostrophe) and 2021 alphabets; the 2018 acute alphabet kept sh and ch, so á ó ú are no sign. */
export function isKazakhLatin(text: string): boolean {
  return /[äğıñöūüşç]/i.test(text) || /[agnouiscy]['’ʼ`´ʻ]/i.test(text);
}

/**
 * A looser key for Russian forms of Kazakh names, which write ө and ұ as у or о at will (Төлеген / Тулеген) and ә as
 * я after a consonant (Ләззат / Ляззат): о and у become one letter, and the i of an "ia" after a consonant goes.
 * Blocking and "Russian form" agreement use it; it joins a few distinct names too (Диана / Дана), so it is evidence
 * a little weaker than an equal key.
 */
export function looseKey(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const char = key.charAt(i);
    if (char === 'i' && key[i + 1] === 'a' && i > 0 && !vowels.has(key.charAt(i - 1))) continue;
    out += char === 'o' ? 'u' : char;
  }
  return out;
}

export type Script = 'latin' | 'cyrillic';

const kazakhLetters = /[әғқңөұүһі]/i;
const cyrillicLetter = /[\u0400-\u04ff]/;

export function scriptOf(word: string): Script {
  return cyrillicLetter.test(word) ? 'cyrillic' : 'latin';
}

export function hasKazakhLetters(word: string): boolean {
  return kazakhLetters.test(word);
}

export type SurnameForm = 'male' | 'female' | 'none';

// Russian surname endings on the key, longest first. The Kazakh form of a surname drops them (Қасымов → Қасым), and
// -аев/-аева become -ай (Жұмабаев → Жұмабай), so the stem gets its i back after a vowel.
// prettier-ignore
const surnameEndings: [string, SurnameForm][] = [
  ['skaia', 'female'], ['ova', 'female'], ['eva', 'female'], ['ina', 'female'],
  ['ski', 'male'], ['ov', 'male'], ['ev', 'male'], ['in', 'male'],
];

/** The surname stem (the key without a Russian -ov/-ev/-in/-sky ending) and which form the ending marks. */
export function surnameStem(key: string): { stem: string; form: SurnameForm } {
  for (const [ending, form] of surnameEndings) {
    if (key.length >= ending.length + 2 && key.endsWith(ending)) {
      let stem = key.slice(0, -ending.length);
      if (ending.startsWith('e') && vowels.has(stem.charAt(stem.length - 1)) && !stem.endsWith('i'))
        stem += 'i';
      return { stem, form };
    }
  }
  return { stem: key, form: 'none' };
}
