import { startPlatform, type RunningPlatform } from './core/bootstrap.js';
import { countUsers } from './core/auth/users.repository.js';
import type { Config } from './core/config/config.js';
import { seedDemoWorld } from './core/demo/seed-demo.js';
import { buildWeb, webBuildIsStale } from './core/http/static-web.js';
import { installedModules } from './modules/index.js';
import { writeCheckpoint } from './core/audit/checkpoints.js';

export interface ServeResult {
  platform: RunningPlatform;
  url: string;
  demoPassword: string | null;
}

/** Composition root: config → dashboard build → storage, bus, modules → demo world on first start → listen. */
export async function serve(
  config: Config,
  options: { buildDashboard?: boolean; quiet?: boolean } = {},
): Promise<ServeResult> {
  const say = (line: string) => {
    if (!options.quiet) console.log(line);
  };
  if (options.buildDashboard !== false && webBuildIsStale()) {
    say('Building the dashboard (first start, or its sources changed)…');
    await buildWeb();
  }
  const platform = await startPlatform({ config, modules: installedModules });
  await platform.app.listen({ host: config.host, port: config.port });
  const address = platform.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${port}`;
  // The demo world's state bodies are this server's own receiver, on loopback: let its webhooks reach it.
  if (config.demo && config.env !== 'production') platform.destinations.allow(`127.0.0.1:${port}`);

  let demoPassword: string | null = null;
  if (config.demo && config.env !== 'production' && (await countUsers(platform.db)) === 0) {
    say('Empty database: building the demo world…');
    const seeded = await seedDemoWorld(platform, {
      seed: config.demoSeed,
      baseUrl: `http://127.0.0.1:${port}`,
    });
    demoPassword = seeded.password;
    // Sign the head now: the demo world's thousand entries are then covered from the first minute.
    if (platform.auditKeys.signer) await writeCheckpoint(platform.db, platform.auditKeys.signer);
  }

  say(`Qadagalau is listening on ${url}`);
  say(`  database: ${platform.db.description}`);
  say(`  events:   ${platform.bus.description}`);
  const devices = platform.openedDevices();
  if (devices)
    say(
      `  devices:  ${devices.embedded ? `embedded MQTT broker at ${devices.url} (set MQTT_URL for an external one)` : `MQTT broker at ${new URL(devices.url).host}`}`,
    );
  say(`  modules:  ${platform.modules.map((module) => module.id).join(', ') || '(core only)'}`);
  const signer = platform.auditKeys.signer;
  say(
    `  audit:    ${signer ? `checkpoints signed with key ${signer.keyId} (public key for auditors: ${signer.publicKey})` : 'checkpoints NOT signed: set AUDIT_SIGNING_KEY'}`,
  );
  say(
    `  dashboard: ${platform.webServed ? url : 'not built (npm run build:web)'}   API docs: ${url}/api/docs`,
  );
  if (demoPassword) {
    say(
      `  demo sign-in: admin / ${demoPassword}  (every demo user — prosecutor, analyst.almaty, duty.astana, liaison.shymkent, auditor… — has this password; it is shown only now)`,
    );
  } else if (config.demo) {
    say(
      '  demo sign-in: admin (password shown at first start; `npx qadagalau users reset-password admin` sets a new one)',
    );
  }
  return { platform, url, demoPassword };
}
