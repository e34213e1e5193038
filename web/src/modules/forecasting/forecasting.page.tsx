import { useCallback, useMemo } from 'react';
import { useSession } from '../../app/auth';
import { navigate, useLocation } from '../../app/router';
import { EmptyState } from '../../components/empty-state';
import { canReadForecasting } from './access';
import { CatalogueProvider, useCatalogue } from './catalogue';
import { DeparturesCard } from './departures-card';
import { DynamicsCard } from './dynamics-card';
import { forecastingHref, queryFromUrl, withArea, type ForecastQuery } from './forecast-query';
import { ForecastingHeader } from './forecasting-header';
import { useForecastingI18n } from './i18n';
import { RegionMapCard } from './region-map-card';
import { SeriesCard } from './series-card';
import { SliceBreadcrumb } from './slice-breadcrumb';
import { SliceControls } from './slice-controls';
import './forecasting.css';

/** The forecasting dashboard at /forecasting: map, series with forecast, dynamics and departures of one slice. */
export function ForecastingPage() {
  const session = useSession();
  const { tCore } = useForecastingI18n();
  if (!canReadForecasting(session)) return <EmptyState title={tCore('error.forbidden')} />;
  return (
    <div className="page fc-page" data-testid="forecasting-page">
      <ForecastingHeader />
      <CatalogueProvider>
        <Dashboard />
      </CatalogueProvider>
    </div>
  );
}

function Dashboard() {
  const { query: params } = useLocation();
  const { t } = useForecastingI18n();
  const { catalogue } = useCatalogue();
  const query = useMemo(() => queryFromUrl(params), [params]);
  // A drill-down is a step the back button should undo; a change of measure or horizon only redraws the view.
  const go = useCallback(
    (next: ForecastQuery, replace = false) => navigate(forecastingHref(next), { replace }),
    [],
  );

  return (
    <>
      <SliceControls
        query={query}
        onChange={(next) =>
          go(
            next,
            next.frequency === query.frequency &&
              next.chapter === query.chapter &&
              next.article === query.article,
          )
        }
      />
      <SliceBreadcrumb query={query} />
      <div className="fc-grid">
        <RegionMapCard
          query={query}
          onMeasure={(measure) => go({ ...query, measure }, true)}
          onRegion={(code) => go(withArea(query, code))}
        />
        <SeriesCard query={query} />
      </div>
      <DynamicsCard query={query} />
      <DeparturesCard query={query} />
      <p className="muted small fc-source">{t('source', { source: catalogue.source })}</p>
    </>
  );
}
