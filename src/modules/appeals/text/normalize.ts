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
};

// Latin → Cyrillic, longest first. Covers the 2021 official alphabet (ä ğ ı ñ ö q ū ü) and informal typing (sh, ch, zh, gh).
const latinDigraphs: [string, string][] = [
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
  b: 'б',
  c: 'с',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  ğ: 'г',
  h: 'х',
  ı: 'ы',
  i: 'и',
  j: 'ж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  ñ: 'н',
  o: 'о',
  ö: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  ş: 'ш',
  t: 'т',
  u: 'у',
  ū: 'у',
  ü: 'у',
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

/** Folds one lower-case word; words in Latin script are transliterated first. */
export function foldWord(word: string): string {
  const latin = /[a-zäğıñöqūüşç]/.test(word) && !/[а-яәғқңөұүһіё]/.test(word);
  const cyrillic = latin ? transliterateLatin(word) : word;
  let out = '';
  for (const char of cyrillic) out += kazakhFold[char] ?? char;
  return out.replace(/\d/g, '0');
}

export interface Token {
  /** The folded form used for features. */
  norm: string;
  /** Offsets of the original word in the text, for highlighting. */
  start: number;
  end: number;
}

const wordPattern = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Words with their offsets; URLs, handles and e-mails are left to entity extraction, not to the language model. */
export function tokenize(text: string): Token[] {
  const masked = text.replace(urlLike, (match) => ' '.repeat(match.length));
  const tokens: Token[] = [];
  for (const match of masked.matchAll(wordPattern)) {
    const raw = match[0].toLowerCase();
    tokens.push({ norm: foldWord(raw), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

export function normalizeText(text: string): string {
  return tokenize(text)
    .map((token) => token.norm)
    .join(' ');
}
