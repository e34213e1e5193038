import { canActOnAlerts, canRevealPersonalData } from '../../app/access';
import { useAlertEvents } from '../../app/alert-stream';
import { useApi, useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useReferenceData } from '../../app/reference-data';
import type { Alert, AlertDetail } from '../../app/types';
import { useResource } from '../../app/use-resource';
import { SeverityBadge, StatusBadge } from '../../components/badge';
import { ErrorState } from '../../components/error-state';
import { KeyValueList } from '../../components/key-value-list';
import { Loading } from '../../components/loading';
import { CloseButton } from '../../components/modal';
import { DateTime, RelativeTime } from '../../components/relative-time';
import { AlertActions } from './alert-actions';
import { AlertComments } from './alert-comments';
import { AlertHistory } from './alert-history';
import { RevealSection } from './reveal-section';

interface AlertDetailPanelProps {
  alertId: string;
  onClose: () => void;
  onAlertChanged: (alert: Alert) => void;
}

export function AlertDetailPanel({ alertId, onClose, onAlertChanged }: AlertDetailPanelProps) {
  const api = useApi();
  const session = useSession();
  const { t } = useI18n();
  const { regionName, moduleName } = useReferenceData();
  const canAct = canActOnAlerts(session);
  const detail = useResource(`alert:${alertId}`, () =>
    api.get<AlertDetail>(`/api/alerts/${encodeURIComponent(alertId)}`),
  );

  // Someone else may act on the same alert; the stream tells us, and the history must show it.
  useAlertEvents((_type, alert) => {
    if (alert.id === alertId) detail.reload();
  });

  function changed(alert: Alert) {
    // Show the new status at once, then fetch history and comments, which the action response does not carry.
    detail.setData((prev) => (prev ? { ...prev, ...alert } : prev));
    onAlertChanged(alert);
    detail.reload();
  }

  const a = detail.data;
  return (
    <aside className="detail-panel" aria-label={t('alert.details')} data-testid="alert-detail">
      <div className="detail-panel__bar">
        <span className="muted small mono">{alertId}</span>
        <CloseButton onClick={onClose} label={t('alert.close')} />
      </div>
      {detail.error && !a && <ErrorState error={detail.error} onRetry={detail.reload} />}
      {!detail.error && !a && <Loading />}
      {a && (
        <div className="detail-panel__body">
          <div className="detail-panel__badges">
            <SeverityBadge severity={a.severity} />
            <StatusBadge status={a.status} />
          </div>
          <h2 className="detail-panel__title" data-testid="alert-detail-title">
            {a.title}
          </h2>
          <dl className="meta-grid">
            <dt>{t('alerts.col.module')}</dt>
            <dd>{moduleName(a.module)}</dd>
            <dt>{t('alert.kind')}</dt>
            <dd className="mono">{a.kind}</dd>
            <dt>{t('alerts.col.region')}</dt>
            <dd>{regionName(a.region)}</dd>
            <dt>{t('alert.subject')}</dt>
            <dd className="mono">{a.subject?.label ?? '—'}</dd>
            <dt>{t('alerts.col.assignee')}</dt>
            <dd>{a.assignee?.displayName ?? <span className="muted">{t('alerts.unassigned')}</span>}</dd>
            <dt>{t('alerts.col.created')}</dt>
            <dd>
              <DateTime iso={a.createdAt} />
            </dd>
            <dt>{t('alert.updated')}</dt>
            <dd>
              <RelativeTime iso={a.updatedAt} />
            </dd>
            {a.outcome && (
              <>
                <dt>{t('alert.outcome')}</dt>
                <dd>{a.outcome}</dd>
              </>
            )}
          </dl>
          {canAct && <AlertActions alert={a} onChanged={changed} />}
          {canRevealPersonalData(session) && <RevealSection alertId={a.id} />}

          <section className="detail-section">
            <h3>{t('alert.summary')}</h3>
            <p className="prose" data-testid="alert-summary">
              {a.summary}
            </p>
          </section>
          <section className="detail-section">
            <h3>{t('alert.evidence')}</h3>
            {a.evidence && Object.keys(a.evidence).length > 0 ? (
              <KeyValueList data={a.evidence} testId="alert-evidence" />
            ) : (
              <p className="muted">{t('alert.noEvidence')}</p>
            )}
          </section>
          <section className="detail-section">
            <h3>{t('alert.history')}</h3>
            <AlertHistory entries={a.history ?? []} />
          </section>
          <section className="detail-section">
            <h3>
              {t('alert.comments')} <span className="count">{(a.comments ?? []).length}</span>
            </h3>
            <AlertComments alertId={a.id} comments={a.comments ?? []} canPost={canAct} onPosted={changed} />
          </section>
        </div>
      )}
    </aside>
  );
}
