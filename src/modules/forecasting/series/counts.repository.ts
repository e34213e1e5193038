import type { Sql } from '../../../core/index.js';
import { nextPeriod, periodsBetween, type Frequency } from '../engine/periods.js';
import type { Slice } from './slice.js';

export interface CountCell {
  frequency: Frequency;
  period: string;
  region: string;
  district: string;
  chapter: string;
  article: string;
}

export interface History {
  periods: string[];
  values: number[];
}

/** Adds counted records to their cells (the 'records' source), in one statement per batch. */
export async function addRecordCounts(
  sql: Sql,
  cells: readonly (CountCell & { count: number })[],
): Promise<void> {
  if (cells.length === 0) return;
  await sql.query(
    `insert into offence_counts (frequency, period, region, district, chapter, article, source, count)
     select f, p, r, d, c, a, 'records', n from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[]) as t(f, p, r, d, c, a, n)
     on conflict (frequency, region, chapter, period, district, article, source)
     do update set count = offence_counts.count + excluded.count, updated_at = now()`,
    columns(cells),
  );
}

/** Stores an aggregate source's totals; a re-sent total replaces the earlier one, so imports are idempotent. */
export async function replaceSourceCounts(
  sql: Sql,
  source: string,
  cells: readonly (CountCell & { count: number })[],
): Promise<void> {
  if (cells.length === 0) return;
  await sql.query(
    `insert into offence_counts (frequency, period, region, district, chapter, article, source, count)
     select f, p, r, d, c, a, $8, n from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[]) as t(f, p, r, d, c, a, n)
     on conflict (frequency, region, chapter, period, district, article, source)
     do update set count = excluded.count, updated_at = now()`,
    [...columns(cells), source],
  );
}

function columns(cells: readonly (CountCell & { count: number })[]) {
  return [
    cells.map((cell) => cell.frequency),
    cells.map((cell) => cell.period),
    cells.map((cell) => cell.region),
    cells.map((cell) => cell.district),
    cells.map((cell) => cell.chapter),
    cells.map((cell) => cell.article),
    cells.map((cell) => cell.count),
  ];
}

export interface DataRange {
  first: string;
  last: string;
}

export async function dataRange(sql: Sql, frequency: Frequency): Promise<DataRange | undefined> {
  const [row] = await sql.query<{ first: string | null; last: string | null }>(
    'select min(period) as first, max(period) as last from offence_counts where frequency = $1',
    [frequency],
  );
  return row?.first && row.last ? { first: row.first, last: row.last } : undefined;
}

export function sliceFilter(
  slice: Omit<Slice, 'frequency'>,
  from: number,
): { where: string; params: (string | null)[] } {
  return {
    where: `($${from}::text is null or region = $${from}) and ($${from + 1}::text is null or district = $${from + 1})
      and ($${from + 2}::text is null or chapter = $${from + 2}) and ($${from + 3}::text is null or article = $${from + 3})`,
    params: [slice.region, slice.district, slice.chapter, slice.article],
  };
}

/** The slice's counts for every period of the data range, zeros where nothing was registered. */
export async function sliceHistory(sql: Sql, slice: Slice, range: DataRange): Promise<History> {
  const filter = sliceFilter(slice, 4);
  const rows = await sql.query<{ period: string; count: number }>(
    `select period, sum(count)::int as count from offence_counts where frequency = $1 and period between $2 and $3 and ${filter.where} group by period`,
    [slice.frequency, range.first, range.last, ...filter.params],
  );
  return fillRange(range, slice.frequency, new Map(rows.map((row) => [row.period, row.count])));
}

export function fillRange(
  range: DataRange,
  frequency: Frequency,
  counts: ReadonlyMap<string, number>,
): History {
  const length = periodsBetween(range.first, range.last, frequency) + 1;
  const periods: string[] = [];
  const values: number[] = [];
  let period = range.first;
  for (let i = 0; i < length; i++) {
    periods.push(period);
    values.push(counts.get(period) ?? 0);
    period = nextPeriod(period, frequency);
  }
  return { periods, values };
}

