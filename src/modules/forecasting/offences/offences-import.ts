import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { itemChecker, type ItemChecker, parseCsv, type Platform } from '../../../core/index.js';
import { AggregateCount, OffenceRecord } from './offences.schema.js';
import { countProblems, ingestCounts, ingestRecords, recordProblems } from './offences.service.js';

const checkRecord = itemChecker(OffenceRecord);
const checkCount = itemChecker(AggregateCount);
const BATCH = 2000;

/**
 * A CSV row as the API's JSON: records have `record_id, registered_on, region, district, chapter, article, severity,
 * lat, lon`; published totals have `region, district, chapter, article, period, count`.
 */
function fromCsv(header: readonly string[], cells: readonly string[]): unknown {
  const get = (name: string) => {
    const value = cells[header.indexOf(name)]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const number = (name: string) => (get(name) === undefined ? undefined : Number(get(name)));
  if (header.includes('count')) {
    return clean({
      region: get('region'),
      district: get('district'),
      chapter: get('chapter'),
      article: get('article'),
      period: get('period'),
      count: number('count'),
    });
  }
  const lat = number('lat');
  const lon = number('lon');
  return clean({
    recordId: get('record_id'),
    registeredOn: get('registered_on'),
    region: get('region'),
    district: get('district'),
    chapter: get('chapter'),
    article: get('article'),
    severity: get('severity'),
    location: lat !== undefined && lon !== undefined ? { lat, lon } : undefined,
  });
}

const clean = (value: Record<string, unknown>) => JSON.parse(JSON.stringify(value)) as unknown;

async function* rows(file: string): AsyncGenerator<{ line: number; value: unknown }> {
  if (file.endsWith('.csv')) {
    const [header = [], ...lines] = parseCsv(await readFile(file, 'utf8'));
    let line = 1;
    for (const cells of lines)
      yield {
        line: ++line,
        value: fromCsv(
          header.map((name) => name.trim()),
          cells,
        ),
      };
    return;
  }
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    try {
      yield { line, value: JSON.parse(text) as unknown };
    } catch {
      yield { line, value: undefined };
    }
  }
}

export interface OffenceImportReport {
  created: number;
  duplicates: number;
  stored: number;
  rejected: { line: number; reason: string }[];
}

function reasonFor(value: unknown, check: ItemChecker<unknown>): string {
  if (value === undefined) return 'not JSON';
  const first = check.errors(value)[0];
  return `${first?.field ?? '/'} ${first?.message ?? 'invalid'}`;
}

/**
 * Imports registered offences or published totals from CSV or JSONL, in transactions of 2,000 rows. Records are
 * idempotent on their id and totals replace the source's earlier ones, so a file can be imported again after a crash.
 */
export async function importOffences(
  platform: Platform,
  file: string,
  source: string,
  progress: (done: number) => void,
): Promise<OffenceImportReport> {
  const report: OffenceImportReport = { created: 0, duplicates: 0, stored: 0, rejected: [] };
  let records: OffenceRecord[] = [];
  let counts: AggregateCount[] = [];
  const flush = async () => {
    const [recordBatch, countBatch] = [records, counts];
    records = [];
    counts = [];
    if (recordBatch.length === 0 && countBatch.length === 0) return;
    await platform.bus.tx(async (sql) => {
      const result = await ingestRecords(sql, source, recordBatch);
      report.created += result.created;
      report.duplicates += result.duplicates;
      report.stored += (await ingestCounts(sql, source, countBatch)).stored;
    });
    progress(report.created + report.duplicates + report.stored + report.rejected.length);
  };
  for await (const { line, value } of rows(file)) {
    const isCount = typeof value === 'object' && value !== null && 'count' in value;
    const check: ItemChecker<unknown> = isCount ? checkCount : checkRecord;
    if (value === undefined || !check.check(value)) {
      report.rejected.push({ line, reason: reasonFor(value, check) });
      continue;
    }
    const problems = isCount
      ? countProblems(value as AggregateCount)
      : recordProblems(value as OffenceRecord);
    if (problems.length)
      report.rejected.push({
        line,
        reason: problems.map((problem) => `${problem.field} ${problem.message}`).join('; '),
      });
    else if (isCount) counts.push(value as AggregateCount);
    else records.push(value as OffenceRecord);
    if (records.length + counts.length >= BATCH) await flush();
  }
  await flush();
  return report;
}
