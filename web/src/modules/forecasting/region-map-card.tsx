import { useMemo } from 'react';
import { useApi } from '../../app/auth';
import { buildUrl } from '../../app/api-client';
import { useReferenceData } from '../../app/reference-data';
import { useResource } from '../../app/use-resource';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import type { RegionFeatureCollection } from '../../core/overview/map-option';
import { registerMap, type GeoJson } from './charts-setup';
import { EChart } from '../../components/echart';
import type { ForecastQuery } from './forecast-query';
import { useForecastingI18n } from './i18n';
import { buildRegionMapOption } from './region-map-option';
import { Segmented } from '../../components/segmented';
import { MAP_MEASURES } from './types';
import type { MapMeasure, MapView } from '../../../../src/modules/forecasting/forecasting.contract.js';

interface RegionMapCardProps {
  query: ForecastQuery;
  onMeasure: (measure: MapMeasure) => void;
  onRegion: (code: string) => void;
}

/** The 20 regions for the latest complete period and the chosen chapter; a click drills into a region. */
export function RegionMapCard({ query, onMeasure, onRegion }: RegionMapCardProps) {
  const api = useApi();
  const i18n = useForecastingI18n();
  const { t, tCore } = i18n;
  const { regions } = useReferenceData();
  // The same boundaries as the overview map; the browser caches them after the first screen that asks.
  const geo = useResource('geojson', () => api.get<RegionFeatureCollection>('/api/geo/regions.geojson'));
  const mapQuery = { frequency: query.frequency, chapter: query.chapter };
  const view = useResource(buildUrl('/api/forecasting/map', mapQuery), () =>
    api.get<MapView>('/api/forecasting/map', mapQuery),
  );

  const option = useMemo(() => {
    if (!geo.data || !view.data) return null;
    registerMap('kz', geo.data as unknown as GeoJson);
    return buildRegionMapOption({
      geojson: geo.data,
      regions,
      items: view.data.regions,
      measure: query.measure,
      selected: query.region,
      i18n,
    });
  }, [geo.data, view.data, regions, query.measure, query.region, i18n]);

  const error = geo.error ?? view.error;
  return (
    <section className="card fc-map-card" aria-labelledby="fc-map-title" aria-busy={view.loading}>
      <div className="card__head fc-card-head">
        <h2 id="fc-map-title" className="card__title">
          {view.data?.period
            ? t('map.title', { period: i18n.period(view.data.period, query.frequency) })
            : t('map.titleNoData')}
        </h2>
        <Segmented
          label={t('map.measure')}
          value={query.measure}
          options={MAP_MEASURES.map((m) => ({ value: m, label: t(`measure.${m}`) }))}
          onChange={onMeasure}
          testId="fc-measure"
        />
      </div>
      {error ? (
        <ErrorState error={error} onRetry={() => (geo.error ? geo.reload() : view.reload())} inline />
      ) : option && view.data ? (
        <EChart
          option={option}
          className="fc-map"
          label={t('map.titleNoData')}
          testId="fc-map"
          data={{ regions: view.data.regions.length, measure: query.measure }}
          onItemClick={onRegion}
        />
      ) : (
        <Loading inline />
      )}
      <p className="muted small">
        {t('map.hint')}
        {query.article ? ` ${t('map.chapterOnly')}` : ''}
      </p>
      <p className="map-attribution">{tCore('overview.mapAttribution')}</p>
    </section>
  );
}
