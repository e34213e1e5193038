import type { Sql } from '../db/db.js';
import { present } from '../lang/present.js';

export interface ApiKeyRow {
  id: string;
  name: string;
  client: string;
  prefix: string;
  secret_hash: string;
  permissions: string[];
  regions: string[];
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export const presentApiKey = (row: ApiKeyRow) => ({
  id: row.id,
  name: row.name,
  client: row.client,
  prefix: row.prefix,
  permissions: row.permissions,
  regions: row.regions,
  createdAt: new Date(row.created_at).toISOString(),
  lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null,
  revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
});

export async function findActiveApiKey(sql: Sql, prefix: string): Promise<ApiKeyRow | undefined> {
  const [row] = await sql.query<ApiKeyRow>(
    'select * from api_keys where prefix = $1 and revoked_at is null',
    [prefix],
  );
  return row;
}

export async function touchApiKey(sql: Sql, id: string): Promise<void> {
  // At most once a minute per key, so a busy connector does not turn every read into a write.
  await sql.query(
    `update api_keys set last_used_at = now() where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
    [id],
  );
}

export async function listApiKeys(sql: Sql): Promise<ApiKeyRow[]> {
  return sql.query<ApiKeyRow>('select * from api_keys order by created_at desc');
}

export async function insertApiKey(
  sql: Sql,
  key: Omit<ApiKeyRow, 'created_at' | 'last_used_at' | 'revoked_at'>,
): Promise<ApiKeyRow> {
  const [row] = await sql.query<ApiKeyRow>(
    `insert into api_keys (id, name, client, prefix, secret_hash, permissions, regions, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning *`,
    [key.id, key.name, key.client, key.prefix, key.secret_hash, key.permissions, key.regions, key.created_by],
  );
  return present(row, 'the inserted API key');
}

export async function revokeApiKey(sql: Sql, id: string): Promise<ApiKeyRow | undefined> {
  const [row] = await sql.query<ApiKeyRow>(
    'update api_keys set revoked_at = coalesce(revoked_at, now()) where id = $1 returning *',
    [id],
  );
  return row;
}
