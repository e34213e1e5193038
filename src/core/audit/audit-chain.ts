import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { AuditRow } from './audit.types.js';

export const GENESIS_HASH = '0'.repeat(64);

type HashedFields = Omit<AuditRow, 'seq' | 'hash'>;

/**
 * The hash covers every field and the previous hash, but not `seq`: order is carried by the chain itself,
 * which lets verification tell a reordering (intact entries, wrong links) from an edit (an entry's own hash fails).
 */
export function entryHash(row: HashedFields): string {
  const material = canonicalJson([
    row.at.toISOString(),
    row.actor_type,
    row.actor_id,
    row.actor_name,
    row.action,
    row.subject_type,
    row.subject_id,
    row.region,
    row.request_id,
    row.outcome,
    row.purpose,
    row.details,
    row.prev_hash,
  ]);
  return createHash('sha256').update(material).digest('hex');
}

export interface ChainProblem {
  seq: number;
  kind: 'edited' | 'deleted' | 'reordered';
  message: string;
}

/** Checks rows in seq order. `knownHashes` maps every stored hash to its seq (to recognise reordering). */
export function checkChain(
  rows: AuditRow[],
  knownHashes: Map<string, number>,
  previous?: AuditRow,
): ChainProblem[] {
  const found: ChainProblem[] = [];
  let before = previous;
  for (const row of rows) {
    if (entryHash(row) !== row.hash) {
      found.push({
        seq: row.seq,
        kind: 'edited',
        message: `entry ${row.seq} was changed after it was written`,
      });
    }
    const expectedSeq = before ? before.seq + 1 : 1;
    if (row.seq !== expectedSeq) {
      const missing = row.seq - expectedSeq;
      found.push({
        seq: row.seq,
        kind: 'deleted',
        message: `${missing} entr${missing === 1 ? 'y' : 'ies'} missing before entry ${row.seq} (expected ${expectedSeq})`,
      });
    } else if (row.prev_hash !== (before?.hash ?? GENESIS_HASH)) {
      const linkedTo = knownHashes.get(row.prev_hash);
      found.push(
        linkedTo === undefined
          ? {
              seq: before?.seq ?? row.seq,
              kind: 'edited',
              message: `entry ${before?.seq ?? 0} no longer matches the hash entry ${row.seq} recorded for it: it was rewritten`,
            }
          : {
              seq: row.seq,
              kind: 'reordered',
              message: `entry ${row.seq} was written after entry ${linkedTo}, but now follows entry ${before?.seq ?? 0}`,
            },
      );
    }
    before = row;
  }
  return found;
}
