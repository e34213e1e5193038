import { useApi, useSession } from '../../app/auth';
import { Link } from '../../app/router';
import { useResource } from '../../app/use-resource';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { CloseButton } from '../../components/modal';
import { canDecide } from './access';
import { AnomalyFigures } from './anomaly-figures';
import { parseSeriesKey, useCatalogue } from './catalogue';
import { DecisionForm } from './decision-form';
import { DecisionList } from './decision-list';
import { forecastingHref, DEFAULT_QUERY } from './forecast-query';
import { useForecastingI18n } from './i18n';
import { KindBadge } from './kind-badge';
import type { AnomalyDetail } from '../../../../src/modules/forecasting/forecasting.contract.js';

interface AnomalyDetailPanelProps {
  anomalyId: string;
  onClose: () => void;
  onDecided: () => void;
}

export function AnomalyDetailPanel({ anomalyId, onClose, onDecided }: AnomalyDetailPanelProps) {
  const api = useApi();
  const session = useSession();
  const { t } = useForecastingI18n();
  const { sliceName } = useCatalogue();
  const detail = useResource(`forecast-anomaly:${anomalyId}`, () =>
    api.get<AnomalyDetail>(`/api/forecasting/anomalies/${encodeURIComponent(anomalyId)}`),
  );
  const a = detail.data?.anomaly;
  const slice = a ? parseSeriesKey(a.seriesKey) : null;

  function decided() {
    detail.reload();
    onDecided();
  }

  return (
    <aside className="detail-panel" aria-label={t('anom.detail')} data-testid="fc-anomaly-detail">
      <div className="detail-panel__bar">
        <span className="muted small">{t('anom.detail')}</span>
        <CloseButton onClick={onClose} label={t('anom.close')} />
      </div>
      {detail.error && !a && <ErrorState error={detail.error} onRetry={detail.reload} />}
      {!detail.error && !a && <Loading />}
      {a && slice && (
        <div className="detail-panel__body">
          <div className="detail-panel__badges">
            <KindBadge kind={a.kind} direction={a.direction} />
          </div>
          <h2 className="detail-panel__title" data-testid="fc-anomaly-title">
            {sliceName(slice)}
          </h2>
          <AnomalyFigures anomaly={a} />
          <div className="row-actions">
            <Link
              className="btn btn--small"
              to={forecastingHref({ ...DEFAULT_QUERY, frequency: a.frequency, ...slice })}
              data-testid="fc-anomaly-series"
            >
              {t('anom.openSeries')}
            </Link>
            {a.alertId && (
              <Link className="btn btn--small" to={`/alerts/${encodeURIComponent(a.alertId)}`}>
                {t('common.openAlert')}
              </Link>
            )}
          </div>
          <section className="detail-section">
            <h3>{t('dec.forAnomaly')}</h3>
            <DecisionList decisions={detail.data?.decisions ?? []} />
          </section>
          {canDecide(session) ? (
            <DecisionForm anomalyId={a.id} onDecided={decided} />
          ) : (
            <p className="muted small">{t('dec.noPermission')}</p>
          )}
        </div>
      )}
    </aside>
  );
}
