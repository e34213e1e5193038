import type { Sql } from '../../../core/db/db.js';
import { Matcher, type WatchlistEntry } from '../matching/matcher.js';

export interface ListedEntry {
  id: string;
  kind: 'person' | 'vehicle';
  iin: string | null;
  fullName: string | null;
  birthDate: string | null;
  plate: string | null;
  warrantBasis: string;
  issuingAgency: string;
  dangerLevel: 'low' | 'medium' | 'high';
  region: string;
}

/**
 * The active watchlist as a matcher, rebuilt only when the list changed: every change bumps `watchlist_version` in
 * its own transaction, and one cheap read of that row per batch tells whether the index is current. Once there is an
 * index, a rebuild (a second or two for 100,000 entries, in slices that leave the event loop free) runs beside the
 * pipeline, which keeps matching against the previous list meanwhile: an entry added a moment ago is matched a moment
 * later, instead of every sighting waiting.
 */
export class WatchlistIndex {
  private version = -1;
  private built: { matcher: Matcher; entries: ReadonlyMap<string, ListedEntry> } | undefined;
  private rebuilding: Promise<void> | undefined;

  async current(sql: Sql): Promise<{ matcher: Matcher; entries: ReadonlyMap<string, ListedEntry> }> {
    const [row] = await sql.query<{ version: number }>('select version from watchlist_version');
    const version = row?.version ?? 0;
    if (version !== this.version && !this.rebuilding) {
      this.rebuilding = this.rebuild(sql, version).finally(() => (this.rebuilding = undefined));
    }
    if (!this.built) await this.rebuilding;
    return this.built!;
  }

  private async rebuild(sql: Sql, version: number): Promise<void> {
    const rows = await sql.query<{ id: string; kind: 'person' | 'vehicle'; iin: string | null; full_name: string | null; birth_date: string | null; plate: string | null; warrant_basis: string; issuing_agency: string; danger_level: ListedEntry['dangerLevel']; region: string }>(
      `select id, kind, iin, full_name, to_char(birth_date, 'YYYY-MM-DD') as birth_date, plate, warrant_basis, issuing_agency, danger_level, region
       from watchlist_entries where status = 'active'`,
    );
    const entries = new Map(rows.map((entry) => [entry.id, {
      id: entry.id, kind: entry.kind, iin: entry.iin, fullName: entry.full_name, birthDate: entry.birth_date, plate: entry.plate,
      warrantBasis: entry.warrant_basis, issuingAgency: entry.issuing_agency, dangerLevel: entry.danger_level, region: entry.region,
    }]));
    // Built in slices between other work: intake and batches go on while a long list is indexed.
    const matcher = await Matcher.build([...entries.values()].map((entry): WatchlistEntry => ({
      entryId: entry.id, kind: entry.kind, ...(entry.iin ? { iin: entry.iin } : {}), ...(entry.fullName ? { fullName: entry.fullName } : {}),
      ...(entry.birthDate ? { birthDate: entry.birthDate } : {}), ...(entry.plate ? { plate: entry.plate } : {}),
    })));
    this.built = { matcher, entries };
    this.version = version;
  }
}
