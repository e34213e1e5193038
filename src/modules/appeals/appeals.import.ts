import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import { itemChecker, operatorActor, type Platform } from '../../core/index.js';
import { parseCsv } from './model/corpus.js';
import { AppealRecord } from './appeals.schema.js';
import { ingestAppeal } from './appeals.service.js';
import type { ModelRegistry } from './models/models.service.js';

const check = itemChecker(AppealRecord);
const BATCH = 500;

/** CSV columns: externalId, submittedAt, channel, region, addressee, subject, text, applicantName, applicantIin, applicantPhone, applicantEmail. */
function fromCsvRow(header: string[], cells: string[]): unknown {
  const get = (name: string) => {
    const value = cells[header.indexOf(name)];
    return value === undefined || value === '' ? undefined : value;
  };
  const applicant = {
    name: get('applicantName'),
    iin: get('applicantIin'),
    phone: get('applicantPhone'),
    email: get('applicantEmail'),
  };
  const hasApplicant = Object.values(applicant).some((value) => value !== undefined);
  return JSON.parse(
    JSON.stringify({
      externalId: get('externalId'),
      submittedAt: get('submittedAt'),
      channel: get('channel') ?? 'eotinish',
      region: get('region'),
      addressee: get('addressee'),
      subject: get('subject'),
      text: get('text'),
      applicant: hasApplicant ? applicant : undefined,
    }),
  ) as unknown;
}

async function* records(file: string): AsyncGenerator<{ line: number; value: unknown }> {
  if (file.endsWith('.csv')) {
    const { readFile } = await import('node:fs/promises');
    const [header, ...rows] = parseCsv(await readFile(file, 'utf8'));
    let line = 1;
    for (const cells of rows) yield { line: ++line, value: fromCsvRow(header ?? [], cells) };
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

export interface ImportReport {
  created: number;
  duplicates: number;
  rejected: { line: number; reason: string }[];
}

/** Imports a CSV or JSONL file in batches of 500 (one transaction each), reporting progress; bad lines are listed, good ones kept. */
export async function importAppeals(
  platform: Platform,
  registry: ModelRegistry,
  file: string,
  progress: (done: number) => void,
): Promise<ImportReport> {
  const report: ImportReport = { created: 0, duplicates: 0, rejected: [] };
  const actor = operatorActor('cli-import');
  let batch: AppealRecord[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    await platform.bus.tx(async (sql) => {
      const classifier = await registry.active(sql);
      for (const record of current) {
        const result = await ingestAppeal(sql, actor, record, classifier, randomUUID());
        if (result.status === 'created') report.created++;
        else report.duplicates++;
      }
    });
    progress(report.created + report.duplicates + report.rejected.length);
  };
  for await (const { line, value } of records(file)) {
    if (value !== undefined && check.check(value)) batch.push(value);
    else {
      const first = value === undefined ? null : check.errors(value)[0];
      report.rejected.push({
        line,
        reason: value === undefined ? 'not JSON' : `${first?.field ?? '/'} ${first?.message ?? 'invalid'}`,
      });
    }
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return report;
}
