import { randomUUID } from 'node:crypto';
import { systemActor, type Actor } from '../auth/actor.js';
import { generatePassword, hashPassword } from '../auth/passwords.js';
import { insertUser } from '../auth/users.repository.js';
import { transitionAlert } from '../alerts/alerts.service.js';
import { newAlertsForDemo } from '../alerts/alerts.repository.js';
import { insertSubscription } from '../webhooks/webhooks.repository.js';
import type { AlertAction } from '../alerts/alert-lifecycle.js';
import { appendAudit } from '../audit/index.js';
import type { RunningPlatform } from '../bootstrap.js';
import { insertAgencies } from './demo-agencies.js';
import { demoUsers } from './demo-users.js';
import { Rng } from './rng.js';
import { randomToken } from '../auth/tokens.js';

export interface DemoSeedResult {
  password: string;
  users: number;
  agencies: number;
  alerts: number;
  subscriptions: number;
}

export interface DemoSeedOptions {
  seed: number;
  /** Where this server listens, for the demo state bodies' webhook receivers. */
  baseUrl: string;
  password?: string;
}

/**
 * Builds the demo world: agencies, one user of each role in several regions (one shared password, printed once),
 * webhook subscriptions, each installed module's part (which raises its own alerts), and then people's work on those
 * alerts: some acknowledged, assigned, resolved, dismissed or escalated by their region's prosecutor. Same seed, same
 * world.
 */
export async function seedDemoWorld(
  platform: RunningPlatform,
  options: DemoSeedOptions,
): Promise<DemoSeedResult> {
  const rng = new Rng(options.seed);
  const password = options.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const { db } = platform;
  const users = demoUsers();
  const userIds = new Map<string, string>();
  const agencies = await db.tx(async (sql) => {
    const count = await insertAgencies(sql);
    for (const user of users) {
      const row = await insertUser(sql, { id: rng.uuid(), passwordHash, ...user });
      userIds.set(user.username, row.id);
    }
    await appendAudit(sql, {
      actor: systemActor,
      action: 'demo.seeded',
      outcome: 'success',
      details: { seed: options.seed, users: users.length, agencies: count },
    });
    return count;
  });

  const subscriptions = [
    {
      agency: 'police-KZ-79',
      regions: ['KZ-79'],
      modules: ['*'],
      minSeverity: 'high',
      url: `${options.baseUrl}/api/demo/webhook-receiver/police-KZ-79`,
    },
    {
      agency: 'police-KZ-75',
      regions: ['KZ-75'],
      modules: ['*'],
      minSeverity: 'medium',
      url: `${options.baseUrl}/api/demo/webhook-receiver/police-KZ-75`,
    },
    {
      agency: 'afm',
      regions: ['*'],
      modules: ['*'],
      minSeverity: 'high',
      url: `${options.baseUrl}/api/demo/webhook-receiver/afm`,
    },
    {
      agency: 'edu',
      regions: ['*'],
      modules: ['*'],
      minSeverity: 'critical',
      url: `${options.baseUrl}/api/demo/webhook-receiver/edu`,
    },
    // A state body whose server is down: its deliveries retry and die without holding up the others.
    {
      agency: 'akimat-KZ-35',
      regions: ['KZ-35'],
      modules: ['*'],
      minSeverity: 'low',
      url: 'http://127.0.0.1:9/unreachable',
    },
  ];
  await db.tx(async (sql) => {
    for (const sub of subscriptions) {
      await insertSubscription(sql, {
        id: rng.uuid(),
        agency_id: sub.agency,
        url: sub.url,
        secret: randomToken(32),
        regions: sub.regions,
        modules: sub.modules,
        min_severity: sub.minSeverity,
        topics: [],
        createdBy: userIds.get('admin') ?? null,
      });
    }
  });

  // Each module's part, from its own stream of the seed, so one module's data does not shift another's.
  for (const module of platform.modules)
    await platform.instanceOf(module.id).seedDemo?.(new Rng(options.seed + hashOf(module.id)));
  await platform.bus.flush();
  const alerts = await workDemoAlerts(platform, rng, users, userIds);
  return { password, users: users.length, agencies, alerts, subscriptions: subscriptions.length };
}

const hashOf = (text: string) =>
  Array.from(text).reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) % 1_000_003, 7);

/** People's work on the alerts the modules raised: about half stay new, the rest move along their lifecycle. */
async function workDemoAlerts(
  platform: RunningPlatform,
  rng: Rng,
  users: ReturnType<typeof demoUsers>,
  userIds: Map<string, string>,
): Promise<number> {
  const alerts = await newAlertsForDemo(platform.db);
  const staff = (region: string): Actor => {
    const username =
      users.find((user) => user.role === 'prosecutor' && user.regions.includes(region))?.username ??
      'prosecutor';
    return {
      ...systemActor,
      type: 'user',
      id: userIds.get(username) ?? systemActor.id,
      name: username,
      role: 'prosecutor',
      regions: ['*'],
    };
  };
  for (const alert of alerts) {
    const path = rng.weighted<AlertAction[]>([
      [[], 45],
      [['acknowledge'], 15],
      [['acknowledge', 'assign'], 15],
      [['acknowledge', 'resolve'], 12],
      [['acknowledge', 'false_positive'], 8],
      [['acknowledge', 'escalate'], 5],
    ]);
    if (path.length === 0) continue;
    const actor = staff(alert.region);
    await platform.bus.tx(async (sql) => {
      for (const action of path) {
        await transitionAlert(
          sql,
          actor,
          alert.id,
          {
            action,
            assigneeId: action === 'assign' ? actor.id : undefined,
            note:
              action === 'resolve'
                ? 'Проверка проведена, материалы переданы в органы полиции'
                : action === 'false_positive'
                  ? 'Ложное срабатывание: совпадение по однофамильцу'
                  : action === 'escalate'
                    ? 'Требуется решение прокурора области'
                    : undefined,
          },
          randomUUID(),
        );
      }
    });
  }
  return alerts.length;
}
