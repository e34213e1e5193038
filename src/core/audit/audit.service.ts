import type { Db } from '../db/db.js';
import { checkChain, type ChainProblem } from './audit-chain.js';
import { auditHashIndex, readAuditPage } from './audit.repository.js';
import type { AuditRow } from './audit.types.js';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  head: { seq: number; hash: string } | null;
  problems: ChainProblem[];
}

const PAGE = 5000;

/** Walks the whole chain in order and reports every edited, deleted or reordered entry. */
export async function verifyAuditLog(db: Db): Promise<VerifyResult> {
  const knownHashes = await auditHashIndex(db);
  const problems: ChainProblem[] = [];
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
  return { ok: problems.length === 0, checked, head: previous ? { seq: previous.seq, hash: previous.hash } : null, problems };
}
