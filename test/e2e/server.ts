import { systemActor } from '../../src/core/auth/actor.js';
import { startPlatform } from '../../src/core/bootstrap.js';
import { loadConfig } from '../../src/core/config/config.js';
import { openTestDb } from '../../src/core/db/test-db.js';
import { seedDemoWorld } from '../../src/core/demo/seed-demo.js';
import { buildWeb, webBuildIsStale } from '../../src/core/http/static-web.js';
import { raiseAlert } from '../../src/core/alerts/alerts.service.js';
import type { AlertView, RaiseAlertInput } from '../../src/core/alerts/alerts.types.js';
import { deleteStream } from '../../src/core/events/nats.transport.js';
import { randomBytes } from 'node:crypto';
import { installedModules } from '../../src/modules/index.js';

export interface TestServer {
  url: string;
  adminPassword: string;
  createAlert(input?: Partial<RaiseAlertInput>): Promise<AlertView>;
  stop(): Promise<void>;
}

/** The real server with the built dashboard and a small demo world, on a free port and a fresh database. */
export async function startTestServer(): Promise<TestServer> {
  if (webBuildIsStale()) await buildWeb();
  const db = await openTestDb();
  const stream = `QG_E2E_${randomBytes(4).toString('hex').toUpperCase()}`;
  const config = {
    ...loadConfig({}),
    env: 'test' as const,
    demo: true,
    logLevel: 'silent' as const,
    port: 0,
    natsUrl: process.env.NATS_URL || undefined,
    natsStream: stream,
    mqttUrl: process.env.MQTT_URL || undefined,
    mqttPort: 0,
    rateLimitPerMinute: 100_000,
  };
  // Each module's settings that keep platforms sharing a broker apart; the demo world's devices stay silent.
  config.modules = Object.fromEntries(
    installedModules.map((module) => [
      module.id,
      {
        ...module.isolated?.(`e2e-${stream.toLowerCase()}`),
        ...(module.id === 'supervision' ? { demoFeedRate: 0 } : {}),
      },
    ]),
  );
  const platform = await startPlatform({ config, modules: installedModules, db });
  await platform.app.listen({ host: '127.0.0.1', port: 0 });
  const address = platform.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  const { password } = await seedDemoWorld(platform, { seed: 7, baseUrl: url });
  await platform.bus.flush();
  return {
    url,
    adminPassword: password,
    async createAlert(input = {}) {
      const { alert } = await platform.bus.tx((sql) =>
        raiseAlert(sql, systemActor, {
          module: 'appeals',
          kind: 'appeal.threat',
          severity: 'critical',
          region: 'KZ-75',
          subject: { type: 'applicant', id: `E2E-${Date.now()}`, label: 'Т***** А. Б.' },
          title: 'E2E: угроза убийством в обращении',
          summary: 'Слова «убью тебя» дали метку threat (p = 0.97).',
          evidence: { probability: 0.97 },
          ...input,
        }),
      );
      return alert;
    },
    async stop() {
      await platform.stop();
      await db.close();
      if (config.natsUrl) await deleteStream(config.natsUrl, stream);
    },
  };
}
