/** The batch interface end to end: CSV and JSONL written to a temporary directory, matchFiles timed on them. */
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvField } from '../../src/core/files/csv.js';
import { matchFiles } from '../../src/modules/supervision/matching/match-files.js';
import {
  syntheticObservations,
  syntheticWatchlist,
  type NameSource,
} from '../../src/modules/supervision/matching/synthetic/dataset.js';
import type { Settings } from './run.js';

export interface FilesBench {
  names: NameSource;
  observations: number;
  inputMb: number;
  /** All of matchFiles, and the part spent reading the watchlist and building the index. */
  seconds: number;
  indexSeconds: number;
  /** Observation lines a second after the index is built. */
  perSecond: number;
  matched: number;
  malformed: number;
}

export async function benchFiles(names: NameSource, settings: Settings): Promise<FilesBench> {
  const dir = mkdtempSync(join(tmpdir(), 'qg-supervision-bench-'));
  try {
    const watchlist = syntheticWatchlist(settings.seed, settings.persons, settings.vehicles, names);
    const rows = ['entry_id,kind,iin,full_name,birth_date,plate'];
    for (const entry of watchlist.entries) {
      rows.push(
        [
          entry.entryId,
          entry.kind,
          entry.iin ?? '',
          entry.fullName ?? '',
          entry.birthDate ?? '',
          entry.plate ?? '',
        ]
          .map(csvField)
          .join(','),
      );
    }
    const watchlistFile = join(dir, 'watchlist.csv');
    writeFileSync(watchlistFile, `${rows.join('\n')}\n`);
    const observationsFile = join(dir, 'observations.jsonl');
    const out = createWriteStream(observationsFile);
    for (const observation of syntheticObservations(watchlist, settings.seed + 1, settings.observations, {
      planted: settings.planted,
    })) {
      const { name, birthDate, iin, plate } = observation.identifiers;
      const line = JSON.stringify({
        id: observation.id,
        kind: plate ? 'vehicle' : 'person',
        identifiers: { name, birth_date: birthDate, iin, plate },
      });
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const report = await matchFiles(watchlistFile, observationsFile, join(dir, 'out.jsonl'));
    return {
      names,
      observations: report.observations,
      inputMb: statSync(observationsFile).size / 2 ** 20,
      seconds: report.seconds,
      indexSeconds: report.indexSeconds,
      perSecond: report.observations / (report.seconds - report.indexSeconds),
      matched: report.matched,
      malformed: report.malformedCount,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
