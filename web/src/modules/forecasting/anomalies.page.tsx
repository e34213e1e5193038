import { useCallback, useMemo } from 'react';
import { buildUrl } from '../../app/api-client';
import { useApi, useSession } from '../../app/auth';
import { navigate, useLocation } from '../../app/router';
import { useResource } from '../../app/use-resource';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { canReadForecasting } from './access';
import { AnomalyDetailPanel } from './anomaly-detail-panel';
import { AnomalyTable } from './anomaly-table';
import { CatalogueProvider } from './catalogue';
import { DecisionLog } from './decision-log';
import { ForecastingHeader } from './forecasting-header';
import { useForecastingI18n } from './i18n';
import { Segmented } from '../../components/segmented';
import { FREQUENCIES } from './types';
import type {
  AnomaliesView,
  DecisionLogView,
  Frequency,
} from '../../../../src/modules/forecasting/forecasting.contract.js';
import './forecasting.css';

const LIMIT = 100;

/** Anomalies in the user's regions, one open beside the list with its evidence, and the log of decisions taken. */
export function AnomaliesPage() {
  const session = useSession();
  const { tCore } = useForecastingI18n();
  if (!canReadForecasting(session)) return <EmptyState title={tCore('error.forbidden')} />;
  return (
    <CatalogueProvider>
      <Anomalies />
    </CatalogueProvider>
  );
}

function Anomalies() {
  const api = useApi();
  const { t } = useForecastingI18n();
  const { query } = useLocation();
  const frequency: Frequency = query.get('frequency') === 'weekly' ? 'weekly' : 'monthly';
  const openId = query.get('anomaly');
  const listQuery = { frequency, limit: LIMIT };
  const list = useResource(buildUrl('/api/forecasting/anomalies', listQuery), () =>
    api.get<AnomaliesView>('/api/forecasting/anomalies', listQuery),
  );
  const log = useResource('forecasting-decisions', () =>
    api.get<DecisionLogView>('/api/forecasting/decisions'),
  );
  const hrefFor = useCallback(
    (id: string | null, f: Frequency = frequency) =>
      buildUrl('/forecasting/anomalies', { frequency: f === 'monthly' ? null : f, anomaly: id }),
    [frequency],
  );
  const items = useMemo(() => list.data?.items ?? [], [list.data]);

  function decided() {
    list.reload();
    log.reload();
  }

  let body;
  if (list.error) body = <ErrorState error={list.error} onRetry={list.reload} />;
  else if (!list.data) body = <Loading />;
  else if (items.length === 0) body = <EmptyState title={t('anom.empty')} />;
  else
    body = (
      <div className="fc-list-scroll">
        <AnomalyTable
          items={items}
          selectedId={openId}
          hrefFor={(a) => hrefFor(a.id)}
          compact={openId !== null}
        />
      </div>
    );

  return (
    <div className={openId ? 'page split fc-page' : 'page fc-page'} data-testid="forecasting-anomalies-page">
      <div className="split__main">
        <ForecastingHeader />
        <section className="card card--flush" aria-labelledby="fc-anomalies-title" aria-busy={list.loading}>
          <div className="card__head fc-card-head fc-pad">
            <div>
              <h2 id="fc-anomalies-title" className="card__title">
                {t('anom.title')}
              </h2>
              <p className="muted small">{t('anom.hint')}</p>
            </div>
            <Segmented
              label={t('control.frequency')}
              value={frequency}
              options={FREQUENCIES.map((f) => ({ value: f, label: t(`frequency.${f}`) }))}
              onChange={(f) => navigate(hrefFor(null, f))}
              testId="fc-anomalies-frequency"
            />
          </div>
          {body}
        </section>
        <DecisionLog resource={log} compact={openId !== null} />
      </div>
      {openId && (
        <AnomalyDetailPanel
          key={openId}
          anomalyId={openId}
          onClose={() => navigate(hrefFor(null))}
          onDecided={decided}
        />
      )}
    </div>
  );
}
