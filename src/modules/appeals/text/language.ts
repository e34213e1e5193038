import { foldWord } from './normalize.js';

export type Language = 'kk' | 'ru' | 'en' | 'kk-latn' | 'mixed';

/**
 * Kazakh and Russian function words and frequent appeal words, in folded form (Kazakh letters folded to Russian
 * ones, as in informal typing). Counted rather than guessed by a general-purpose language-ID model: informal Kazakh
 * without its specific letters is what such models take for Kyrgyz or Tatar, and here it is common.
 */
const kazakhWords = new Set(
  (
    'мен сен ол биз сиз олар менин сенин онын бизин сизин олардын маган саган оган бизге сизге оларга мени сени оны бизди сизди ' +
    'жок бар жане ушин деп емес бул осы сол мына кейин дейин бирак себеби егер казир кази тагы гой гана кана ен оте кун жыл бала балам ' +
    'балалар мектеп мектепте уй уйде ата ана акша керек мумкин болды болып жатыр жатыр отыр келди кетти берди алды айтты айтып ' +
    'сураймын отинемин комектесиниз комектесиниздер шара колдану колданып тиис тураткан турамын ауданы облысы каласы ауыл ауылы ' +
    'кунделикти жылы айы аптасы туралы бойынша аркылы сиякты калай неге кандай кашан кайда ким не нарсе ешкандай барлык баска ' +
    'мени менде сизден бизден одан ага ини апа кыз ул эке шеше куйеу айел журмын журмиз жок болса алып берип кылып истеп'
  )
    .split(' ')
    .map(foldWord),
);
const kazakhSuffixes = [
  'мын',
  'мин',
  'пын',
  'пин',
  'быз',
  'биз',
  'сыз',
  'сиз',
  'дык',
  'дик',
  'тык',
  'тик',
  'нын',
  'нин',
  'дын',
  'дин',
  'ган',
  'ген',
  'лар',
  'лер',
  'дар',
  'дер',
  'мыз',
  'миз',
  'ныз',
  'низ',
  'ындагы',
  'индеги',
  'дагы',
  'деги',
  'тагы',
  'теги',
];
const russianWords = new Set(
  (
    'и в во на не что это я меня мне мой моя мое мои мы нас нам он она они его ее их с со по как у за от до из к ко для но а или же бы ли ' +
    'уже еще очень когда где который которая которые так только все нет прошу просим помогите сын дочь ребенок муж жена года лет был была ' +
    'были есть будет может этот этого чтобы если потому после при о об над под через без тоже также уважаемые здравствуйте против ' +
    'нашего нашей наш наша свой своего сказал сказали говорит хочу могу нужно надо время день дома дом школе школы полиции'
  ).split(' '),
);
const englishWords = new Set(
  'the and is are to of my i we you he she it in on for with that this was were have has please help not'.split(
    ' ',
  ),
);
const kazakhLatinLetters = /[äğıñöqūü]/;
const russianOnlyLetters = /[щъэ]/;
const kazakhOnlyLetters = /[әғқңөұүһі]/;

interface Votes {
  kk: number;
  ru: number;
  en: number;
  latin: number;
  cyrillic: number;
}

function vote(word: string, votes: Votes): void {
  const latin = /^[a-zäğıñöqūüşç]+$/.test(word);
  if (latin) {
    votes.latin += 1;
    if (englishWords.has(word)) votes.en += 1;
    if (kazakhLatinLetters.test(word)) votes.kk += 1;
  } else if (/[а-яёәғқңөұүһі]/.test(word)) {
    votes.cyrillic += 1;
    if (kazakhOnlyLetters.test(word)) votes.kk += 1;
    if (russianOnlyLetters.test(word)) votes.ru += 1;
  } else {
    return;
  }
  const folded = foldWord(word);
  if (kazakhWords.has(folded)) votes.kk += 1;
  else if (folded.length > 4 && kazakhSuffixes.some((suffix) => folded.endsWith(suffix))) votes.kk += 0.5;
  if (!latin && russianWords.has(word.replace('ё', 'е'))) votes.ru += 1;
}

export interface LanguageGuess {
  language: Language;
  /** Share of the Kazakh and Russian votes, for the explanation. */
  kazakhShare: number;
}

export function detectLanguage(text: string): LanguageGuess {
  const votes: Votes = { kk: 0, ru: 0, en: 0, latin: 0, cyrillic: 0 };
  for (const match of text.toLowerCase().matchAll(/[\p{L}]+/gu)) vote(match[0], votes);
  const kazakhShare = votes.kk + votes.ru > 0 ? votes.kk / (votes.kk + votes.ru) : 0;
  if (votes.latin > votes.cyrillic) {
    if (votes.en > votes.kk && votes.en >= votes.latin * 0.15) return { language: 'en', kazakhShare };
    return { language: 'kk-latn', kazakhShare: 1 };
  }
  // Code-switching: both languages carry a real share of the function words.
  if (votes.kk >= 2 && votes.ru >= 2 && kazakhShare > 0.25 && kazakhShare < 0.75)
    return { language: 'mixed', kazakhShare };
  return { language: kazakhShare >= 0.5 ? 'kk' : 'ru', kazakhShare };
}
