import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/db.js';
import type { AuditKeys } from './checkpoint-key.js';
import { writeCheckpoint } from './checkpoints.js';

/**
 * Signs the audit log's head at start, every interval, and at a clean stop. Each checkpoint is also written to the
 * log (no personal data: a sequence number, a hash, a signature), so a copy lives outside the database too.
 */
export function startCheckpoints(
  db: Db,
  keys: AuditKeys,
  minutes: number,
  log: FastifyBaseLogger,
): { stop(): Promise<void> } {
  const signer = keys.signer;
  if (!signer) {
    log.warn(
      'audit checkpoints are not signed (set AUDIT_SIGNING_KEY): deleting the newest audit entries would go unnoticed',
    );
    return { stop: () => Promise.resolve() };
  }
  let running: Promise<void> = Promise.resolve();
  const checkpoint = () => {
    running = running
      .then(() => writeCheckpoint(db, signer))
      .then((written) => log.info({ auditCheckpoint: written }, 'audit checkpoint'))
      .catch((error: unknown) => log.error({ err: error }, 'audit checkpoint failed'));
    return running;
  };
  void checkpoint();
  const timer = setInterval(() => void checkpoint(), minutes * 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await checkpoint();
    },
  };
}
