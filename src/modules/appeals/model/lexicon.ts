import type { RiskLabel } from './labels.js';
import { foldWord } from '../text/normalize.js';

/**
 * Stems that signal a risk, in folded form (Kazakh letters as their Russian look-alikes, see normalize.ts). They become
 * one extra feature per label ("lex:violence"), so that the model starts from what an analyst knows and the seed
 * corpus only has to teach it the rest: 150 examples per label cannot cover every word form of two languages.
 */
export const riskStems: Record<RiskLabel, string[]> = {
  violence: [
    'избив',
    'избил',
    'изби',
    'побо',
    'бьет',
    'бьют',
    'бил ',
    'ударил',
    'удары',
    'избиен',
    'насил',
    'изнасил',
    'душил',
    'пытк',
    'пытал',
    'синяк',
    'сломал',
    'дедовщ',
    'урды',
    'урып',
    'урад',
    'сабад',
    'сабап',
    'сокк',
    'зорла',
    'тепкил',
    'азаптад',
    'кол котер',
    'кол жумса',
    'тайак',
    'жарак',
    'кеки',
  ],
  threat: [
    'угрож',
    'угроз',
    'убью',
    'убьет',
    'убьем',
    'зарежу',
    'прирежу',
    'застрелю',
    'сожгу',
    'покалеч',
    'пригрози',
    'закопа',
    'олтирем',
    'олтиреди',
    'олтирем',
    'коркыт',
    'кокан',
    'курту',
    'жойам',
    'откиземин',
    'басынды аламын',
    'жарып жиберем',
  ],
  self_harm: [
    'покончить',
    'покончу',
    'суицид',
    'самоубий',
    'не хочу жить',
    'незачем жить',
    'свести счеты',
    'порезы',
    'вскрыть',
    'повес',
    'прыгнуть с',
    'наложить на себя',
    'оз омир',
    'озиме кол',
    'озин олтир',
    'асылып',
    'омирден кет',
    'омир сургим келмейди',
    'олгим келеди',
    'жасагым келмейди',
    'самоповрежд',
    'уйти из жизни',
    'смысла жить',
    'жить не хочу',
    'прощальн',
    'попрощал',
    'с крыши',
    'с моста',
    'таблетки выпил',
    'омирмен кош',
    'омирдин мани',
    'коштас',
    'озин-ози',
    'ози-озине',
  ],
  corruption: [
    'взятк',
    'взяточ',
    'откат',
    'вымога',
    'коррупц',
    'занес',
    'отблагодар',
    'конверт',
    'пара бер',
    'пара сура',
    'параны',
    'парага',
    'пара алды',
    'сыбайлас',
    'жемкор',
    'тендер',
    'госзакуп',
    'мемлекеттик сатып алу',
    'подкуп',
    'за деньги',
    'акша талап',
    'кызметин пайдалан',
    'превышен',
    'злоупотреб',
    // Criminal Code articles 189 (misappropriation, embezzlement), 366–368 (taking, giving, brokering a bribe)
    'присвоен',
    'растрат',
    'посредни',
    'мзд',
    'магарыч',
    'побор',
    'решить вопрос',
    'вопрос решить',
    'шай-пул',
    'шайпул',
    'пара-пул',
  ],
  bullying: [
    'травл',
    'травят',
    'издева',
    'униж',
    'буллинг',
    'кибербул',
    'домогат',
    'приставал',
    'обзывал',
    'насмеха',
    'бойкот',
    'корла',
    'мазак',
    'кемсит',
    'абыройын',
    'жабыск',
    'кокйтад',
    'масхарала',
    'зорлык-зомбылык',
    'ушкор',
  ],
  fraud: [
    'мошен',
    'развел',
    'развод',
    'обман',
    'похитил',
    'списали',
    'код из смс',
    'смс код',
    'служба безопасности банка',
    'пирамид',
    'дроп',
    'аренда карт',
    'инвестиц',
    'криптовалют',
    'алаяк',
    'алдап',
    'алданып',
    'карызга',
    'несие',
    'кредит оформ',
    'пирамида',
    'акшамды',
  ],
  drugs: [
    'наркот',
    'заклад',
    'кладмен',
    'мефедрон',
    'гашиш',
    'спайс',
    'марихуан',
    'конопл',
    'героин',
    'соль ',
    'амфетам',
    'барыг',
    'есиртки',
    'насыбай',
    'калдырма',
    'кенеп',
    'курьер',
    'психотроп',
    'синтетик',
  ],
};

const fold = (stem: string) => stem.trim().split(' ').map(foldWord).join(' ');
const stems = Object.entries(riskStems).flatMap(([label, list]) =>
  [...new Set(list.map(fold))].map((stem) => ({ label: label as RiskLabel, stem })),
);

// Single-word stems are looked up by their first three letters, so a text is scanned once, word by word.
const byPrefix = new Map<string, { label: RiskLabel; stem: string }[]>();
const phrases = stems.filter(({ stem }) => stem.includes(' ') || stem.length < 3);
for (const entry of stems.filter(({ stem }) => !stem.includes(' ') && stem.length >= 3)) {
  const key = entry.stem.slice(0, 3);
  byPrefix.set(key, [...(byPrefix.get(key) ?? []), entry]);
}

/** The labels whose stems occur in a folded text: once per word and label, and once per phrase. */
export function lexiconHits(normalized: string): RiskLabel[] {
  const hits: RiskLabel[] = [];
  for (const word of normalized.split(' ')) {
    const labels = new Set<RiskLabel>();
    for (const { label, stem } of byPrefix.get(word.slice(0, 3)) ?? [])
      if (word.startsWith(stem)) labels.add(label);
    hits.push(...labels);
  }
  if (phrases.length) {
    const padded = ` ${normalized} `;
    for (const { label, stem } of phrases) {
      for (let at = padded.indexOf(` ${stem}`); at >= 0; at = padded.indexOf(` ${stem}`, at + stem.length))
        hits.push(label);
    }
  }
  return hits;
}
