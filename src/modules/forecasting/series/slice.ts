import { findRegion, type LocalizedText, problems } from '../../../core/index.js';
import type { Frequency } from '../engine/periods.js';
import {
  allOffencesName,
  countryName,
  districtNotStated,
  findArticle,
  findChapter,
  findDistrict,
  otherArticles,
} from '../catalogue/catalogue.js';

/**
 * A slice of the offence counts: an area (the country, a region, or a district of it) crossed with a category (all
 * offences, a chapter of the Criminal Code, or an article of it). Null means "all" on that level.
 */
export interface Slice {
  frequency: Frequency;
  region: string | null;
  /** A district code, or '' for records whose district was not stated. */
  district: string | null;
  chapter: string | null;
  article: string | null;
}

export const seriesKey = (slice: Omit<Slice, 'frequency'>): string =>
  `${slice.region ?? 'KZ'}|${slice.district ?? '*'}|${slice.chapter ?? '*'}|${slice.article ?? '*'}`;

export function parseSeriesKey(key: string, frequency: Frequency): Slice {
  const [region, district, chapter, article] = key.split('|') as [string, string, string, string];
  return {
    frequency,
    region: region === 'KZ' ? null : region,
    district: district === '*' ? null : district,
    chapter: chapter === '*' ? null : chapter,
    article: article === '*' ? null : article,
  };
}

export interface SliceQuery {
  frequency?: Frequency | undefined;
  region?: string | undefined;
  district?: string | undefined;
  chapter?: string | undefined;
  article?: string | undefined;
}

/** Checks a requested slice against the catalogue; an article implies its chapter, a district its region. */
export function sliceFrom(query: SliceQuery): Slice {
  const errors: { field: string; message: string }[] = [];
  const region = query.region || null;
  let district = query.district ?? null;
  let chapter = query.chapter || null;
  const article = query.article || null;
  if (region && !findRegion(region)) errors.push({ field: 'region', message: 'unknown region' });
  if (district !== null) {
    if (district === '' || district === 'none') district = '';
    else if (
      findDistrict(district)?.region !== (region ?? findDistrict(district)?.region) ||
      !findDistrict(district)
    )
      errors.push({ field: 'district', message: 'unknown district, or not in the region' });
    if (!region && district === '')
      errors.push({ field: 'district', message: '"not stated" needs a region' });
  }
  if (chapter && !findChapter(chapter)) errors.push({ field: 'chapter', message: 'unknown chapter' });
  if (article) {
    const known = findArticle(article);
    if (!known) errors.push({ field: 'article', message: 'unknown article' });
    else if (chapter && known.chapter !== chapter)
      errors.push({ field: 'article', message: `article ${article} is in chapter ${known.chapter}` });
    else chapter = known.chapter;
  }
  if (errors.length) throw problems.validation('the slice does not exist', errors);
  const regionOfDistrict = district ? (findDistrict(district)?.region ?? region) : region;
  return { frequency: query.frequency ?? 'monthly', region: regionOfDistrict, district, chapter, article };
}

export interface SliceLabel {
  area: LocalizedText;
  category: LocalizedText;
}

export function labelOf(slice: Omit<Slice, 'frequency'>): SliceLabel {
  const area =
    slice.district !== null
      ? slice.district === ''
        ? districtNotStated
        : findDistrict(slice.district)?.name
      : slice.region
        ? findRegion(slice.region)?.name
        : countryName;
  const category =
    slice.article === ''
      ? otherArticles
      : slice.article
        ? findArticle(slice.article)?.short
        : slice.chapter
          ? findChapter(slice.chapter)?.name
          : allOffencesName;
  const fallback = (code: string | null) => ({ kk: code ?? '', ru: code ?? '', en: code ?? '' });
  return {
    area: area ?? fallback(slice.district ?? slice.region),
    category: category ?? fallback(slice.article ?? slice.chapter),
  };
}

/** "Fraud, Almaty" in English, for titles and CSV files. */
export function describe(slice: Omit<Slice, 'frequency'>, locale: keyof LocalizedText = 'en'): string {
  const label = labelOf(slice);
  const article = slice.article
    ? ` (art. ${slice.article})`
    : slice.chapter
      ? ` (ch. ${String(Number(slice.chapter))})`
      : '';
  return `${label.category[locale]}${article}, ${label.area[locale]}`;
}
