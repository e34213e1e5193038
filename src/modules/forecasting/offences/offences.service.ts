import { emitEvent, type Sql } from '../../../core/index.js';
import { findArticle, findChapter, findDistrict } from '../catalogue/catalogue.js';
import { frequencyOf } from '../engine/periods.js';
import { addRecordCounts, replaceSourceCounts, type CountCell } from '../series/counts.repository.js';
import { insertNewRecords } from './offences.repository.js';
import type { FieldError } from './offences.contract.js';
import type { AggregateCount, OffenceRecord } from './offences.schema.js';
import '../forecasting.events.js';

/** Checks what the schema cannot: the catalogue, the district's region, dates in the past. */
export function recordProblems(record: OffenceRecord, today = new Date()): FieldError[] {
  const errors: FieldError[] = [];
  const article = findArticle(record.article);
  if (!article)
    errors.push({
      field: '/article',
      message: `article ${record.article} is not in the Criminal Code catalogue`,
    });
  if (record.chapter && article && article.chapter !== record.chapter)
    errors.push({
      field: '/chapter',
      message: `article ${record.article} belongs to chapter ${article.chapter}`,
    });
  if (record.district && findDistrict(record.district)?.region !== record.region)
    errors.push({ field: '/district', message: `district ${record.district} is not in ${record.region}` });
  const date = Date.parse(`${record.registeredOn}T00:00:00Z`);
  if (Number.isNaN(date)) errors.push({ field: '/registeredOn', message: 'is not a date' });
  else if (date > today.getTime()) errors.push({ field: '/registeredOn', message: 'is in the future' });
  else if (date < Date.UTC(2015, 0, 1))
    errors.push({
      field: '/registeredOn',
      message: 'is before 2015, when the current Criminal Code took effect',
    });
  return errors;
}

export function countProblems(row: AggregateCount, today = new Date()): FieldError[] {
  const errors: FieldError[] = [];
  if (!findChapter(row.chapter))
    errors.push({ field: '/chapter', message: `chapter ${row.chapter} is not in the Criminal Code` });
  if (row.article && findArticle(row.article)?.chapter !== row.chapter)
    errors.push({ field: '/article', message: `article ${row.article} is not in chapter ${row.chapter}` });
  if (row.district && findDistrict(row.district)?.region !== row.region)
    errors.push({ field: '/district', message: `district ${row.district} is not in ${row.region}` });
  try {
    const frequency = frequencyOf(row.period);
    if (frequency === 'weekly' && new Date(`${row.period}T00:00:00Z`).getUTCDay() !== 1)
      errors.push({ field: '/period', message: 'a week is identified by its Monday' });
    if (row.period > today.toISOString().slice(0, frequency === 'monthly' ? 7 : 10))
      errors.push({ field: '/period', message: 'is in the future' });
  } catch {
    errors.push({ field: '/period', message: 'is neither YYYY-MM nor YYYY-MM-DD' });
  }
  return errors;
}

/** The Monday of the week a date falls in. */
export function weekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** A record's chapter: given, or implied by its article (records reach here checked by recordProblems). */
function chapterOf(record: OffenceRecord): string {
  const chapter = record.chapter ?? findArticle(record.article)?.chapter;
  if (chapter === undefined)
    throw new Error(
      `record ${record.recordId}: article ${record.article} is not in the catalogue; check records with recordProblems first`,
    );
  return chapter;
}

export interface IntakeSummary {
  created: number;
  duplicates: number;
}

/**
 * Stores new records and adds them to the monthly and weekly counts. A record already stored (same id) is skipped, so
 * a resent batch, or two connectors racing with the same record, count it once: the insert decides.
 */
export async function ingestRecords(
  sql: Sql,
  source: string,
  records: readonly OffenceRecord[],
): Promise<IntakeSummary & { createdIds: string[] }> {
  if (records.length === 0) return { created: 0, duplicates: 0, createdIds: [] };
  const inserted = await insertNewRecords(
    sql,
    records.map((record) => ({
      recordId: record.recordId,
      source,
      registeredOn: record.registeredOn,
      region: record.region,
      district: record.district ?? null,
      chapter: chapterOf(record),
      article: record.article,
      severity: record.severity ?? null,
      lat: record.location?.lat ?? null,
      lon: record.location?.lon ?? null,
    })),
  );
  const fresh = new Set(inserted);
  const cells = new Map<string, CountCell & { count: number }>();
  for (const record of records) {
    if (!fresh.has(record.recordId)) continue;
    fresh.delete(record.recordId); // a batch naming the same id twice counts it once
    for (const [frequency, period] of [
      ['monthly', record.registeredOn.slice(0, 7)],
      ['weekly', weekOf(record.registeredOn)],
    ] as const) {
      const cell = {
        frequency,
        period,
        region: record.region,
        district: record.district ?? '',
        chapter: chapterOf(record),
        article: record.article,
      };
      const key = Object.values(cell).join('|');
      const existing = cells.get(key);
      if (existing) existing.count++;
      else cells.set(key, { ...cell, count: 1 });
    }
  }
  await addRecordCounts(sql, [...cells.values()]);
  await announce(sql, [...cells.values()]);
  return { created: inserted.length, duplicates: records.length - inserted.length, createdIds: inserted };
}

/** Stores a source's published totals (replacing what it sent before for the same cells). */
export async function ingestCounts(
  sql: Sql,
  source: string,
  rows: readonly AggregateCount[],
): Promise<{ stored: number }> {
  const cells = rows.map((row) => ({
    frequency: frequencyOf(row.period),
    period: row.period,
    region: row.region,
    district: row.district ?? '',
    chapter: row.chapter,
    article: row.article ?? '',
    count: row.count,
  }));
  await replaceSourceCounts(sql, source, cells);
  await announce(sql, cells);
  return { stored: cells.length };
}

/** Tells the anomaly detector which periods of which regions and chapters changed. */
async function announce(sql: Sql, cells: readonly CountCell[]): Promise<void> {
  const seen = new Map<
    string,
    { frequency: CountCell['frequency']; period: string; region: string; district: string; chapter: string }
  >();
  for (const { frequency, period, region, district, chapter } of cells)
    seen.set(`${frequency}|${period}|${region}|${district}|${chapter}`, {
      frequency,
      period,
      region,
      district,
      chapter,
    });
  if (seen.size > 0) await emitEvent(sql, 'offences.counted', { cells: [...seen.values()] });
}
