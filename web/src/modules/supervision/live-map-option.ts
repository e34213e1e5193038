import type { Region, Severity } from '../../app/types';
import { buildMapOption, type RegionFeatureCollection } from '../../core/overview/map-option';
import type { LiveMapOption } from './charts-setup';
import type { SupervisionI18n } from './i18n';
import type {
  LiveAlert,
  Source,
  Zone,
  ZoneGeometry,
} from '../../../../src/modules/supervision/supervision.contract.js';

interface LiveMapInput {
  geojson: RegionFeatureCollection;
  regions: Region[];
  scope: string[];
  alerts: LiveAlert[];
  sources: Source[];
  zones: Zone[];
  i18n: SupervisionI18n;
}

// Colours by family of rule, so a glance tells wanted-list hits (red) from probation (purple), zones (brown),
// public order (blue) and silences (grey); severity sets the size.
const KIND_COLOURS: Record<string, string> = {
  watchlist_person: '#d7191c',
  watchlist_vehicle: '#f46d43',
  probation_curfew: '#7b3294',
  probation_exclusion: '#c2a5cf',
  probation_area: '#9e4fb8',
  bracelet_silent: '#6b7a8c',
  checkin_missed: '#a6a6a6',
  zone_incursion: '#8c510a',
  public_order: '#2166ac',
  source_silent: '#4a5568',
};
const SEVERITY_SIZE: Record<Severity, number> = { critical: 18, high: 15, medium: 12, low: 10 };
const ZONE_COLOUR = '#8c510a';

