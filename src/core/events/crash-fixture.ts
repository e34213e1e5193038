/**
 * A process the crash test kills with SIGKILL while it commits events, then runs again to drain.
 * produce: commits N items, each with an event, printing "committed <n>" after each commit.
 * drain: relays and handles whatever is left, then prints the counts as JSON.
 */
import { openDb } from '../db/db.js';
import { migrate } from '../db/migrate.js';
import { coreMigrations } from '../bootstrap.js';
import { defineHandler, emitEvent, openEventBus } from './index.js';

declare module './events.types.js' {
  interface DomainEvents {
    'crashtest.itemCreated': { n: number };
  }
}

const [mode = 'produce', totalArg = '200'] = process.argv.slice(2);
const total = Number(totalArg);
const db = await openDb({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATA_DIR ?? 'memory://',
});
await migrate(db, [coreMigrations]);
await db.exec(`create table if not exists crash_items (n int primary key);
  create table if not exists crash_effects (event_id uuid not null, n int not null)`);
const bus = await openEventBus({
  db,
  natsUrl: process.env.NATS_URL || undefined,
  natsStream: process.env.NATS_STREAM ?? 'QG_CRASH',
  ackWaitMs: 1000,
  pollMs: 20,
  onError: () => undefined,
});
bus.register(
  defineHandler({
    name: 'crash-counter',
    types: ['crashtest.itemCreated'],
    // No unique key on purpose: only the processed_events claim stands between a redelivery and a double count.
    handle: async (event, sql) => {
      await sql.query('insert into crash_effects (event_id, n) values ($1, $2)', [event.id, event.payload.n]);
    },
  }),
);
const [atRestart] = await db.query<{ unpublished: number; unhandled: number }>(
  `select (select count(*) from outbox where published_at is null)::int as unpublished,
          ((select count(*) from crash_items) - (select count(*) from crash_effects))::int as unhandled`,
);
await bus.start();

if (mode === 'produce') {
  for (let n = 1; n <= total; n++) {
    await bus.tx(async (sql) => {
      await sql.query('insert into crash_items (n) values ($1)', [n]);
      await emitEvent(sql, 'crashtest.itemCreated', { n });
    });
    process.stdout.write(`committed ${n}\n`);
  }
  process.stdout.write('produced all\n');
  setInterval(() => undefined, 1000);
} else {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await bus.flush();
    const [counts] = await db.query<{
      items: number;
      unpublished: number;
      effects: number;
      distinct_effects: number;
    }>(
      `select (select count(*) from crash_items)::int as items,
              (select count(*) from outbox where published_at is null)::int as unpublished,
              (select count(*) from crash_effects)::int as effects,
              (select count(distinct event_id) from crash_effects)::int as distinct_effects`,
    );
    if ((counts && counts.unpublished === 0 && counts.effects >= counts.items) || Date.now() > deadline) {
      // Let redeliveries that are still in flight arrive, so a duplicate would show up in the count.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const [final] = await db.query(
        `select (select count(*) from crash_items)::int as items,
                (select count(*) from outbox where published_at is null)::int as unpublished,
                (select count(*) from crash_effects)::int as effects,
                (select count(distinct event_id) from crash_effects)::int as distinct_effects,
                (select count(distinct n) from crash_effects)::int as distinct_items`,
      );
      process.stdout.write(`${JSON.stringify({ ...final, atRestart })}\n`);
      await bus.close();
      await db.close();
      process.exit(0);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
