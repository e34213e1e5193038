export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditEntryInput {
  actor: { type: string; id: string | null; name: string | null };
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  region?: string | null;
  requestId?: string | null;
  outcome: AuditOutcome;
  /** Why personal data was revealed or searched, in the user's words. */
  purpose?: string | null;
  /** Never secrets or personal data: ids, counts, changed field names. */
  details?: Record<string, unknown>;
}

export interface AuditRow {
  seq: number;
  at: Date;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  region: string | null;
  request_id: string | null;
  outcome: string;
  purpose: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}
