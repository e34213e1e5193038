import type { Job } from '../../../core/index.js';
import type { SupervisionContext } from '../supervision.settings.js';
import { deleteExpired } from './observations.repository.js';

/**
 * Keeps only what the purpose needs: observations that matched nothing are deleted once they expire (72 hours by
 * default), and dead letters, which may hold identifiers of people who matched nothing, after the same time.
 */
export function retentionJob(platform: SupervisionContext): Job {
  return {
    name: 'supervision.retention',
    everyMs: 10 * 60_000,
    run: async () => {
      await purgeExpired(platform);
    },
  };
}

export async function purgeExpired(
  platform: Pick<SupervisionContext, 'db' | 'settings'>,
  now = new Date(),
): Promise<{ observations: number; deadLetters: number }> {
  return platform.db.tx((sql) => deleteExpired(sql, now, platform.settings.retentionHours));
}
