import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Something that runs parameterised SQL: the database itself, or an open transaction. */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Db extends Sql {
  readonly kind: 'embedded' | 'postgres';
  /** Human description for the start-up line; never contains a password. */
  readonly description: string;
  tx<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DbOptions {
  databaseUrl?: string | undefined;
  /** Directory of the embedded database; `memory://` keeps it in memory (tests). */
  dataDir: string;
}

/** Throws when the database does not answer (the readiness probe). */
export async function isReachable(db: Sql): Promise<void> {
  await db.query('select 1');
}

export async function openDb(options: DbOptions): Promise<Db> {
  return options.databaseUrl ? openServerDb(options.databaseUrl) : openEmbeddedDb(options.dataDir);
}

// Bigint counts and numeric sums come back as strings from node-postgres; PGlite gives numbers. One shape for both.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number.parseFloat(value));

/** Start-up could not use the server named by DATABASE_URL: says which server, why, and what to do. */
export class DatabaseUnavailableError extends Error {
  constructor(target: URL, cause: unknown) {
    const code = (cause as { code?: string } | null)?.code;
    const where = `${target.hostname}:${target.port || '5432'}`;
    const name = decodeURIComponent(target.pathname.slice(1)) || '(the user’s default)';
    const user = decodeURIComponent(target.username) || 'postgres';
    const advice: Record<string, string> = {
      ECONNREFUSED: `nothing answers at ${where}: start PostgreSQL there, correct DATABASE_URL, or unset it to use the embedded database`,
      ENOTFOUND: `the host ${target.hostname} is unknown: correct DATABASE_URL, or unset it to use the embedded database`,
      ETIMEDOUT: `${where} does not answer: check the host, port and firewall in DATABASE_URL`,
      '3D000': `the database ${name} does not exist on ${where}: create it (createdb -h ${target.hostname} -p ${target.port || '5432'} -U ${user} ${name}) or name an existing one in DATABASE_URL`,
      '28P01': `the server at ${where} refused the password of ${user}: correct the credentials in DATABASE_URL`,
      '28000': `the server at ${where} does not let ${user} in: check DATABASE_URL and the server's pg_hba.conf`,
    };
    const reason =
      (code && advice[code]) ??
      `${(cause as Error | null)?.message ?? String(cause)} (at ${where}, database ${name})`;
    super(`Cannot use the database named by DATABASE_URL: ${reason}.`);
    this.name = 'DatabaseUnavailableError';
  }
}

async function openServerDb(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  const runner = (client: pg.Pool | pg.PoolClient): Sql => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await client.query(text, params as unknown[]);
      return result.rows as Row[];
    },
    async exec(text: string) {
      await client.query(text);
    },
  });
  const target = new URL(url);
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(target, error);
  }
  return {
    kind: 'postgres',
    description: `PostgreSQL at ${target.hostname}:${target.port || '5432'}${target.pathname}`,
    ...runner(pool),
    async tx<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(runner(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openEmbeddedDb(dataDir: string): Promise<Db> {
  const inMemory = dataDir.startsWith('memory://');
  const path = inMemory ? dataDir : resolve(dataDir, 'pglite');
  if (!inMemory) mkdirSync(path, { recursive: true });
  const lite = await PGlite.create(path);
  type LiteRunner = Pick<PGlite, 'query' | 'exec'>;
  const runner = (client: LiteRunner): Sql => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await client.query<Row>(text, params as unknown[]);
      return result.rows;
    },
    async exec(text: string) {
      await client.exec(text);
    },
  });
  return {
    kind: 'embedded',
    description: inMemory
      ? 'embedded PostgreSQL (PGlite, in memory)'
      : `embedded PostgreSQL (PGlite) in ${path}`,
    ...runner(lite),
    // PGlite has one connection and queues other queries until the transaction ends, so this is serialisable.
    tx: <T>(work: (sql: Sql) => Promise<T>) => lite.transaction((transaction) => work(runner(transaction))),
    close: () => lite.close(),
  };
}
