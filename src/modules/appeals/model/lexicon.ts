import type { RiskLabel } from './labels.js';
import { foldWord } from '../text/normalize.js';

/**
 * Stems that signal a risk, in folded form (Kazakh letters as their Russian look-alikes, see normalize.ts). They become
 * one extra feature per label ("lex:violence"), so that the model starts from what an analyst knows and the seed
 * corpus only has to teach it the rest: 150 examples per label cannot cover every word form of two languages.
 */
export const riskStems: Record<RiskLabel, string[]> = {
  violence: ['избив', 'избил', 'изби', 'побо', 'бьет', 'бьют', 'бил ', 'ударил', 'удары', 'избиен', 'насил', 'изнасил', 'душил', 'пытк', 'пытал', 'синяк', 'сломал', 'дедовщ', 'урды', 'урып', 'урад', 'сабад', 'сабап', 'сокк', 'зорла', 'тепкил', 'азаптад', 'кол котер', 'кол жумса', 'тайак', 'жарак', 'кеки'],
  threat: ['угрож', 'угроз', 'убью', 'убьет', 'убьем', 'зарежу', 'прирежу', 'застрелю', 'сожгу', 'покалеч', 'пригрози', 'закопа', 'олтирем', 'олтиреди', 'олтирем', 'коркыт', 'кокан', 'курту', 'жойам', 'откиземин', 'басынды аламын', 'жарып жиберем'],
  self_harm: ['покончить', 'покончу', 'суицид', 'самоубий', 'не хочу жить', 'незачем жить', 'свести счеты', 'порезы', 'вскрыть', 'повес', 'прыгнуть с', 'наложить на себя', 'оз омир', 'озиме кол', 'озин олтир', 'асылып', 'омирден кет', 'омир сургим келмейди', 'олгим келеди', 'жасагым келмейди'],
  corruption: ['взятк', 'взяточ', 'откат', 'вымога', 'коррупц', 'занес', 'отблагодар', 'конверт', 'пара бер', 'пара сура', 'параны', 'парага', 'пара алды', 'сыбайлас', 'жемкор', 'тендер', 'госзакуп', 'мемлекеттик сатып алу', 'подкуп', 'за деньги', 'акша талап', 'кызметин пайдалан', 'превышен', 'злоупотреб'],
  bullying: ['травл', 'травят', 'издева', 'униж', 'буллинг', 'кибербул', 'домогат', 'приставал', 'обзывал', 'насмеха', 'бойкот', 'корла', 'мазак', 'кемсит', 'абыройын', 'жабыск', 'кокйтад', 'масхарала', 'зорлык-зомбылык', 'ушкор'],
  fraud: ['мошен', 'развел', 'развод', 'обман', 'похитил', 'списали', 'код из смс', 'смс код', 'служба безопасности банка', 'пирамид', 'дроп', 'аренда карт', 'инвестиц', 'криптовалют', 'алаяк', 'алдап', 'алданып', 'карызга', 'несие', 'кредит оформ', 'пирамида', 'акшамды'],
  drugs: ['наркот', 'заклад', 'кладмен', 'мефедрон', 'гашиш', 'спайс', 'марихуан', 'конопл', 'героин', 'соль ', 'амфетам', 'барыг', 'есиртки', 'насыбай', 'калдырма', 'кенеп', 'курьер', 'психотроп', 'синтетик'],
};

const fold = (stem: string) => stem.trim().split(' ').map(foldWord).join(' ');
const stems = Object.entries(riskStems).flatMap(([label, list]) => [...new Set(list.map(fold))].map((stem) => ({ label: label as RiskLabel, stem })));

/** The labels whose stems occur in a folded text, once per occurrence. */
export function lexiconHits(normalized: string): RiskLabel[] {
  const hits: RiskLabel[] = [];
  const padded = ` ${normalized} `;
  for (const { label, stem } of stems) {
    let from = 0;
    for (;;) {
      const at = padded.indexOf(stem.includes(' ') ? stem : ` ${stem}`, from);
      if (at < 0) break;
      hits.push(label);
      from = at + stem.length;
    }
  }
  return hits;
}
