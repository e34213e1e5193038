import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db.js';

export interface MigrationSource {
  /** Owner of the migrations: `core` or a module id. */
  owner: string;
  dir: string;
}

const MIGRATION_LOCK = 7_246_001;

/**
 * Applies the numbered `NNNN_name.sql` files of each source in order, each in its own transaction,
 * recording them in schema_migrations. Forward-only: an applied file is never run again.
 */
export async function migrate(db: Db, sources: MigrationSource[]): Promise<string[]> {
  await db.exec(`create table if not exists schema_migrations (
    id text primary key, applied_at timestamptz not null default now())`);
  const applied: string[] = [];
  for (const source of sources) {
    if (!existsSync(source.dir)) continue;
    const files = readdirSync(source.dir)
      .filter((name) => /^\d{4}_[\w-]+\.sql$/.test(name))
      .sort();
    for (const file of files) {
      const id = `${source.owner}/${file}`;
      const ran = await db.tx(async (sql) => {
        // Two instances starting together must not apply the same file twice.
        await sql.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        const done = await sql.query('select 1 from schema_migrations where id = $1', [id]);
        if (done.length > 0) return false;
        await sql.exec(readFileSync(join(source.dir, file), 'utf8'));
        await sql.query('insert into schema_migrations (id) values ($1)', [id]);
        return true;
      });
      if (ran) applied.push(id);
    }
  }
  return applied;
}
