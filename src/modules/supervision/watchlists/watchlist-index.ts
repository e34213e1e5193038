import type { Sql } from '../../../core/index.js';
import { Matcher, type WatchlistEntry } from '../matching/matcher.js';
import type { EntryRow } from './watchlist.service.js';

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

/** The columns of a watchlist row the index needs (the service's row, narrowed). */
type IndexedRow = Pick<EntryRow, 'id' | 'kind' | 'iin' | 'full_name' | 'birth_date' | 'plate' | 'warrant_basis' | 'issuing_agency' | 'region' | 'status'> & {
  danger_level: ListedEntry['dangerLevel'];
};

const SELECT = `select id, kind, iin, full_name, to_char(birth_date, 'YYYY-MM-DD') as birth_date, plate, warrant_basis, issuing_agency,
  danger_level, region, status from watchlist_entries`;

/** Past this many retired entries, a fifth of the index or more, it is built afresh (in the background). */
const REBUILD_RETIRED = 5_000;
const REBUILD_RETIRED_SHARE = 0.2;

const listed = (row: IndexedRow): ListedEntry => ({
  id: row.id, kind: row.kind, iin: row.iin, fullName: row.full_name, birthDate: row.birth_date, plate: row.plate,
  warrantBasis: row.warrant_basis, issuingAgency: row.issuing_agency, dangerLevel: row.danger_level, region: row.region,
});

const matchable = (entry: ListedEntry): WatchlistEntry => ({
  entryId: entry.id, kind: entry.kind, ...(entry.iin ? { iin: entry.iin } : {}), ...(entry.fullName ? { fullName: entry.fullName } : {}),
  ...(entry.birthDate ? { birthDate: entry.birthDate } : {}), ...(entry.plate ? { plate: entry.plate } : {}),
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
    const [row] = await sql.query<{ version: string; rebuild_from: string }>('select version, rebuild_from from watchlist_version');
    const version = Number(row?.version ?? 0);
    if (version !== this.version && !this.rebuilding) {
      const fresh = !this.built || Number(row?.rebuild_from ?? 0) > this.version || this.worthCompacting(this.built.matcher);
      if (fresh) {
        // A failed rebuild is tried again at the next batch (the version still differs); meanwhile the previous
        // index serves, and with none yet the batch fails and is judged again.
        this.failure = undefined;
        this.rebuilding = this.rebuild(this.built ? (this.db ?? sql) : sql, version)
          .catch((error: unknown) => void (this.failure = error))
          .finally(() => (this.rebuilding = undefined));
      } else await this.applyChanges(sql, this.built!, version);
    }
    if (!this.built) await this.rebuilding;
    if (!this.built) throw this.failure instanceof Error ? this.failure : new Error('the watchlist index is not built', { cause: this.failure });
    return this.built;
  }

  private worthCompacting(matcher: Matcher): boolean {
    return matcher.retiredEntries >= REBUILD_RETIRED && matcher.retiredEntries >= REBUILD_RETIRED_SHARE * (matcher.size + matcher.retiredEntries);
  }

  private async applyChanges(sql: Sql, built: NonNullable<WatchlistIndex['built']>, version: number): Promise<void> {
    const rows = await sql.query<IndexedRow>(`${SELECT} where changed_version > $1`, [this.version]);
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
    const rows = await sql.query<IndexedRow>(`${SELECT} where status = 'active'`);
    const entries = new Map(rows.map((row) => [row.id, listed(row)]));
    const matcher = await Matcher.build([...entries.values()].map(matchable));
    this.built = { matcher, entries };
    this.version = version;
  }
}
