import { regionCodes, type Sql } from '../../../core/index.js';
import { nextPeriod, type Frequency } from '../engine/periods.js';
import {
  fillRange,
  watchedCounts,
  type ChildDimension,
  type DataRange,
  type History,
} from '../series/counts.repository.js';
import type { Slice } from '../series/slice.js';
import type { SeriesData } from './detector.js';

/** Detection looks at the last five years (260 weeks): enough to validate seasonal models, and cheap to load. */
export const DETECTION_YEARS = 5;

export interface ChangedCell {
  region: string;
  district: string;
  chapter: string;
}

type Counts = Map<string, Map<string, number>>;

function add(counts: Counts, key: string, period: string, count: number) {
  let series = counts.get(key);
  if (!series) counts.set(key, (series = new Map<string, number>()));
  series.set(period, (series.get(period) ?? 0) + count);
}

export function detectionRange(last: string, first: string, frequency: Frequency): DataRange {
  const back = frequency === 'monthly' ? DETECTION_YEARS * 12 : DETECTION_YEARS * 52;
  const start = nextPeriod(last, frequency, -(back - 1));
  return { first: start > first ? start : first, last };
}

/**
 * The series the detector watches for a set of changed cells (or all of them): the country and the region, each in
 * total and for the changed chapter, and the district in total; each with the children that can explain a departure
 * (chapters, districts and regions; articles within a region's chapter). Four grouped queries load them all
 * (watchedCounts).
 */
export async function loadWatchedSeries(
  sql: Sql,
  frequency: Frequency,
  range: DataRange,
  changed: readonly ChangedCell[] | 'all',
): Promise<SeriesData[]> {
  const all = changed === 'all';
  const regions = all ? [...regionCodes] : [...new Set(changed.map((cell) => cell.region))];
  const chapters = all ? null : [...new Set(changed.map((cell) => cell.chapter))];
  const districtFilter = all ? null : [...new Set(changed.map((cell) => cell.district).filter(Boolean))];
  const { byRegionChapter, byDistrict, byDistrictChapter, byArticle } = await watchedCounts(
    sql,
    frequency,
    range,
    { regions, districts: districtFilter, chapters },
  );

  const counts: Counts = new Map();
  for (const row of byRegionChapter) {
    add(counts, `KZ|*|*|*`, row.period, row.count);
    add(counts, `KZ|*|${row.chapter}|*`, row.period, row.count);
    add(counts, `${row.region}|*|*|*`, row.period, row.count);
    add(counts, `${row.region}|*|${row.chapter}|*`, row.period, row.count);
  }
  for (const row of byDistrict) add(counts, `${row.region}|${row.district}|*|*`, row.period, row.count);
  const districtRegion = new Map(byDistrict.map((row) => [row.district, row.region]));
  for (const row of byDistrictChapter)
    add(
      counts,
      `${districtRegion.get(row.district) ?? '?'}|${row.district}|${row.chapter}|*`,
      row.period,
      row.count,
    );
  for (const row of byArticle)
    add(counts, `${row.region}|*|${row.chapter}|${row.article}`, row.period, row.count);
  const history = (key: string): History => fillRange(range, frequency, counts.get(key) ?? new Map());
  const keysLike = (prefix: string, suffix: string) =>
    [...counts.keys()].filter((key) => key.startsWith(prefix) && key.endsWith(suffix));

  const watched = new Map<string, Slice>();
  const watch = (slice: Omit<Slice, 'frequency'>) =>
    watched.set(
      `${slice.region ?? 'KZ'}|${slice.district ?? '*'}|${slice.chapter ?? '*'}|${slice.article ?? '*'}`,
      { frequency, ...slice },
    );
  watch({ region: null, district: null, chapter: null, article: null });
  const cells: ChangedCell[] = all
    ? byRegionChapter
        .map((row) => ({ region: row.region, district: '', chapter: row.chapter }))
        .concat(byDistrict.map((row) => ({ region: row.region, district: row.district, chapter: '' })))
    : [...changed];
  for (const cell of cells) {
    watch({ region: cell.region, district: null, chapter: null, article: null });
    if (cell.chapter) {
      watch({ region: null, district: null, chapter: cell.chapter, article: null });
      watch({ region: cell.region, district: null, chapter: cell.chapter, article: null });
    }
    if (cell.district && frequency === 'monthly')
      watch({ region: cell.region, district: cell.district, chapter: null, article: null });
  }

  return [...watched].map(([key, slice]) => {
    const children: { dimension: ChildDimension; code: string; history: History }[] = [];
    const push = (dimension: ChildDimension, keys: string[], codeAt: number) => {
      for (const childKey of keys)
        children.push({ dimension, code: childKey.split('|')[codeAt] ?? '', history: history(childKey) });
    };
    const [region, district, chapter] = key.split('|') as [string, string, string, string];
    if (region === 'KZ' && chapter === '*') {
      push(
        'chapter',
        keysLike('KZ|*|', '|*').filter((k) => k !== 'KZ|*|*|*'),
        2,
      );
      push(
        'region',
        regionCodes.map((code) => `${code}|*|*|*`).filter((k) => counts.has(k)),
        0,
      );
    } else if (region === 'KZ') {
      // Country-wide, the regions explain a chapter's departure; each region's own alert names the articles.
      push(
        'region',
        regionCodes.map((code) => `${code}|*|${chapter}|*`).filter((k) => counts.has(k)),
        0,
      );
    } else if (district !== '*') {
      push(
        'chapter',
        keysLike(`${region}|${district}|`, '|*').filter((k) => k !== key),
        2,
      );
    } else if (chapter === '*') {
      push(
        'chapter',
        keysLike(`${region}|*|`, '|*').filter((k) => k !== key),
        2,
      );
      push(
        'district',
        keysLike(`${region}|`, '|*|*').filter((k) => k !== key),
        1,
      );
    } else {
      push(
        'article',
        keysLike(`${region}|*|${chapter}|`, '').filter((k) => !k.endsWith('|*')),
        3,
      );
    }
    return { slice, history: history(key), children };
  });
}
