import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type Db } from './db.js';

/**
 * A fresh, empty database for one test file: in memory on embedded defaults, or a new database on the
 * server named by DATABASE_URL (dropped on close), so test files can run in parallel without sharing rows.
 */
export async function openTestDb(): Promise<Db & { url: string | undefined }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return Object.assign(await openDb({ dataDir: 'memory://' }), { url: undefined });
  // Named after the server database so CI can drop leftovers by prefix.
  const base = new URL(serverUrl).pathname.slice(1) || 'qg';
  const name = `${base}_t${randomBytes(5).toString('hex')}`.slice(0, 63);
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString(), dataDir: '' });
  const closeConnection = db.close.bind(db);
  return Object.assign(db, {
    url: url.toString(),
    async close() {
      await closeConnection();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  });
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
