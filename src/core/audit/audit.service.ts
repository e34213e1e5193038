import type { Db } from '../db/db.js';
import { checkChain, type ChainProblem } from './audit-chain.js';
import { auditHashIndex, readAuditPage } from './audit.repository.js';
import type { AuditRow } from './audit.types.js';
import type { CheckpointVerifier } from './checkpoint-key.js';
import { checkCheckpoints, type CheckpointCoverage, type CheckpointProblem } from './checkpoints.js';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  head: { seq: number; hash: string } | null;
  problems: (ChainProblem | CheckpointProblem)[];
  /** The signed checkpoints, and how many entries after the newest of them no signature covers yet. */
  checkpoints: CheckpointCoverage & { uncovered: number };
}

const PAGE = 5000;

/**
 * Walks the whole chain in order and reports every edited, deleted or reordered entry; then checks each signed
 * checkpoint against the public keys given, which catches the newest entries deleted and a chain re-hashed from an
 * edit onwards, up to the newest checkpoint.
 */
export async function verifyAuditLog(
  db: Db,
  verifiers: readonly CheckpointVerifier[],
): Promise<VerifyResult> {
  const knownHashes = await auditHashIndex(db);
  const problems: (ChainProblem | CheckpointProblem)[] = [];
  let previous: AuditRow | undefined;
  let checked = 0;
  for (;;) {
    const rows = await readAuditPage(db, previous?.seq ?? 0, PAGE);
    if (rows.length === 0) break;
    for (const row of rows) row.seq = Number(row.seq);
    problems.push(...checkChain(rows, knownHashes, previous));
    checked += rows.length;
    previous = rows[rows.length - 1];
  }
  const signed = await checkCheckpoints(db, verifiers);
  problems.push(...signed.problems);
  const headSeq = previous?.seq ?? 0;
  return {
    ok: problems.length === 0,
    checked,
    head: previous ? { seq: previous.seq, hash: previous.hash } : null,
    problems,
    checkpoints: {
      ...signed.coverage,
      uncovered: Math.max(0, headSeq - (signed.coverage.newest?.headSeq ?? 0)),
    },
  };
}
