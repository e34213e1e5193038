/**
 * The platform's feed intake in a process the crash test kills with SIGKILL while observations stream in, then runs
 * again to take the rest. Prints "stored <n>" as observations land, and on "drain" the final counts as JSON.
 */
import { hashDeviceSecret, loadConfig } from '../../../core/index.js';
import { startPlatform } from '../../../core/testing/index.js';
import { supervisionModule } from '../module.js';

const [mode = 'consume', expectedArg = '400'] = process.argv.slice(2);
const expected = Number(expectedArg);
const loaded = loadConfig(process.env, {}, [supervisionModule]);
const config = {
  ...loaded,
  env: 'test' as const,
  demo: false,
  logLevel: 'silent' as const,
  port: 0,
  modules: {
    supervision: {
      ...loaded.modules['supervision'],
      clientId: process.env.CRASH_CLIENT_ID ?? 'qg-crash-intake',
      cleanSession: false,
    },
  },
};
const platform = await startPlatform({ config, modules: [supervisionModule], serveDashboard: false });
await platform.db.query(
  `insert into agencies (id, kind, name_kk, name_ru, name_en) values ('crash-police', 'police', 'Полиция', 'Полиция', 'Police') on conflict do nothing`,
);
await platform.db.query(
  `insert into supervision_sources (id, kind, name, agency_id, region, credential_hash) values ('crash-cam', 'camera', 'crash test camera', 'crash-police', 'KZ-75', $1)
   on conflict (id) do update set credential_hash = excluded.credential_hash`,
  [await hashDeviceSecret(process.env.CRASH_CAMERA_PASSWORD ?? '')],
);
process.stdout.write('ready\n');

const count = async () =>
  (
    await platform.db.query<{ n: number; distinct: number }>(
      `select count(*)::int as n, count(distinct external_id)::int as distinct from observations where source_id = 'crash-cam'`,
    )
  )[0]!;
if (mode === 'consume') {
  let last = -1;
  setInterval(() => {
    void count().then(({ n }) => {
      if (n !== last) process.stdout.write(`stored ${String(n)}\n`);
      last = n;
    });
  }, 20);
} else {
  const deadline = Date.now() + 60_000;
  let counts = await count();
  while (counts.n < expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    counts = await count();
  }
  process.stdout.write(`${JSON.stringify(counts)}\n`);
  await platform.stop();
  process.exit(0);
}
