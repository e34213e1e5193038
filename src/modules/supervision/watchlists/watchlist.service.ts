import { maskIin, maskName, type RegionScope, type Sql } from '../../../core/index.js';

export const outcomes = ['detained', 'not_found', 'false_match'] as const;
export type Outcome = (typeof outcomes)[number];

export interface EntryRow {
  id: string;
  kind: 'person' | 'vehicle';
  iin: string | null;
  full_name: string | null;
  birth_date: string | null;
  plate: string | null;
  warrant_basis: string;
  issuing_agency: string;
  danger_level: string;
  region: string;
  status: 'active' | 'closed';
  closed_reason: string | null;
  closed_through_system: boolean;
  created_at: Date;
  closed_at: Date | null;
}

export interface NewEntry {
  id: string;
  kind: 'person' | 'vehicle';
  iin?: string | undefined;
  fullName?: string | undefined;
  birthDate?: string | undefined;
  plate?: string | undefined;
  warrantBasis: string;
  issuingAgency: string;
  dangerLevel: 'low' | 'medium' | 'high';
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
    [entry.id, entry.kind, entry.iin ?? null, entry.fullName ?? null, entry.birthDate ?? null, entry.plate ?? null, entry.warrantBasis, entry.issuingAgency, entry.dangerLevel, entry.region],
  );
  return row!;
}

export async function closeEntry(sql: Sql, scope: RegionScope, id: string, reason: 'detained' | 'cancelled' | 'found_elsewhere', throughSystem: boolean): Promise<EntryRow | undefined> {
  const [row] = await sql.query<EntryRow>(
    `update watchlist_entries set status = 'closed', closed_reason = $2, closed_through_system = $3, closed_at = now()
     where id = $1 and status = 'active' and ($4::text[] is null or region = any($4)) returning ${columns}`,
    [id, reason, throughSystem, scope],
  );
  return row;
}

export async function listEntries(sql: Sql, scope: RegionScope, status: 'active' | 'closed', limit: number): Promise<EntryRow[]> {
  return sql.query<EntryRow>(
    `select ${columns} from watchlist_entries where status = $1 and ($2::text[] is null or region = any($2)) order by created_at desc limit $3`,
    [status, scope, limit],
  );
}

/** Lists show who is wanted only as far as needed to recognise the entry: masked name and IIN. */
export const presentEntry = (row: EntryRow) => ({
  id: row.id,
  kind: row.kind,
  label: row.kind === 'vehicle' ? row.plate : [row.full_name ? maskName(row.full_name) : null, row.iin ? maskIin(row.iin) : null].filter(Boolean).join(', '),
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

/**
 * The duty officer's finding on an alert, written to every hit behind it. A detention closes the watchlist entry as
 * closed through the system; a false match counts against the source that reported it.
 */
export async function recordOutcome(sql: Sql, scope: RegionScope, alertId: string, outcome: Outcome, note: string | null, by: string) {
  const hits = await sql.query<{ id: string; rule: string; subject_id: string; region: string }>(
    `update supervision_hits set outcome = $2, outcome_note = $3, outcome_at = now(), outcome_by = $4
     where alert_id = $1 and ($5::text[] is null or region = any($5)) returning id, rule, subject_id, region`,
    [alertId, outcome, note, by, scope],
  );
  if (hits.length === 0) return undefined;
  const first = hits[0]!;
  let closedEntry: string | null = null;
  if (outcome === 'detained' && first.rule.startsWith('watchlist_')) closedEntry = (await closeEntry(sql, null, first.subject_id, 'detained', true))?.id ?? null;
  return { alertId, outcome, hits: hits.length, region: first.region, closedEntry };
}
