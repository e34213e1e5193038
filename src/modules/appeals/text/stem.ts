/**
 * A light stemmer for folded Kazakh and Russian words (see normalize.ts): it strips inflectional endings, longest
 * first, so that "ұрды", "ұрып", "ұрғаны" or "пара", "параны", "параға" share a stem feature. Kazakh is
 * agglutinative (a root takes a chain of plural, possessive, case and verb endings), so Kazakh endings are stripped
 * up to three times; Russian endings once. A folded word does not say its language (Kazakh is often typed with
 * Russian letters, and appeals mix the two), and each language's endings mangle the other's words ("взятка" is not
 * a dative), so every word gets both stems, and the model learns which of them carries meaning.
 *
 * It is a feature, not a dictionary form: over-stripping a word only makes its stem feature coarser, and the word
 * itself and its character n-grams are still features beside it.
 */

// Folded forms: ә→а, і→и, ұ/ү→у, қ→к, ғ→г, ң→н, ө→о. Grouped by what they mark, for a reader checking coverage.
// prettier-ignore
const kazakhEndings = [
  // plural
  'лар', 'лер', 'дар', 'дер', 'тар', 'тер',
  // possessive (my, your, his/her, our)
  'ымыз', 'имиз', 'мыз', 'миз', 'ыныз', 'иниз', 'ныз', 'низ', 'ым', 'им', 'ын', 'ин', 'сы', 'си',
  // cases: genitive, dative, accusative, locative, ablative, instrumental
  'нын', 'нин', 'дын', 'дин', 'тын', 'тин',
  'га', 'ге', 'ка', 'ке', 'на', 'не',
  'ны', 'ни', 'ды', 'ди', 'ты', 'ти',
  'нда', 'нде', 'да', 'де', 'та', 'те',
  'нан', 'нен', 'дан', 'ден', 'тан', 'тен',
  'мен', 'бен', 'пен',
  // verbs: person, tense, participles, converbs, negation
  'амын', 'емин', 'аймын', 'еймин', 'ймын', 'ймин', 'мын', 'мин', 'сын', 'син',
  'атын', 'етин', 'йтын', 'йтин', 'ады', 'еди', 'йды', 'йди',
  'ган', 'ген', 'кан', 'кен', 'гон',
  'ыпты', 'ипти', 'пты', 'пти', 'ып', 'ип',
  'мак', 'мек', 'бак', 'бек', 'пак', 'пек', 'магы', 'меги',
  'ма', 'ме', 'ба', 'бе', 'па', 'пе',
  // derivation that keeps the meaning's root: -лык (-ness), -шы (agent), -сыз (without)
  'лык', 'лик', 'дык', 'дик', 'тык', 'тик', 'шы', 'ши', 'сыз', 'сиз',
];

// prettier-ignore
const russianEndings = [
  'ость', 'ости', 'остью',
  'иями', 'ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ешь', 'ете', 'ите', 'ться', 'тся',
  'вший', 'вшая', 'вшие', 'ющий', 'ящий', 'ение', 'ения', 'ению', 'ением', 'ании', 'ание', 'ания',
  'ала', 'ило', 'ила', 'или', 'али', 'ели', 'ела', 'ает', 'ают', 'яет', 'яют', 'ует', 'уют',
  'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ой', 'ей', 'ый', 'ий', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев',
  'ую', 'юю', 'ть', 'ет', 'ут', 'ют', 'ит', 'ат', 'ят', 'ил', 'ал', 'ел', 'ул',
  'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ь',
];

const byLengthDesc = (list: readonly string[]) => [...new Set(list)].sort((a, b) => b.length - a.length);
const kazakh = byLengthDesc(kazakhEndings);
const russian = byLengthDesc(russianEndings);

/** Fewer letters than this and a word is left alone: a shorter stem says too little. */
const MIN_STEM = 3;
const KAZAKH_ROUNDS = 3;

function stripOnce(word: string, endings: readonly string[]): string {
  for (const ending of endings)
    if (word.length - ending.length >= MIN_STEM && word.endsWith(ending))
      return word.slice(0, -ending.length);
  return word;
}

export interface Stems {
  kazakh: string;
  russian: string;
}

const cache = new Map<string, Stems>();
const CACHE_LIMIT = 200_000;

/** The stems of a folded word (lower case, Kazakh letters folded): the word itself where nothing can be stripped. */
export function stems(word: string): Stems {
  const known = cache.get(word);
  if (known !== undefined) return known;
  let kazakhStem = word;
  let russianStem = word;
  if (!/\d/.test(word)) {
    for (let round = 0; round < KAZAKH_ROUNDS; round++) {
      const next = stripOnce(kazakhStem, kazakh);
      if (next === kazakhStem) break;
      kazakhStem = next;
    }
    russianStem = stripOnce(word, russian);
  }
  const out = { kazakh: kazakhStem, russian: russianStem };
  // A bounded cache: appeals repeat most of their words, but a stream of unique tokens must not grow it forever.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, out);
  return out;
}
