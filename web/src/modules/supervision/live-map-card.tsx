import { useMemo } from 'react';
import { useApi, useSession } from '../../app/auth';
import { useReferenceData } from '../../app/reference-data';
import { navigate } from '../../app/router';
import { useResource } from '../../app/use-resource';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import type { RegionFeatureCollection } from '../../core/overview/map-option';
import { registerMap, type GeoJson } from './charts-setup';
import { EChart } from '../../components/echart';
import { useSupervisionI18n } from './i18n';
import { alertColour, buildLiveMapOption } from './live-map-option';
import type { LiveView, Zone } from '../../../../src/modules/supervision/supervision.contract.js';
import { ALERT_KINDS } from './display-order';

interface LiveMapCardProps {
  live: LiveView | undefined;
  /** Undefined while they load: the map waits for them rather than being drawn twice. */
  zones: Zone[] | undefined;
}

/** Alerts, sources and zones of the user's regions over Kazakhstan's regions; a click on an alert opens it. */
export function LiveMapCard({ live, zones }: LiveMapCardProps) {
  const api = useApi();
  const i18n = useSupervisionI18n();
  const { t, tCore } = i18n;
  const { regions } = useReferenceData();
  const scope = useSession().user.regions;
  // The same boundaries as the overview map; the browser caches them after the first screen that asks.
  const geo = useResource('geojson', () => api.get<RegionFeatureCollection>('/api/geo/regions.geojson'));

  const option = useMemo(() => {
    if (!geo.data || !live || !zones) return null;
    registerMap('kz', geo.data as unknown as GeoJson);
    return buildLiveMapOption({
      geojson: geo.data,
      regions,
      scope,
      alerts: live.alerts,
      sources: live.sources,
      zones,
      i18n,
    });
  }, [geo.data, live, zones, regions, scope, i18n]);

  const located = live?.alerts.filter((a) => a.location !== null).length ?? 0;
  const silent = live?.sources.filter((s) => s.health.silent).length ?? 0;
  const kindsPresent = new Set(live?.alerts.map((a) => a.kind));
  return (
    <section className="card sv-map-card" aria-labelledby="sv-map-title">
      <div className="card__head">
        <h2 id="sv-map-title" className="card__title">
          {t('live.title')}
        </h2>
        {live && (
          <span className="muted small" data-testid="sv-live-counts">
            {t('live.counts', {
              alerts: live.alerts.length,
              sources: live.sources.length,
              silent,
              zones: zones?.length ?? 0,
            })}
          </span>
        )}
      </div>
      {geo.error ? (
        <ErrorState error={geo.error} onRetry={geo.reload} inline />
      ) : option && live && zones ? (
        <EChart
          option={option}
          className="sv-map"
          label={t('live.label')}
          testId="sv-live-map"
          data={{ alerts: located, sources: live.sources.length, silent, zones: zones.length }}
          onItemClick={(name) => {
            if (name.startsWith('alert:')) navigate(`/alerts/${encodeURIComponent(name.slice(6))}`);
          }}
        />
      ) : (
        <Loading inline />
      )}
      <ul className="sv-legend" aria-label={t('recent.kind')}>
        {ALERT_KINDS.filter((kind) => kindsPresent.has(kind)).map((kind) => (
          <li key={kind}>
            <span className="sv-dot" style={{ background: alertColour(kind) }} aria-hidden="true" />
            {t(`kind.${kind}`)}
          </li>
        ))}
      </ul>
      <p className="muted small">
        {t('live.hint')}
        {live && live.alerts.length > located
          ? ` ${t('live.noLocation', { count: live.alerts.length - located })}`
          : ''}
      </p>
      <p className="map-attribution">{tCore('overview.mapAttribution')}</p>
    </section>
  );
}
