import type { Sql } from '../../../core/index.js';

/** A hit that raised or joined an alert, with the observation it came from (source and external id). */
export interface EvaluatedHit {
  rule: string;
  subject_id: string;
  source_id: string;
  external_id: string;
}

/** The hits recorded since a moment that have their alert, for the evaluation against the planted truth. */
export async function alertedHitsSince(sql: Sql, since: Date): Promise<EvaluatedHit[]> {
  return sql.query<EvaluatedHit>(
    `select h.rule, h.subject_id, o.source_id, o.external_id from supervision_hits h join observations o on o.id = h.observation_id
     where h.created_at >= $1 and h.alert_id is not null`,
    [since],
  );
}
