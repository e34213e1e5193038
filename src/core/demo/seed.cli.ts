import type { Command } from 'commander';
import type { RunningPlatform } from '../bootstrap.js';
import { countUsers } from '../auth/users.repository.js';
import { seedDemoWorld } from './seed-demo.js';

export function seedCommand(program: Command, open: () => Promise<RunningPlatform>): void {
  program
    .command('seed')
    .description('Load the demo world into an empty database')
    .requiredOption('--demo', 'the deterministic demo world (the only data set so far)')
    .option('--seed <n>', 'random seed: the same seed builds the same world', (value) =>
      Number.parseInt(value, 10),
    )
    .action(async (options: { seed?: number }) => {
      const platform = await open();
      try {
        if (platform.config.env === 'production')
          throw new Error('refusing to load demo data with NODE_ENV=production');
        if ((await countUsers(platform.db)) > 0)
          throw new Error('the database already has users; seed an empty database');
        const seed = options.seed ?? platform.config.demoSeed;
        const result = await seedDemoWorld(platform, {
          seed,
          baseUrl: `http://127.0.0.1:${platform.config.port}`,
        });
        console.log(
          `demo world (seed ${seed}): ${result.users} users, ${result.agencies} agencies, ${result.subscriptions} webhook subscriptions, ${result.alerts} alerts`,
        );
        console.log(`demo sign-in: admin / ${result.password} (shared by every demo user; shown only now)`);
        await platform.bus.flush();
      } finally {
        await platform.stop();
      }
    });
}
