import { useEffect, useRef } from 'react';
import { useAlertEvents } from '../../app/alert-stream';
import { useApi, useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useReferenceData } from '../../app/reference-data';
import { navigate } from '../../app/router';
import type { AlertSummary } from '../../app/types';
import { useResource } from '../../app/use-resource';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { KzMap } from './kz-map';
import { inScope, type RegionFeatureCollection } from './map-option';
import { RegionTable } from './region-table';
import { SummaryCards } from './summary-cards';

// Counts change with every alert; refreshing at most once a second keeps a burst of events from becoming a burst
// of summary queries.
const REFRESH_DEBOUNCE_MS = 1000;

export function OverviewPage() {
  const api = useApi();
  const { t } = useI18n();
  const { regions } = useReferenceData();
  const scope = useSession().user.regions;
  const geo = useResource('geojson', () => api.get<RegionFeatureCollection>('/api/geo/regions.geojson'));
  const summary = useResource('summary', () => api.get<AlertSummary>('/api/alerts/summary'));
  const timer = useRef<number | undefined>(undefined);

  useAlertEvents(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(summary.reload, REFRESH_DEBOUNCE_MS);
  });
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const counts = summary.data?.byRegion ?? {};
  const openRegion = (code: string) => navigate(`/alerts?region=${encodeURIComponent(code)}`);

  return (
    <div className="page" data-testid="overview-page">
      <PageHeader title={t('overview.title')} />
      <div className="overview">
        <section className="card overview__map" aria-labelledby="map-title">
          <div className="card__head">
            <h2 id="map-title" className="card__title">
              {t('overview.mapTitle')}
            </h2>
            <p className="muted small">{t('overview.mapHint')}</p>
          </div>
          {geo.error ? (
            <ErrorState error={geo.error} onRetry={geo.reload} />
          ) : geo.data ? (
            <KzMap
              geojson={geo.data}
              counts={counts}
              regions={regions}
              scope={scope}
              onRegionClick={openRegion}
            />
          ) : (
            <Loading />
          )}
          <p className="map-attribution">{t('overview.mapAttribution')}</p>
        </section>
        <div className="overview__side">
          {summary.error ? (
            <ErrorState error={summary.error} onRetry={summary.reload} />
          ) : summary.data ? (
            <SummaryCards summary={summary.data} />
          ) : (
            <Loading />
          )}
        </div>
      </div>
      {regions.length > 0 && summary.data && (
        <section className="card" aria-labelledby="by-region">
          <h2 id="by-region" className="card__title">
            {t('overview.byRegion')}
          </h2>
          <RegionTable regions={regions.filter((r) => inScope(scope, r.code))} counts={counts} />
        </section>
      )}
    </div>
  );
}
