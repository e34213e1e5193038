import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Matcher, type Identifiers } from './matcher.js';
import { readWatchlist, type RecordProblem } from './watchlist-file.js';

export interface MatchFilesOptions {
  /** ALERT_THRESHOLD by default. */
  threshold?: number;
}

export interface LineProblem {
  line: number;
  reason: string;
}

export interface MatchFilesReport {
  entries: number;
  /** Reading the watchlist and building the index. */
  indexSeconds: number;
  watchlistProblems: RecordProblem[];
  /** Valid observations, each given an output line. */
  observations: number;
  /** Observations with at least one match. */
  matched: number;
  /** Skipped observation lines (the first 1,000; malformedCount has them all). */
  malformed: LineProblem[];
  malformedCount: number;
  seconds: number;
}

const identifierFields = { name: 'name', birth_date: 'birthDate', iin: 'iin', plate: 'plate' } as const;
const MAX_REPORTED = 1000;

type Parsed = { ok: true; id: string | number; identifiers: Identifiers } | { ok: false; reason: string };

/** One JSONL line checked against `{"id", "kind", "identifiers": {"name"?, "birth_date"?, "iin"?, "plate"?}}`. */
export function parseObservationLine(line: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'not a JSON object' };
  const record = value as Record<string, unknown>;
  const id = record.id;
  if (!((typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id)))) {
    return { ok: false, reason: 'id must be a non-empty string or a number' };
  }
  if (record.kind !== undefined && typeof record.kind !== 'string')
    return { ok: false, reason: 'kind must be a string' };
  const raw = record.identifiers;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, reason: 'identifiers must be an object' };
  const identifiers: Identifiers = {};
  for (const [field, key] of Object.entries(identifierFields)) {
    const given = (raw as Record<string, unknown>)[field];
    if (given === undefined || given === null) continue;
    if (typeof given !== 'string') return { ok: false, reason: `identifiers.${field} must be a string` };
    if (given.trim() !== '') identifiers[key] = given;
  }
  return { ok: true, id, identifiers };
}

/**
 * The batch interface: matches every observation of a JSONL file against a watchlist CSV and writes one line per
 * valid observation, `{"id", "matches": [{"entry_id", "score", "reasons"}]}`, matches at or above the threshold,
 * best first. Malformed lines are skipped and reported with their line numbers, never thrown; the observations are
 * streamed, so files of millions of lines run in constant memory beyond the watchlist index.
 */
export async function matchFiles(
  watchlistCsv: string,
  observationsJsonl: string,
  outputJsonl: string,
  options: MatchFilesOptions = {},
): Promise<MatchFilesReport> {
  const started = performance.now();
  const watchlist = readWatchlist(watchlistCsv);
  const matcher = new Matcher(watchlist.entries, options);
  const report: MatchFilesReport = {
    entries: matcher.size,
    indexSeconds: (performance.now() - started) / 1000,
    watchlistProblems: watchlist.problems,
    observations: 0,
    matched: 0,
    malformed: [],
    malformedCount: 0,
    seconds: 0,
  };
  const input = createReadStream(observationsJsonl, { encoding: 'utf8' });
  const output = createWriteStream(outputJsonl);
  const failed = new Promise<never>((_, reject) => {
    input.once('error', reject);
    output.once('error', reject);
  });
  failed.catch(() => undefined);
  let buffer = '';
  const flush = async () => {
    if (buffer === '') return;
    const ok = output.write(buffer);
    buffer = '';
    if (!ok) await Promise.race([once(output, 'drain'), failed]);
  };
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    const parsed = parseObservationLine(lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line);
    if (!parsed.ok) {
      if (report.malformed.length < MAX_REPORTED)
        report.malformed.push({ line: lineNumber, reason: parsed.reason });
      report.malformedCount++;
      continue;
    }
    const matches = matcher.match(parsed.identifiers).map((match) => ({
      entry_id: match.entryId,
      score: Math.round(match.score * 1000) / 1000,
      reasons: match.reasons,
    }));
    report.observations++;
    if (matches.length > 0) report.matched++;
    buffer += `${JSON.stringify({ id: parsed.id, matches })}\n`;
    if (buffer.length > 65_536) await flush();
  }
  await flush();
  output.end();
  await Promise.race([once(output, 'finish'), failed]);
  report.seconds = (performance.now() - started) / 1000;
  return report;
}
