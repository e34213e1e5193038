import { Command, Option } from 'commander';
import { ConfigError, describeSettings, loadConfig, type Config } from './core/config/config.js';
import { serve } from './main.js';
import { installedModules } from './modules/index.js';
import { startPlatform, type RunningPlatform } from './core/bootstrap.js';
import { userCommands } from './core/auth/users.cli.js';
import { apiKeyCommands } from './core/auth/api-keys.cli.js';
import { auditCommands } from './core/audit/audit.cli.js';
import { seedCommand } from './core/demo/seed.cli.js';
import { migrate } from './core/db/migrate.js';
import { openDb } from './core/db/db.js';
import { migrationSources } from './core/bootstrap.js';

function config(overrides: Partial<Config> = {}): Config {
  try {
    return loadConfig(process.env, overrides, installedModules);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/** Starts storage, bus and modules without listening, and without the server's background work, for commands that change data. */
async function open(): Promise<RunningPlatform> {
  return startPlatform({
    config: { ...config(), logLevel: 'warn' },
    modules: installedModules,
    serveDashboard: false,
    background: false,
  });
}

const program = new Command('qadagalau')
  .description('Qadagalau: digital supervision platform for a prosecutor’s office')
  .version('0.1.0')
  // Options after a subcommand belong to it (`forecast evaluate --input …` as well as `forecast --input …`).
  .enablePositionalOptions()
  .addHelpText(
    'after',
    `\nConfiguration (environment variables, or a JSON file named by QADAGALAU_CONFIG):\n${describeSettings(
      installedModules,
    )
      .map(
        (s) =>
          `  ${s.variable.padEnd(28)} ${s.owner === 'core' ? '' : `[${s.owner}] `}${s.description} [${s.default}]`,
      )
      .join('\n')}`,
  );

program
  .command('serve')
  .description(
    'Run the API and dashboard (seeds the demo world on first start unless --no-demo or production)',
  )
  .option('--no-demo', 'never seed the demo world')
  .addOption(new Option('--port <port>', 'HTTP port').argParser(Number))
  .action(async (options: { demo: boolean; port?: number }) => {
    const overrides: Partial<Config> = {};
    if (!options.demo) overrides.demo = false;
    if (options.port !== undefined) overrides.port = options.port;
    const { platform } = await serve(config(overrides));
    const stop = async (signal: string) => {
      console.log(`${signal}: shutting down`);
      await platform.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });

program
  .command('migrate')
  .description('Apply pending database migrations and exit')
  .action(async () => {
    const settings = config();
    const db = await openDb({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
    const applied = await migrate(db, migrationSources(installedModules));
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    await db.close();
  });

seedCommand(program, open);
userCommands(program, open);
apiKeyCommands(program, open);
auditCommands(program, open);
for (const module of installedModules) {
  module.cli?.(program, async () => {
    const platform = await open();
    return {
      platform: platform.contextOf(module.id),
      module: platform.instanceOf(module.id),
      stop: () => platform.stop(),
    };
  });
}

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
