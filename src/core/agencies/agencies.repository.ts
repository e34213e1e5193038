import type { Sql } from '../db/db.js';

/** State bodies: the agencies alerts are routed to and users of the agency_liaison role belong to. */
export interface AgencyRow {
  id: string;
  kind: string;
  region: string | null;
  name_kk: string;
  name_ru: string;
  name_en: string;
}

export async function listAgencies(sql: Sql): Promise<AgencyRow[]> {
  return sql.query<AgencyRow>('select * from agencies order by id');
}

export async function agencyExists(sql: Sql, id: string): Promise<boolean> {
  return (await sql.query('select 1 from agencies where id = $1', [id])).length > 0;
}

/** Adds a state body (nothing if it is already known). */
export async function insertAgency(sql: Sql, agency: AgencyRow): Promise<void> {
  await sql.query(
    'insert into agencies (id, kind, region, name_kk, name_ru, name_en) values ($1, $2, $3, $4, $5, $6) on conflict (id) do nothing',
    [agency.id, agency.kind, agency.region, agency.name_kk, agency.name_ru, agency.name_en],
  );
}
