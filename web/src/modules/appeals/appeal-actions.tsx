import { useState } from 'react';
import { useApi } from '../../app/auth';
import { useAction } from '../../app/use-action';
import { ErrorState } from '../../components/error-state';
import { NoteDialog } from '../../core/alerts/note-dialog';
import { allowedActions, type AppealAction } from './appeal-lifecycle';
import { CorrectLabelsDialog } from './correct-labels-dialog';
import { useAppealsI18n } from './i18n';
import { RouteDialog } from './route-dialog';
import type { AppealDetail } from '../../../../src/modules/appeals/appeals.contract.js';

// The server's bounds for a reason and an outcome (appeals.routes.ts).
const MIN_REASON_LENGTH = 3;

type Dialog = Exclude<AppealAction, 'confirm'> | null;

interface AppealActionsProps {
  appeal: AppealDetail;
  onChanged: (appeal: AppealDetail) => void;
}

export function AppealActions({ appeal, onChanged }: AppealActionsProps) {
  const api = useApi();
  const { t } = useAppealsI18n();
  const [dialog, setDialog] = useState<Dialog>(null);
  const base = `/api/appeals/${encodeURIComponent(appeal.id)}`;
  const act = useAction((action: AppealAction, body: object) =>
    api.post<AppealDetail>(`${base}/${action}`, body),
  );

  async function perform(action: AppealAction, body: object) {
    const updated = await act.run(action, body);
    if (updated) {
      setDialog(null);
      onChanged(updated);
    }
  }

  function open(next: Dialog) {
    act.clearError();
    setDialog(next);
  }

  const allowed = allowedActions(appeal.status);
  if (allowed.length === 0) return <p className="notice">{t('action.closedNote')}</p>;

  const button = (action: AppealAction, className: string) => (
    <button
      key={action}
      type="button"
      className={className}
      disabled={act.pending}
      onClick={() => (action === 'confirm' ? void perform('confirm', {}) : open(action))}
      data-testid={`appeal-action-${action}`}
    >
      {t(`action.${action}`)}
    </button>
  );
  const classes: Record<AppealAction, string> = {
    confirm: 'btn btn--primary',
    correct: 'btn',
    escalate: 'btn btn--danger-outline',
    route: 'btn',
    close: 'btn',
  };
  const dialogProps = { pending: act.pending, error: act.error, onClose: () => setDialog(null) };

  return (
    <>
      <div className="action-bar" data-testid="appeal-actions">
        {allowed.map((action) => button(action, classes[action]))}
      </div>
      {dialog === null && act.error && <ErrorState error={act.error} inline />}
      {dialog === 'correct' && (
        <CorrectLabelsDialog
          current={appeal.labels}
          {...dialogProps}
          onSubmit={(labels, note) => void perform('correct', note ? { labels, note } : { labels })}
        />
      )}
      {dialog === 'route' && (
        <RouteDialog
          suggested={appeal.routeAgency}
          {...dialogProps}
          onSubmit={(agency, note) => void perform('route', note ? { agency, note } : { agency })}
        />
      )}
      {dialog === 'escalate' && (
        <NoteDialog
          title={t('action.escalateTitle')}
          label={t('action.reason')}
          hint={t('action.reasonHint')}
          submitLabel={t('action.escalate')}
          minLength={MIN_REASON_LENGTH}
          danger
          testId="escalate-dialog"
          {...dialogProps}
          onSubmit={(reason) => void perform('escalate', { reason })}
        />
      )}
      {dialog === 'close' && (
        <NoteDialog
          title={t('action.closeTitle')}
          label={t('action.outcome')}
          hint={t('action.outcomeHint')}
          submitLabel={t('action.close')}
          minLength={MIN_REASON_LENGTH}
          testId="close-dialog"
          {...dialogProps}
          onSubmit={(outcome) => void perform('close', { outcome })}
        />
      )}
    </>
  );
}
