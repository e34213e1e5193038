import { readFileSync } from 'node:fs';
import { parseCsv } from '../../../core/index.js';
import { parseBirthDate, parseIin } from './identity.js';
import type { WatchlistEntry } from './matcher.js';
import { canonicalPlate } from './plates.js';

export const watchlistColumns = ['entry_id', 'kind', 'iin', 'full_name', 'birth_date', 'plate'] as const;

export interface RecordProblem {
  /** CSV record number, the header being 1 (the line number unless a quoted field spans lines). */
  record: number;
  reason: string;
  /** False when the row was still loaded (an unreadable birth date or IIN is dropped, the rest kept). */
  skipped: boolean;
}

export interface Watchlist {
  entries: WatchlistEntry[];
  problems: RecordProblem[];
}

/**
 * Reads `entry_id,kind,iin,full_name,birth_date,plate` (columns in any order, extra columns ignored). Rows that
 * cannot be matched on anything are skipped and reported; a bad header is an error, since no row can be read.
 */
export function readWatchlist(file: string): Watchlist {
  const rows = parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  const header = (rows[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const missing = ['entry_id', 'kind'].filter((column) => !header.includes(column));
  if (missing.length > 0)
    throw new Error(
      `${file}: the header lacks ${missing.join(', ')} (expected ${watchlistColumns.join(',')})`,
    );
  const column = (name: string) => header.indexOf(name);
  const at = Object.fromEntries(watchlistColumns.map((name) => [name, column(name)])) as Record<
    (typeof watchlistColumns)[number],
    number
  >;
  const entries: WatchlistEntry[] = [];
  const problems: RecordProblem[] = [];
  const ids = new Set<string>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const cell = (index: number) => (index < 0 ? '' : (row[index] ?? '').trim());
    const record = r + 1;
    const skip = (reason: string) => problems.push({ record, reason, skipped: true });
    const entryId = cell(at.entry_id);
    const kind = cell(at.kind).toLowerCase();
    const fields = {
      iin: cell(at.iin),
      fullName: cell(at.full_name),
      birthDate: cell(at.birth_date),
      plate: cell(at.plate),
    };
    if (entryId === '') skip('entry_id is empty');
    else if (ids.has(entryId)) skip(`entry_id ${entryId} repeats an earlier row`);
    else if (kind !== 'person' && kind !== 'vehicle') skip(`kind must be person or vehicle, got "${kind}"`);
    else if (kind === 'person' && fields.fullName === '' && fields.iin === '')
      skip('a person needs full_name or iin');
    else if (kind === 'vehicle' && canonicalPlate(fields.plate) === '') skip('a vehicle needs a plate');
    else {
      if (fields.birthDate !== '' && parseBirthDate(fields.birthDate) === null) {
        problems.push({
          record,
          reason: `birth_date "${fields.birthDate}" not understood, ignored`,
          skipped: false,
        });
        fields.birthDate = '';
      }
      const iin = fields.iin === '' ? null : parseIin(fields.iin);
      const stated = parseBirthDate(fields.birthDate);
      if (iin !== null && !iin.valid) {
        const reason = `iin "${fields.iin}" fails its check digit; kept for exact comparison only`;
        problems.push({ record, reason, skipped: false });
      } else if (iin?.birthDate && stated && iin.birthDate.digits !== stated.digits) {
        const reason = `birth_date ${fields.birthDate} contradicts the date in the iin: an IIN match will not be decisive`;
        problems.push({ record, reason, skipped: false });
      }
      ids.add(entryId);
      entries.push({
        entryId,
        kind,
        ...(fields.iin !== '' ? { iin: fields.iin } : {}),
        ...(fields.fullName !== '' ? { fullName: fields.fullName } : {}),
        ...(fields.birthDate !== '' ? { birthDate: fields.birthDate } : {}),
        ...(fields.plate !== '' ? { plate: fields.plate } : {}),
      });
    }
  }
  return { entries, problems };
}
