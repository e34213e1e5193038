import { randomUUID } from 'node:crypto';
import { systemActor, type Actor } from '../auth/actor.js';
import { generatePassword, hashPassword } from '../auth/passwords.js';
import { insertUser } from '../auth/users.repository.js';
import { raiseAlert, transitionAlert } from '../alerts/alerts.service.js';
import type { AlertAction } from '../alerts/alert-lifecycle.js';
import { appendAudit } from '../audit/index.js';
import type { Platform } from '../platform.js';
import { insertAgencies } from './demo-agencies.js';
import { demoAlertInputs } from './demo-alerts.js';
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
  alertCount?: number;
  password?: string;
}

/**
 * Builds the demo world: agencies, one user of each role in several regions (one shared password, printed once),
 * webhook subscriptions, and alerts of every module in every lifecycle state. Same seed, same world.
 */
export async function seedDemoWorld(platform: Platform, options: DemoSeedOptions): Promise<DemoSeedResult> {
  const rng = new Rng(options.seed);
  const password = options.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const { db, bus } = platform;
  const users = demoUsers();
  const userIds = new Map<string, string>();
  const agencies = await db.tx(async (sql) => {
    const count = await insertAgencies(sql);
    for (const user of users) {
      const row = await insertUser(sql, { id: rng.uuid(), passwordHash, ...user });
      userIds.set(user.username, row.id);
    }
    await appendAudit(sql, { actor: systemActor, action: 'demo.seeded', outcome: 'success', details: { seed: options.seed, users: users.length, agencies: count } });
    return count;
  });

  const subscriptions = [
    { agency: 'police-KZ-79', regions: ['KZ-79'], modules: ['*'], minSeverity: 'high', url: `${options.baseUrl}/api/demo/webhook-receiver/police-KZ-79` },
    { agency: 'police-KZ-75', regions: ['KZ-75'], modules: ['*'], minSeverity: 'medium', url: `${options.baseUrl}/api/demo/webhook-receiver/police-KZ-75` },
    { agency: 'afm', regions: ['*'], modules: ['money', 'antifraud'], minSeverity: 'medium', url: `${options.baseUrl}/api/demo/webhook-receiver/afm` },
    { agency: 'edu', regions: ['*'], modules: ['appeals'], minSeverity: 'critical', url: `${options.baseUrl}/api/demo/webhook-receiver/edu` },
    // A state body whose server is down: its deliveries retry and die without holding up the others.
    { agency: 'akimat-KZ-35', regions: ['KZ-35'], modules: ['*'], minSeverity: 'low', url: 'http://127.0.0.1:9/unreachable' },
  ];
  await db.tx(async (sql) => {
    for (const sub of subscriptions) {
      await sql.query(
        `insert into webhook_subscriptions (id, agency_id, url, secret, regions, modules, min_severity, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [rng.uuid(), sub.agency, sub.url, randomToken(32), sub.regions, sub.modules, sub.minSeverity, userIds.get('admin')],
      );
    }
  });

  const inputs = demoAlertInputs(rng, options.alertCount ?? 160);
  const staff = (region: string): Actor => {
    const username = users.find((user) => user.role === 'prosecutor' && user.regions.includes(region))?.username ?? 'prosecutor';
    return { ...systemActor, type: 'user', id: userIds.get(username)!, name: username, role: 'prosecutor', regions: ['*'] };
  };
  for (const input of inputs) {
    const ageMinutes = rng.int(5, 21 * 24 * 60);
    const path = rng.weighted<AlertAction[]>([[[], 45], [['acknowledge'], 15], [['acknowledge', 'assign'], 15], [['acknowledge', 'resolve'], 12], [['acknowledge', 'false_positive'], 8], [['acknowledge', 'escalate'], 5]]);
    await bus.tx(async (sql) => {
      const { alert } = await raiseAlert(sql, systemActor, input);
      const actor = staff(input.region);
      for (const action of path) {
        await transitionAlert(sql, actor, alert.id, {
          action,
          assigneeId: action === 'assign' ? actor.id : undefined,
          note: action === 'resolve' ? 'Проверка проведена, материалы переданы в органы полиции' : action === 'false_positive' ? 'Ложное срабатывание: совпадение по однофамильцу' : action === 'escalate' ? 'Требуется решение прокурора области' : undefined,
        }, randomUUID());
      }
      // Spread over three weeks so the inbox and the map have history.
      await sql.query(`update alerts set created_at = now() - make_interval(mins => $2), updated_at = now() - make_interval(mins => $3) where id = $1`, [alert.id, ageMinutes, Math.floor(ageMinutes / 2)]);
    });
  }
  return { password, users: users.length, agencies, alerts: inputs.length, subscriptions: subscriptions.length };
}
