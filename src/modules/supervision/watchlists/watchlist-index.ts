import type { Sql } from '../../../core/index.js';
import { Matcher, type WatchlistEntry } from '../matching/matcher.js';
import type { DangerLevel, EntryKind } from './watchlists.contract.js';
import {
  activeEntries,
  entriesChangedSince,
  watchlistVersion,
  type IndexedRow,
} from './watchlists.repository.js';

export interface ListedEntry {
  id: string;
  kind: EntryKind;
  iin: string | null;
  fullName: string | null;
  birthDate: string | null;
  plate: string | null;
  warrantBasis: string;
  issuingAgency: string;
  dangerLevel: DangerLevel;
  region: string;
}

/** Past this many retired entries, a fifth of the index or more, it is built afresh (in the background). */
const REBUILD_RETIRED = 5_000;
const REBUILD_RETIRED_SHARE = 0.2;

const listed = (row: IndexedRow): ListedEntry => ({
  id: row.id,
  kind: row.kind,
  iin: row.iin,
  fullName: row.full_name,
  birthDate: row.birth_date,
  plate: row.plate,
  warrantBasis: row.warrant_basis,
  issuingAgency: row.issuing_agency,
  dangerLevel: row.danger_level,
  region: row.region,
});

const matchable = (entry: ListedEntry): WatchlistEntry => ({
  entryId: entry.id,
  kind: entry.kind,
  ...(entry.iin ? { iin: entry.iin } : {}),
  ...(entry.fullName ? { fullName: entry.fullName } : {}),
  ...(entry.birthDate ? { birthDate: entry.birthDate } : {}),
  ...(entry.plate ? { plate: entry.plate } : {}),
});

/**
 * The active watchlist as a matcher, kept current cheaply: every write to the list bumps `watchlist_version` and
 * stamps the rows it wrote with it (triggers, migration 0006), and one read of that row per batch tells whether the
 * index is behind. If it is, only the entries stamped since are read and applied in place (a warrant added or closed
 * costs well under a millisecond, not the second or two of indexing 100,000 entries). The index is built afresh, in slices that
 * leave the event loop free and beside the pipeline, which keeps matching against the previous list meanwhile, only
 * at start, after a deletion, or once thousands of retired entries make a fifth of it.
 */
export class WatchlistIndex {
  private version = -1;
  private built: { matcher: Matcher; entries: Map<string, ListedEntry> } | undefined;
  private rebuilding: Promise<void> | undefined;
  private failure: unknown;

  /** `db` serves background rebuilds, which must not hold up the batch transaction that noticed the change. */
  constructor(private readonly db?: Sql) {}

  async current(sql: Sql): Promise<{ matcher: Matcher; entries: ReadonlyMap<string, ListedEntry> }> {
    const { version, rebuildFrom } = await watchlistVersion(sql);
    if (version !== this.version && !this.rebuilding) {
      const built = this.built;
      if (!built || rebuildFrom > this.version || this.worthCompacting(built.matcher)) {
        // A failed rebuild is tried again at the next batch (the version still differs); meanwhile the previous
        // index serves, and with none yet the batch fails and is judged again.
        this.failure = undefined;
        this.rebuilding = this.rebuild(built ? (this.db ?? sql) : sql, version)
          .catch((error: unknown) => void (this.failure = error))
          .finally(() => (this.rebuilding = undefined));
      } else await this.applyChanges(sql, built, version);
    }
    if (!this.built) await this.rebuilding;
    if (!this.built)
      throw this.failure instanceof Error
        ? this.failure
        : new Error('the watchlist index is not built', { cause: this.failure });
    return this.built;
  }

  private worthCompacting(matcher: Matcher): boolean {
    return (
      matcher.retiredEntries >= REBUILD_RETIRED &&
      matcher.retiredEntries >= REBUILD_RETIRED_SHARE * (matcher.size + matcher.retiredEntries)
    );
  }

  private async applyChanges(
    sql: Sql,
    built: NonNullable<WatchlistIndex['built']>,
    version: number,
  ): Promise<void> {
    const rows = await entriesChangedSince(sql, this.version);
    const changed: ListedEntry[] = [];
    const withdrawn: string[] = [];
    for (const row of rows) {
      if (row.status === 'active') changed.push(listed(row));
      else withdrawn.push(row.id);
    }
    built.matcher.update(changed.map(matchable), withdrawn);
    for (const id of withdrawn) built.entries.delete(id);
    for (const entry of changed) built.entries.set(entry.id, entry);
    this.version = version;
  }

  private async rebuild(sql: Sql, version: number): Promise<void> {
    const rows = await activeEntries(sql);
    const entries = new Map(rows.map((row) => [row.id, listed(row)]));
    const matcher = await Matcher.build([...entries.values()].map(matchable));
    this.built = { matcher, entries };
    this.version = version;
  }
}
