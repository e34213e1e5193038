import { useState, type ReactElement } from 'react';
import { useApi } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { Alert } from '../../app/types';
import { useAction } from '../../app/use-action';
import { ErrorState } from '../../components/error-state';
import { allowedActions, type LifecycleAction } from './alert-lifecycle';
import { AssignDialog } from './assign-dialog';
import { NoteDialog } from './note-dialog';

type Dialog = 'assign' | 'resolve' | 'false_positive' | 'escalate' | null;

interface AlertActionsProps {
  alert: Alert;
  onChanged: (alert: Alert) => void;
}

export function AlertActions({ alert, onChanged }: AlertActionsProps) {
  const api = useApi();
  const { t } = useI18n();
  const [dialog, setDialog] = useState<Dialog>(null);
  const base = `/api/alerts/${encodeURIComponent(alert.id)}`;

  const act = useAction((path: string, body: object) => api.post<Alert>(`${base}/${path}`, body));

  async function perform(path: string, body: object) {
    const updated = await act.run(path, body);
    if (updated) {
      setDialog(null);
      onChanged(updated);
    }
  }

  function open(next: Dialog) {
    act.clearError();
    setDialog(next);
  }

  const allowed = allowedActions(alert.status);
  const buttons: Record<LifecycleAction, ReactElement> = {
    acknowledge: (
      <button
        key="ack"
        type="button"
        className="btn btn--primary"
        disabled={act.pending}
        onClick={() => void perform('acknowledge', {})}
        data-testid="action-acknowledge"
      >
        {t('alert.acknowledge')}
      </button>
    ),
    assign: (
      <button
        key="assign"
        type="button"
        className="btn"
        onClick={() => open('assign')}
        data-testid="action-assign"
      >
        {t('alert.assign')}
      </button>
    ),
    resolve: (
      <button
        key="resolve"
        type="button"
        className="btn"
        onClick={() => open('resolve')}
        data-testid="action-resolve"
      >
        {t('alert.resolve')}
      </button>
    ),
    false_positive: (
      <button
        key="fp"
        type="button"
        className="btn"
        onClick={() => open('false_positive')}
        data-testid="action-false-positive"
      >
        {t('alert.falsePositive')}
      </button>
    ),
    escalate: (
      <button
        key="esc"
        type="button"
        className="btn btn--danger-outline"
        onClick={() => open('escalate')}
        data-testid="action-escalate"
      >
        {t('alert.escalate')}
      </button>
    ),
  };

  const noteProps = { pending: act.pending, error: act.error, onClose: () => setDialog(null) };
  return (
    <>
      {allowed.length > 0 && (
        <div className="action-bar" data-testid="alert-actions">
          {allowed.map((a) => buttons[a])}
        </div>
      )}
      {dialog === null && act.error && <ErrorState error={act.error} inline />}
      {dialog === 'assign' && (
        <AssignDialog
          region={alert.region}
          {...noteProps}
          onSubmit={(assigneeId) => void perform('assign', { assigneeId })}
        />
      )}
      {dialog === 'resolve' && (
        <NoteDialog
          title={t('alert.resolveTitle')}
          label={t('alert.outcomeLabel')}
          hint={t('alert.outcomeHint')}
          submitLabel={t('alert.resolve')}
          testId="resolve-dialog"
          {...noteProps}
          onSubmit={(outcome) => void perform('resolve', { outcome })}
        />
      )}
      {dialog === 'false_positive' && (
        <NoteDialog
          title={t('alert.falsePositiveTitle')}
          label={t('alert.outcomeLabel')}
          hint={t('alert.falsePositiveHint')}
          submitLabel={t('alert.falsePositive')}
          testId="false-positive-dialog"
          {...noteProps}
          onSubmit={(outcome) => void perform('false-positive', { outcome })}
        />
      )}
      {dialog === 'escalate' && (
        <NoteDialog
          title={t('alert.escalateTitle')}
          label={t('alert.reasonLabel')}
          hint={t('alert.reasonHint')}
          submitLabel={t('alert.escalate')}
          danger
          testId="escalate-dialog"
          {...noteProps}
          onSubmit={(reason) => void perform('escalate', { reason })}
        />
      )}
    </>
  );
}
