/**
 * One canonical form for Kazakh and Russian text, so that "менің", "менин" and "menıñ" meet in the same features:
 * lower case, Latin-script Kazakh transliterated to Cyrillic, Kazakh-specific letters folded to their Russian
 * look-alikes (people typing on a Russian keyboard write them that way), ё → е, digits to 0, punctuation to spaces.
 */

const kazakhFold: Record<string, string> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  ё: 'е',
  // Latin-script Kazakh writes й as i as often as y ("kuieuim", "kuyeuim"): folding й to и lets the first meet the
  // Cyrillic form, and costs Russian little (бой/бои).
  й: 'и',
};

// Latin → Cyrillic, longest first. Covers the three official alphabets people still type (2017 with apostrophes: a' g'
// n' o' u' s' c'; 2018 with acute accents: á ǵ ń ó ú ý; 2021 with diaereses and breves: ä ğ ñ ö ū ü ş) and informal
// typing (sh, ch, zh, gh, w, j), since an appeal is written in whichever the writer learnt.
const latinDigraphs: [string, string][] = [
  ["a'", 'а'],
  ["g'", 'г'],
  ["n'", 'н'],
  ["o'", 'о'],
  ["u'", 'у'],
  ["i'", 'и'],
  ["s'", 'ш'],
  ["c'", 'ч'],
  ['shch', 'щ'],
  ['sh', 'ш'],
  ['ch', 'ч'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['gh', 'г'],
  ['ng', 'н'],
  ['ya', 'я'],
  ['yu', 'ю'],
  ['ts', 'ц'],
];
const latinLetters: Record<string, string> = {
  a: 'а',
  ä: 'а',
  á: 'а',
  b: 'б',
  c: 'с',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  ğ: 'г',
  ǵ: 'г',
  h: 'х',
  ı: 'ы',
  i: 'и',
  j: 'ж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  ñ: 'н',
  ń: 'н',
  o: 'о',
  ö: 'о',
  ó: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  ş: 'ш',
  t: 'т',
  u: 'у',
  ū: 'у',
  ü: 'у',
  ú: 'у',
  ý: 'у',
  v: 'в',
  w: 'у',
  x: 'х',
  y: 'ы',
  z: 'з',
  ç: 'ч',
};

const urlLike = /\b(?:https?:\/\/|www\.)\S+|@[\w.]{3,}|\b[\w.+-]+@[\w-]+\.[\w.]+/gi;

export function transliterateLatin(word: string): string {
  let out = '';
  for (let i = 0; i < word.length;) {
    const digraph = latinDigraphs.find(([latin]) => word.startsWith(latin, i));
    if (digraph) {
      out += digraph[1];
      i += digraph[0].length;
      continue;
    }
    const char = word.charAt(i);
    out += latinLetters[char] ?? char;
    i += 1;
  }
  return out;
}

const latinLetter = /[a-zäáğǵıñńöóqūüúýşç]/;
const cyrillicLetter = /[а-яәғқңөұүһіё]/;

/**
 * Folds one lower-case word; words in Latin script are transliterated first. NFC first, so that a letter typed as a
 * base and a combining accent is the same letter; the apostrophe of the 2017 alphabet is a letter's part, the
 * typographic one (’) the same as the plain.
 */
export function foldWord(word: string): string {
  const composed = word.normalize('NFC').replace(/’/g, "'");
  const latin = latinLetter.test(composed) && !cyrillicLetter.test(composed);
  const cyrillic = latin ? transliterateLatin(composed) : composed;
  let out = '';
  for (const char of cyrillic) out += kazakhFold[char] ?? char;
  return out.replace(/\d/g, '0').replace(/['\p{M}]/gu, '');
}

export interface Token {
  /** The folded form used for features. */
  norm: string;
  /** Offsets of the original word in the text, for highlighting. */
  start: number;
  end: number;
  /** The first word of a sentence (after . ! ? … ; or a line break, or the text's first word). */
  opensSentence: boolean;
}

const sentenceEnd = /[.!?…;\n]/;

// Combining marks belong to their letter; an apostrophe after a letter is the 2017 alphabet's (sa'lem, qazaqs'a).
const wordPattern = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*['’]?/gu;

/** Words with their offsets; URLs, handles and e-mails are left to entity extraction, not to the language model. */
export function tokenize(text: string): Token[] {
  const masked = text.replace(urlLike, (match) => ' '.repeat(match.length));
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of masked.matchAll(wordPattern)) {
    const raw = match[0].toLowerCase();
    const start = match.index;
    tokens.push({
      norm: foldWord(raw),
      start,
      end: start + match[0].length,
      opensSentence: tokens.length === 0 || sentenceEnd.test(masked.slice(previousEnd, start)),
    });
    previousEnd = start + match[0].length;
  }
  return tokens;
}

export function normalizeText(text: string): string {
  return tokenize(text)
    .map((token) => token.norm)
    .join(' ');
}
