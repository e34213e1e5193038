import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { openDb } from './db.js';

test('an unreachable server stops start-up with a message naming DATABASE_URL and what to do', async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  await assert.rejects(
    openDb({ databaseUrl: `postgres://qg:secret@127.0.0.1:${port}/qadagalau`, dataDir: '' }),
    (error: Error) => {
      assert.match(error.message, /DATABASE_URL/);
      assert.match(error.message, new RegExp(`nothing answers at 127\\.0\\.0\\.1:${port}`));
      assert.match(error.message, /unset it to use the embedded database/);
      assert.doesNotMatch(error.message, /secret/, 'the password is never shown');
      return true;
    },
  );
});

test(
  'a database missing on a reachable server is named, with the command that creates it',
  { skip: process.env.DATABASE_URL ? false : 'needs DATABASE_URL' },
  async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = '/qg_no_such_database';
    await assert.rejects(
      openDb({ databaseUrl: url.toString(), dataDir: '' }),
      /the database qg_no_such_database does not exist on .*: create it \(createdb .* qg_no_such_database\)/,
    );
  },
);