export const alertColour = (kind: string): string => KIND_COLOURS[kind] ?? '#17212b';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function rings(geometry: ZoneGeometry): number[][][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/** The middle of a zone's bounding box: where its marker sits, since a zone is a few pixels on a national map. */
export function zoneCentre(geometry: ZoneGeometry): [number, number] {
  const points = rings(geometry).flat();
  const lons = points.map((p) => p[0] ?? 0);
  const lats = points.map((p) => p[1] ?? 0);
  return [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
}

/** A single-region user (a city's duty officer) starts zoomed on that region; national users see the country. */
function focus(scope: string[], regions: Region[]): { center?: [number, number]; zoom?: number } {
  if (scope.includes('*') || scope.length !== 1) return {};
  const region = regions.find((r) => r.code === scope[0]);
  if (!region) return {};
  const city = ['KZ-71', 'KZ-75', 'KZ-79'].includes(region.code);
  return { center: region.centroid, zoom: city ? 30 : 3 };
}

/**
 * The overview's projection, shaded by the alerts of the window per region, with the alerts (coloured by kind),
 * the sources (small squares; silent ones ringed red) and the restricted zones (outline and marker) on top. Item
 * names are `alert:<id>`, `source:<id>` and `zone:<id>`, so a click knows what was clicked.
 */
export function buildLiveMapOption({
  geojson,
  regions,
  scope,
  alerts,
  sources,
  zones,
  i18n,
}: LiveMapInput): LiveMapOption {
  const { t, tOr, formatNumber, formatDateTime, regionName } = i18n;
  const counts: Record<string, number> = {};
  for (const alert of alerts) counts[alert.region] = (counts[alert.region] ?? 0) + 1;
  const base = buildMapOption({ geojson, counts, regions, scope, i18n: { ...i18n, t: i18n.tCore } });
  const geo = (Array.isArray(base.geo) ? base.geo[0] : base.geo) ?? {};
  const visualMap = (Array.isArray(base.visualMap) ? base.visualMap[0] : base.visualMap) ?? {};
  const baseSeries = Array.isArray(base.series) ? base.series : [];

  const alertById = new Map(alerts.map((a) => [a.id, a]));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const zoneById = new Map(zones.map((z) => [z.id, z]));

  const tooltip = (name: string): string => {
    const [type, id = ''] = name.split(/:(.*)/s);
    if (type === 'alert') {
      const alert = alertById.get(id);
      if (!alert) return '';
      return [
        `<strong>${escapeHtml(tOr(`kind.${alert.kind}`, alert.kind))}</strong>`,
        escapeHtml(alert.label),
        escapeHtml(`${regionName(alert.region)} · ${formatDateTime(alert.createdAt)}`),
      ].join('<br/>');
    }
    if (type === 'source') {
      const source = sourceById.get(id);
      if (!source) return '';
      return [
        `<strong>${escapeHtml(source.name)}</strong>`,
        escapeHtml(t('live.tooltipSource', { kind: tOr(`sourceKind.${source.kind}`, source.kind) })),
        escapeHtml(t('live.tooltipLastHour', { count: formatNumber(source.health.messagesLastHour) })),
        source.health.silent
          ? escapeHtml(t('live.tooltipSilent', { seconds: source.health.expectedEverySeconds }))
          : '',
      ]
        .filter(Boolean)
        .join('<br/>');
    }
    if (type === 'zone') {
      const zone = zoneById.get(id);
      if (!zone) return '';
      return [
        `<strong>${escapeHtml(zone.name)}</strong>`,
        escapeHtml(t('live.tooltipZone', { kind: tOr(`zoneKind.${zone.kind}`, zone.kind) })),
        escapeHtml(t('live.tooltipIncursions', { count: formatNumber(zone.incursions30d) })),
      ].join('<br/>');
    }
    return [
      `<strong>${escapeHtml(regionName(name))}</strong>`,
      escapeHtml(t('live.tooltipAlerts', { count: formatNumber(counts[name] ?? 0) })),
    ].join('<br/>');
  };

  const located = alerts.filter(
    (a): a is LiveAlert & { location: NonNullable<LiveAlert['location']> } => a.location !== null,
  );
  return {
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (raw) => tooltip(String((Array.isArray(raw) ? raw[0] : raw)?.name ?? '')),
    },
    visualMap: {
      ...visualMap,
      seriesIndex: [0],
      text: [t('live.legendHigh'), t('live.legendLow')],
      // Lighter than the overview's reds: here the regions are the background and the points are the news.
      inRange: { color: ['#f1f3f5', '#fde0d2', '#fcbba1', '#fc9272'] },
    },
    geo: { ...geo, roam: true, scaleLimit: { min: 1, max: 400 }, ...focus(scope, regions) },
    series: [
      ...baseSeries.slice(0, 1),
      {
        type: 'lines',
        coordinateSystem: 'geo',
        polyline: true,
        silent: true,
        lineStyle: { color: ZONE_COLOUR, width: 2, opacity: 0.9 },
        data: zones.flatMap((zone) =>
          rings(zone.geometry).map((ring) => ({ name: `zone:${zone.id}`, coords: ring })),
        ),
        zlevel: 1,
      },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: 'diamond',
        symbolSize: 14,
        itemStyle: { color: 'rgba(140, 81, 10, 0.35)', borderColor: ZONE_COLOUR, borderWidth: 2 },
        data: zones.map((zone) => ({ name: `zone:${zone.id}`, value: zoneCentre(zone.geometry) })),
        zlevel: 1,
      },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: 'rect',
        symbolSize: 7,
        data: sources
          .filter((s) => s.location !== null)
          .map((s) => ({
            name: `source:${s.id}`,
            value: [s.location?.lon ?? 0, s.location?.lat ?? 0],
            itemStyle: s.health.silent
              ? { color: '#ffffff', borderColor: '#a4161a', borderWidth: 2.5 }
              : { color: '#2f3e4e', borderColor: '#ffffff', borderWidth: 1 },
            ...(s.health.silent ? { symbolSize: 10 } : {}),
          })),
        zlevel: 2,
      },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        cursor: 'pointer',
        // The newest on top: the list is newest first, so draw it reversed.
        data: [...located].reverse().map((a) => ({
          name: `alert:${a.id}`,
          value: [a.location.lon, a.location.lat],
          symbolSize: SEVERITY_SIZE[a.severity] ?? 12,
          itemStyle: { color: alertColour(a.kind), borderColor: '#ffffff', borderWidth: 1.5, opacity: 0.92 },
        })),
        emphasis: { scale: 1.4 },
        zlevel: 3,
      },
    ],
  };
}
