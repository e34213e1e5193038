import type { Sql } from '../db/db.js';
import type { Locale } from '../i18n/i18n.js';
import type { RegionScope } from './actor.js';
import type { User } from './auth.contract.js';
import { sessionCache } from './session-cache.js';
import { present } from '../lang/present.js';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  regions: string[];
  locale: Locale;
  agency_id: string | null;
  password_hash: string;
  disabled: boolean;
  created_at: Date;
}

export type { User } from './auth.contract.js';

export const presentUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  regions: row.regions,
  locale: row.locale,
  agencyId: row.agency_id,
  disabled: row.disabled,
  createdAt: new Date(row.created_at).toISOString(),
});

export async function findUserByUsername(sql: Sql, username: string): Promise<UserRow | undefined> {
  const [row] = await sql.query<UserRow>('select * from users where lower(username) = lower($1)', [username]);
  return row;
}

export async function findUserById(sql: Sql, id: string): Promise<UserRow | undefined> {
  const [row] = await sql.query<UserRow>('select * from users where id = $1', [id]);
  return row;
}

export async function listUsers(sql: Sql): Promise<UserRow[]> {
  return sql.query<UserRow>('select * from users order by role, username');
}

/**
 * Active people who can take an alert in a region: national users, or users whose scope includes it. A caller of
 * regional scope sees only colleagues who share one of its regions.
 */
export async function listAssignable(
  sql: Sql,
  scope: RegionScope,
  region: string | null,
  roles: readonly string[],
): Promise<UserRow[]> {
  return sql.query<UserRow>(
    `select * from users where not disabled and role = any($3::text[])
       and ($1::text is null or '*' = any(regions) or $1 = any(regions))
       and ($2::text[] is null or '*' = any(regions) or regions && $2::text[]) order by display_name`,
    [region, scope, roles],
  );
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  regions: string[];
  locale: Locale;
  agencyId: string | null;
  passwordHash: string;
}

export async function insertUser(sql: Sql, user: NewUser): Promise<UserRow> {
  const [row] = await sql.query<UserRow>(
    `insert into users (id, username, display_name, role, regions, locale, agency_id, password_hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning *`,
    [
      user.id,
      user.username,
      user.displayName,
      user.role,
      user.regions,
      user.locale,
      user.agencyId,
      user.passwordHash,
    ],
  );
  return present(row, 'the inserted user');
}

export async function updateUser(
  sql: Sql,
  id: string,
  changes: {
    displayName?: string | undefined;
    role?: string | undefined;
    regions?: string[] | undefined;
    disabled?: boolean | undefined;
    locale?: Locale | undefined;
  },
): Promise<UserRow | undefined> {
  sessionCache.evictUser(id);
  const [row] = await sql.query<UserRow>(
    `update users set display_name = coalesce($2, display_name), role = coalesce($3, role),
       regions = coalesce($4, regions), disabled = coalesce($5, disabled), locale = coalesce($6, locale)
     where id = $1 returning *`,
    [
      id,
      changes.displayName ?? null,
      changes.role ?? null,
      changes.regions ?? null,
      changes.disabled ?? null,
      changes.locale ?? null,
    ],
  );
  return row;
}

export async function setPasswordHash(sql: Sql, id: string, passwordHash: string): Promise<void> {
  sessionCache.evictUser(id);
  await sql.query('update users set password_hash = $2, password_changed_at = now() where id = $1', [
    id,
    passwordHash,
  ]);
  await sql.query('delete from sessions where user_id = $1', [id]);
}

export async function countUsers(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ count: number }>('select count(*)::int as count from users');
  return Number(row?.count ?? 0);
}

/** Display names of these users, for records that name who did something. */
export async function displayNames(sql: Sql, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<{ id: string; display_name: string }>(
    'select id, display_name from users where id = any($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row.display_name]));
}
