export const severities = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof severities)[number];

export const alertStatuses = ['new', 'acknowledged', 'assigned', 'resolved', 'false_positive', 'escalated'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

export const severityRank: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

export interface AlertSubject {
  type: string;
  id: string;
  /** Shown in lists: masked where it names a person. */
  label: string;
}

export interface RaiseAlertInput {
  module: string;
  kind: string;
  severity: Severity;
  region: string;
  subject: AlertSubject & {
    /** The unmasked personal data behind the label, revealed only on request with a purpose. */
    personal?: Record<string, string> | undefined;
  };
  title: string;
  /** The explanation in words an analyst can check. */
  summary: string;
  evidence: Record<string, unknown>;
  /** Alerts with the same key inside the window are merged into the first one instead of repeated. */
  dedupeKey?: string | undefined;
  /** Narrower than the module, for subscriptions (e.g. `chapter:06`). */
  topics?: string[] | undefined;
  dedupeWindowMinutes?: number | undefined;
}

export interface AlertView {
  id: string;
  module: string;
  kind: string;
  severity: Severity;
  status: AlertStatus;
  region: string;
  subject: AlertSubject;
  title: string;
  summary: string;
  evidence: Record<string, unknown>;
  assignee: { id: string; displayName: string } | null;
  outcome: string | null;
  createdAt: string;
  updatedAt: string;
  commentsCount: number;
}
