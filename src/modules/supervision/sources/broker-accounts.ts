import { hashDeviceSecret, type Sql } from '../../../core/index.js';
import { sourceLogins } from './sources.repository.js';

export interface BrokerAccounts {
  /** Mosquitto's password_file: `user:$7$…` lines. */
  passwords: string;
  /** Mosquitto's acl_file. */
  acl: string;
  sources: number;
  intakeUser: string | null;
}

/** The intake's login on the external broker, taken from MQTT_URL (mqtt://user:password@host). */
export function intakeLogin(mqttUrl: string | undefined): { username: string; password: string } | null {
  if (!mqttUrl) return null;
  const url = new URL(mqttUrl);
  return url.username && url.password
    ? { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) }
    : null;
}

/**
 * The source registry as an external Mosquitto's password_file and acl_file: each active source with a device password
 * logs in as its id and may write only to its own topic (one `pattern` line, %u being the user name); the platform's
 * intake may read the feeds. Device passwords are stored in Mosquitto's own format, so no secret leaves the platform.
 * A source taken out of service or given a new password needs the files written again (and the broker told to reload).
 */
export async function brokerAccounts(
  sql: Sql,
  options: { topicPrefix: string; intake: { username: string; password: string } | null; now?: Date },
): Promise<BrokerAccounts> {
  const sources = await sourceLogins(sql);
  const lines = sources.map((source) => `${source.id}:${source.credential_hash}`);
  if (options.intake)
    lines.push(`${options.intake.username}:${await hashDeviceSecret(options.intake.password)}`);
  const stamp = `# Written by qadagalau supervision broker-accounts on ${(options.now ?? new Date()).toISOString()}: ${String(sources.length)} sources.`;
  const acl = [
    stamp,
    '# Each source writes to its own topic only; no source reads the feeds.',
    `pattern write ${options.topicPrefix}/%u`,
    ...(options.intake
      ? [
          '',
          '# The platform’s intake reads every feed (also through $share subscriptions).',
          `user ${options.intake.username}`,
          `topic read ${options.topicPrefix}/+`,
        ]
      : []),
    '',
  ].join('\n');
  return {
    passwords: `${lines.join('\n')}\n`,
    acl,
    sources: sources.length,
    intakeUser: options.intake?.username ?? null,
  };
}
