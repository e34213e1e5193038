import type { AlertSubject, Severity } from './alerts.contract.js';

export {
  alertStatuses,
  severities,
  type AlertStatus,
  type AlertSubject,
  type AlertView,
  type Severity,
} from './alerts.contract.js';

export const severityRank: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

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