/** The four grouped counts the anomaly detector's watched series are summed from (see anomalies/series-loader.ts). */
export interface WatchedCounts {
  byRegionChapter: { region: string; chapter: string; period: string; count: number }[];
  byDistrict: { region: string; district: string; period: string; count: number }[];
  byDistrictChapter: { district: string; chapter: string; period: string; count: number }[];
  byArticle: { region: string; chapter: string; article: string; period: string; count: number }[];
}

/**
 * Counts in a window grouped four ways: by region and chapter (everywhere), by district (in these regions), by
 * district and chapter (in these districts, or all), by article (in these regions, for these chapters or all).
 */
export async function watchedCounts(
  sql: Sql,
  frequency: Frequency,
  range: DataRange,
  filter: { regions: string[]; districts: string[] | null; chapters: string[] | null },
): Promise<WatchedCounts> {
  const window = [frequency, range.first, range.last] as const;
  const inWindow = 'frequency = $1 and period between $2 and $3';
  const byRegionChapter = await sql.query<WatchedCounts['byRegionChapter'][number]>(
    `select region, chapter, period, sum(count)::int as count from offence_counts where ${inWindow} group by region, chapter, period`,
    [...window],
  );
  const byDistrict = await sql.query<WatchedCounts['byDistrict'][number]>(
    `select region, district, period, sum(count)::int as count from offence_counts where ${inWindow} and region = any($4) group by region, district, period`,
    [...window, filter.regions],
  );
  const byDistrictChapter = await sql.query<WatchedCounts['byDistrictChapter'][number]>(
    `select district, chapter, period, sum(count)::int as count from offence_counts where ${inWindow} and district <> '' and ($4::text[] is null or district = any($4)) group by district, chapter, period`,
    [...window, filter.districts],
  );
  const byArticle = await sql.query<WatchedCounts['byArticle'][number]>(
    `select region, chapter, article, period, sum(count)::int as count from offence_counts where ${inWindow} and article <> '' and region = any($4) and ($5::text[] is null or chapter = any($5)) group by region, chapter, article, period`,
    [...window, filter.regions, filter.chapters],
  );
  return { byRegionChapter, byDistrict, byDistrictChapter, byArticle };
}

export type ChildDimension = 'region' | 'district' | 'chapter' | 'article';

/** Histories of every child of a slice along one dimension, keyed by the child's code ('' = district not stated). */
export async function childHistories(
  sql: Sql,
  slice: Slice,
  dimension: ChildDimension,
  range: DataRange,
): Promise<Map<string, History>> {
  const filter = sliceFilter(slice, 4);
  const rows = await sql.query<{ child: string; period: string; count: number }>(
    `select ${dimension} as child, period, sum(count)::int as count from offence_counts
     where frequency = $1 and period between $2 and $3 and ${filter.where} group by ${dimension}, period`,
    [slice.frequency, range.first, range.last, ...filter.params],
  );
  const byChild = new Map<string, Map<string, number>>();
  for (const row of rows) {
    let counts = byChild.get(row.child);
    if (!counts) byChild.set(row.child, (counts = new Map<string, number>()));
    counts.set(row.period, row.count);
  }
  return new Map([...byChild].map(([child, counts]) => [child, fillRange(range, slice.frequency, counts)]));
}

/** The next finer level of a slice along its area and along its category. */
export function childDimensions(slice: Omit<Slice, 'frequency'>): {
  area?: ChildDimension;
  category?: ChildDimension;
} {
  return {
    ...(slice.district === null ? { area: slice.region ? 'district' : 'region' } : {}),
    ...(slice.article === null ? { category: slice.chapter ? 'article' : 'chapter' } : {}),
  };
}

export function childSlice(slice: Slice, dimension: ChildDimension, code: string): Slice {
  return { ...slice, [dimension]: code };
}
