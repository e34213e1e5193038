import {
  inRegionScope,
  maskIin,
  maskName,
  present,
  type RegionScope,
  type Sql,
} from '../../../core/index.js';
import type {
  CloseReason,
  DangerLevel,
  EntryKind,
  EntryStatus,
  WatchlistEntry,
} from './watchlists.contract.js';

export interface EntryRow {
  id: string;
  kind: EntryKind;
  iin: string | null;
  full_name: string | null;
  birth_date: string | null;
  plate: string | null;
  warrant_basis: string;
  issuing_agency: string;
  danger_level: DangerLevel;
  region: string;
  status: EntryStatus;
  closed_reason: CloseReason | null;
  closed_through_system: boolean;
  created_at: Date;
  closed_at: Date | null;
}

export interface NewEntry {
  id: string;
  kind: EntryKind;
  iin?: string | undefined;
  fullName?: string | undefined;
  birthDate?: string | undefined;
  plate?: string | undefined;
  warrantBasis: string;
  issuingAgency: string;
  dangerLevel: DangerLevel;
  region: string;
}

const columns = `id, kind, iin, full_name, to_char(birth_date, 'YYYY-MM-DD') as birth_date, plate, warrant_basis, issuing_agency, danger_level, region, status, closed_reason, closed_through_system, created_at, closed_at`;

export async function createEntry(sql: Sql, entry: NewEntry): Promise<EntryRow> {
  const [row] = await sql.query<EntryRow>(
    `insert into watchlist_entries (id, kind, iin, full_name, birth_date, plate, warrant_basis, issuing_agency, danger_level, region)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (id) do update set iin = excluded.iin, full_name = excluded.full_name, birth_date = excluded.birth_date, plate = excluded.plate,
       warrant_basis = excluded.warrant_basis, issuing_agency = excluded.issuing_agency, danger_level = excluded.danger_level, region = excluded.region
     returning ${columns}`,
    [
      entry.id,
      entry.kind,
      entry.iin ?? null,
      entry.fullName ?? null,
      entry.birthDate ?? null,
      entry.plate ?? null,
      entry.warrantBasis,
      entry.issuingAgency,
      entry.dangerLevel,
      entry.region,
    ],
  );
  return present(row, `watchlist entry ${entry.id} as written`);
}

export async function closeEntry(
  sql: Sql,
  scope: RegionScope,
  id: string,
  reason: CloseReason,
  throughSystem: boolean,
): Promise<EntryRow | undefined> {
  const [row] = await sql.query<EntryRow>(
    `update watchlist_entries set status = 'closed', closed_reason = $2, closed_through_system = $3, closed_at = now()
     where id = $1 and status = 'active' and ${inRegionScope('region', 4)} returning ${columns}`,
    [id, reason, throughSystem, scope],
  );
  return row;
}

export async function listEntries(
  sql: Sql,
  scope: RegionScope,
  status: EntryStatus,
  limit: number,
): Promise<EntryRow[]> {
  return sql.query<EntryRow>(
    `select ${columns} from watchlist_entries where status = $1 and ${inRegionScope('region', 2)} order by created_at desc limit $3`,
    [status, scope, limit],
  );
}

/** Lists show who is wanted only as far as needed to recognise the entry: masked name and IIN. */
export const presentEntry = (row: EntryRow): WatchlistEntry => ({
  id: row.id,
  kind: row.kind,
  // A vehicle always has a plate (a check in the table).
  label:
    row.kind === 'vehicle'
      ? (row.plate ?? row.id)
      : [row.full_name ? maskName(row.full_name) : null, row.iin ? maskIin(row.iin) : null]
          .filter(Boolean)
          .join(', '),
  warrantBasis: row.warrant_basis,
  issuingAgency: row.issuing_agency,
  dangerLevel: row.danger_level,
  region: row.region,
  status: row.status,
  closedReason: row.closed_reason,
  closedThroughSystem: row.closed_through_system,
  createdAt: new Date(row.created_at).toISOString(),
  closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
});

/** The columns of a watchlist row the matching index needs. */
export type IndexedRow = Pick<
  EntryRow,
  | 'id'
  | 'kind'
  | 'iin'
  | 'full_name'
  | 'birth_date'
  | 'plate'
  | 'warrant_basis'
  | 'issuing_agency'
  | 'danger_level'
  | 'region'
  | 'status'
>;

const INDEXED = `select id, kind, iin, full_name, to_char(birth_date, 'YYYY-MM-DD') as birth_date, plate, warrant_basis, issuing_agency,
  danger_level, region, status from watchlist_entries`;

/**
 * The list's version, bumped by every statement that writes it, and the version from which the index must be built
 * afresh (a deletion). Triggers keep both (migration 0006).
 */
export async function watchlistVersion(sql: Sql): Promise<{ version: number; rebuildFrom: number }> {
  const [row] = await sql.query<{ version: string; rebuild_from: string }>(
    'select version, rebuild_from from watchlist_version',
  );
  return { version: Number(row?.version ?? 0), rebuildFrom: Number(row?.rebuild_from ?? 0) };
}

/** The entries written since a version, active or not. */
export async function entriesChangedSince(sql: Sql, version: number): Promise<IndexedRow[]> {
  return sql.query<IndexedRow>(`${INDEXED} where changed_version > $1`, [version]);
}

export async function activeEntries(sql: Sql): Promise<IndexedRow[]> {
  return sql.query<IndexedRow>(`${INDEXED} where status = 'active'`);
}
