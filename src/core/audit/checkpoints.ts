import type { Db } from '../db/db.js';
import type { CheckpointSigner, CheckpointVerifier } from './checkpoint-key.js';
import {
  hashesAt,
  insertCheckpoint,
  listCheckpoints,
  lockedAuditHead,
  newestCheckpoint,
  type CheckpointRow,
} from './audit.repository.js';

/**
 * A signed statement of the audit log's head at a moment: "entry N, with hash H, was the newest at T". An
 * attacker with the database but not the key can no longer delete the newest entries, or edit one and re-hash the
 * chain after it, without a checkpoint naming an entry that is gone or has another hash.
 */
export const checkpointMessage = (row: Pick<CheckpointRow, 'head_seq' | 'head_hash' | 'at'>) =>
  `qadagalau-audit-checkpoint/1\n${row.head_seq}\n${row.head_hash}\n${new Date(row.at).toISOString()}`;

export interface WrittenCheckpoint {
  headSeq: number;
  headHash: string;
  at: string;
  keyId: string;
  signature: string;
}

/**
 * Signs the current head. Written every interval even when nothing happened, so that a gap in checkpoints (newest
 * entries deleted together with the checkpoints that named them) shows as a gap.
 */
export async function writeCheckpoint(db: Db, signer: CheckpointSigner): Promise<WrittenCheckpoint> {
  return db.tx(async (sql) => {
    const head = await lockedAuditHead(sql);
    const at = new Date();
    const row = { head_seq: head.seq, head_hash: head.hash, at, key_id: signer.keyId };
    const signature = signer.sign(checkpointMessage(row));
    await insertCheckpoint(sql, { ...row, signature });
    return { headSeq: head.seq, headHash: head.hash, at: at.toISOString(), keyId: signer.keyId, signature };
  });
}

export interface CheckpointProblem {
  seq: number;
  kind: 'truncated' | 'rehashed' | 'forged' | 'unverifiable';
  message: string;
}

export interface CheckpointCoverage {
  count: number;
  /** Key ids of the checkpoints found, and whether each was checked against a public key the verifier holds. */
  keys: { keyId: string; known: boolean }[];
  newest: { at: string; headSeq: number } | null;
}

/** Checks every checkpoint's signature and that the entry it names is still there with the hash it signed. */
export async function checkCheckpoints(
  db: Db,
  verifiers: readonly CheckpointVerifier[],
): Promise<{ problems: CheckpointProblem[]; coverage: CheckpointCoverage }> {
  const checkpoints = await listCheckpoints(db);
  const stored = await hashesAt(db, [
    ...new Set(checkpoints.map((row) => row.head_seq).filter((seq) => seq > 0)),
  ]);
  const byKey = new Map(verifiers.map((verifier) => [verifier.keyId, verifier]));
  const problems: CheckpointProblem[] = [];
  let highest = 0;
  for (const row of checkpoints) {
    const verifier = byKey.get(row.key_id);
    const at = new Date(row.at).toISOString();
    if (!verifier) {
      problems.push({
        seq: row.head_seq,
        kind: 'unverifiable',
        message: `the checkpoint of ${at} is signed by key ${row.key_id}, whose public key was not given`,
      });
    } else if (!verifier.verify(checkpointMessage(row), row.signature)) {
      problems.push({
        seq: row.head_seq,
        kind: 'forged',
        message: `the checkpoint of ${at} does not verify with key ${row.key_id}: it was written or changed without the key`,
      });
      continue;
    }
    if (row.head_seq < highest)
      problems.push({
        seq: row.head_seq,
        kind: 'truncated',
        message: `the checkpoint of ${at} names entry ${row.head_seq}, an earlier one named ${highest}: the log went backwards`,
      });
    highest = Math.max(highest, row.head_seq);
    if (row.head_seq === 0) continue;
    const hash = stored.get(row.head_seq);
    if (hash === undefined)
      problems.push({
        seq: row.head_seq,
        kind: 'truncated',
        message: `entry ${row.head_seq}, signed as the head at ${at}, is gone: entries were deleted`,
      });
    else if (hash !== row.head_hash)
      problems.push({
        seq: row.head_seq,
        kind: 'rehashed',
        message: `entry ${row.head_seq} no longer has the hash signed at ${at}: the chain was rewritten from an earlier entry`,
      });
  }
  const seen = new Set<string>();
  const distinct = problems.filter((problem) => {
    const key = `${problem.kind}:${problem.seq}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const keys = [...new Set(checkpoints.map((row) => row.key_id))].map((keyId) => ({
    keyId,
    known: byKey.has(keyId),
  }));
  const last = checkpoints[checkpoints.length - 1];
  return {
    problems: distinct,
    coverage: {
      count: checkpoints.length,
      keys,
      newest: last ? { at: new Date(last.at).toISOString(), headSeq: last.head_seq } : null,
    },
  };
}

export { newestCheckpoint };
