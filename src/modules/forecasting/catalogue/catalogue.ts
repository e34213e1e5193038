import { readFileSync } from 'node:fs';
import { findRegion, type LocalizedText, regions } from '../../../core/index.js';
import { districtsOf, findDistrict } from './districts.js';
import { articleNames, chapterNames } from './names.js';

interface CodeFile {
  source: string;
  chapters: { code: string; name: { ru: string } }[];
  articles: { code: string; chapter: string; name: { ru: string } }[];
}

export interface Chapter {
  code: string;
  name: LocalizedText;
}

export interface Article {
  code: string;
  chapter: string;
  name: LocalizedText;
  /** A short label for charts, where one has been written; otherwise the name. */
  short: LocalizedText;
}

/** The Criminal Code's chapters and articles as counted by form 1-M (2022), with Kazakh and English names. */
const file = JSON.parse(readFileSync(new URL('./criminal-code.json', import.meta.url), 'utf8')) as CodeFile;

export const chapters: readonly Chapter[] = file.chapters.map(({ code, name }) => ({
  code,
  name: { ru: name.ru, kk: chapterNames[code]?.kk ?? name.ru, en: chapterNames[code]?.en ?? name.ru },
}));

export const articles: readonly Article[] = file.articles.map(({ code, chapter, name }) => {
  const translated = articleNames[code];
  const full = { ru: name.ru, kk: translated?.kk ?? name.ru, en: translated?.en ?? name.ru };
  return { code, chapter, name: full, short: translated?.short ?? full };
});

const chapterByCode = new Map(chapters.map((chapter) => [chapter.code, chapter]));
const articleByCode = new Map(articles.map((article) => [article.code, article]));

export const findChapter = (code: string): Chapter | undefined => chapterByCode.get(code);
export const findArticle = (code: string): Article | undefined => articleByCode.get(code);
export const articlesOf = (chapter: string): Article[] =>
  articles.filter((article) => article.chapter === chapter);

export const countryPopulation = regions.reduce((sum, region) => sum + region.population, 0);

/** Resident population of an area: the country, a region, or a district (undefined when not known). */
export function populationOf(region: string | null, district: string | null): number | undefined {
  if (district) return findDistrict(district)?.population;
  if (region) return findRegion(region)?.population;
  return countryPopulation;
}

export const countryName: LocalizedText = {
  kk: 'Қазақстан Республикасы',
  ru: 'Республика Казахстан',
  en: 'Republic of Kazakhstan',
};
export const allOffencesName: LocalizedText = {
  kk: 'Барлық құқық бұзушылықтар',
  ru: 'Все правонарушения',
  en: 'All offences',
};
export const districtNotStated: LocalizedText = {
  kk: 'Басқа аудандар / көрсетілмеген',
  ru: 'Другие районы / не указан',
  en: 'Other districts / not stated',
};
export const otherArticles: LocalizedText = {
  kk: 'Тараудың басқа баптары',
  ru: 'Прочие статьи главы',
  en: 'Other articles of the chapter',
};

export { districtsOf, findDistrict };
export const criminalCodeSource = file.source;
