import type { ReactNode } from 'react';
import { useI18n } from '../app/i18n';
import type { AlertStatus, Severity } from '../app/types';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'critical' | 'muted';

export function Badge({
  tone = 'neutral',
  children,
  testId,
}: {
  tone?: Tone;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <span className={`badge badge--${tone}`} data-testid={testId}>
      {children}
    </span>
  );
}

const SEVERITY_TONE: Record<Severity, Tone> = {
  critical: 'critical',
  high: 'danger',
  medium: 'warning',
  low: 'info',
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useI18n();
  return (
    <span
      className={`badge badge--${SEVERITY_TONE[severity] ?? 'neutral'} badge--dot`}
      data-severity={severity}
    >
      {t(`severity.${severity}`)}
    </span>
  );
}

const STATUS_TONE: Record<AlertStatus, Tone> = {
  new: 'info',
  acknowledged: 'warning',
  assigned: 'neutral',
  escalated: 'danger',
  resolved: 'success',
  false_positive: 'muted',
};

export function StatusBadge({ status }: { status: AlertStatus }) {
  const { t } = useI18n();
  return (
    <span
      className={`badge badge--outline badge--${STATUS_TONE[status] ?? 'neutral'}`}
      data-status={status}
      data-testid="alert-status"
    >
      {t(`status.${status}`)}
    </span>
  );
}
