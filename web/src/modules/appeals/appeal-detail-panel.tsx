import { useApi, useSession } from '../../app/auth';
import { useResource } from '../../app/use-resource';
import { SeverityBadge } from '../../components/badge';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { CloseButton } from '../../components/modal';
import { canActOnAppeals } from './access';
import { AppealActions } from './appeal-actions';
import { AppealStatusBadge, LabelChips } from './appeal-badges';
import { AppealExplanation } from './appeal-explanation';
import { AppealHistory } from './appeal-history';
import { AppealMeta } from './appeal-meta';
import { AppealText } from './appeal-text';
import { useAppealsI18n } from './i18n';
import { ScoreBars } from './score-bars';
import { SlaCountdown } from './sla-countdown';
import type { AppealDetail } from '../../../../src/modules/appeals/appeals.contract.js';

interface AppealDetailPanelProps {
  appealId: string;
  onClose: () => void;
  onAppealChanged: (appeal: AppealDetail) => void;
}

export function AppealDetailPanel({ appealId, onClose, onAppealChanged }: AppealDetailPanelProps) {
  const api = useApi();
  const session = useSession();
  const { t } = useAppealsI18n();
  // Every GET of an appeal is an audited read of personal data, so it is fetched once per opening and after an
  // action (for the history), never on a timer.
  const detail = useResource(`appeal:${appealId}`, () =>
    api.get<AppealDetail>(`/api/appeals/${encodeURIComponent(appealId)}`),
  );

  // The action's answer is the whole appeal, with the history entry it wrote: no second (audited) read.
  function changed(appeal: AppealDetail) {
    detail.setData((prev) => (prev ? appeal : prev));
    onAppealChanged(appeal);
  }

  const a = detail.data;
  return (
    <aside className="detail-panel appeal-panel" aria-label={t('detail.label')} data-testid="appeal-detail">
      <div className="detail-panel__bar">
        <span className="muted small mono">{a?.externalId ?? appealId}</span>
        <CloseButton onClick={onClose} label={t('detail.closePanel')} />
      </div>
      {detail.error && !a && <ErrorState error={detail.error} onRetry={detail.reload} />}
      {!detail.error && !a && <Loading />}
      {a && (
        <div className="detail-panel__body">
          <div className="detail-panel__badges">
            <SeverityBadge severity={a.riskLevel} />
            <AppealStatusBadge status={a.status} />
            <SlaCountdown dueAt={a.slaDueAt} status={a.status} />
          </div>
          <h2 className="detail-panel__title" data-testid="appeal-detail-title">
            {a.subject ?? `${t('detail.label')} ${a.externalId}`}
          </h2>
          <p className="audit-note" role="note" data-testid="appeal-audit-note">
            {t('detail.auditNote')}
          </p>
          <div data-testid="appeal-detail-labels">
            <LabelChips labels={a.labels} modelLabels={a.modelLabels} />
          </div>
          <AppealMeta appeal={a} />
          {canActOnAppeals(session) && <AppealActions appeal={a} onChanged={changed} />}
          <AppealText appeal={a} />
          <AppealExplanation appeal={a} />
          <section className="detail-section">
            <h3>{t('detail.scores')}</h3>
            <ScoreBars appeal={a} />
          </section>
          <section className="detail-section">
            <h3>{t('detail.history')}</h3>
            <AppealHistory entries={a.history} />
          </section>
        </div>
      )}
    </aside>
  );
}
