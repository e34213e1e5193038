import type { I18n } from '../../app/i18n';
import type { Region } from '../../app/types';
import type { MapOption } from './echarts-setup';

export interface RegionFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    properties: { code: string; name_kk: string; name_ru: string; name_en: string };
  }[];
}

export interface MapInput {
  geojson: RegionFeatureCollection;
  counts: Record<string, number>;
  regions: Region[];
  /** The user's region scope; regions outside it are drawn apart, since their counts are not visible to the user. */
  scope: string[];
  i18n: I18n;
}

// Kazakhstan spans roughly 40°–56° N; scaling longitude by cos(48°) keeps the country's shape true at its middle
// latitude instead of ECharts' default 0.75.
const ASPECT_SCALE = Math.cos((48 * Math.PI) / 180);
const OUT_OF_SCOPE = '#dfe3e8';
// ISO 3166-2:KZ codes of the three cities of republican significance: Astana, Almaty, Shymkent.
const CITY_CODES = new Set(['KZ-71', 'KZ-75', 'KZ-79']);

export function inScope(scope: string[], code: string): boolean {
  return scope.includes('*') || scope.includes(code);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function buildMapOption({ geojson, counts, regions, scope, i18n }: MapInput): MapOption {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const features = new Map(geojson.features.map((f) => [f.properties.code, f.properties]));
  const nameOf = (code: string): string => {
    const region = byCode.get(code);
    if (region) return i18n.pick(region.name);
    const props = features.get(code);
    return props ? props[`name_${i18n.locale}`] : code;
  };

  const codes = geojson.features.map((f) => f.properties.code);
  // Regions outside the user's scope get no value (so no colour from the scale) and a flat grey of their own:
  // they are not "zero alerts", they are "not yours to see".
  const outOfScope = codes.filter((code) => !inScope(scope, code));
  const data = codes
    .filter((code) => inScope(scope, code))
    .map((code) => ({ name: code, value: counts[code] ?? 0 }));
  const max = Math.max(1, ...data.map((d) => d.value));

  const tooltip = (code: string): string => {
    const lines = [`<strong>${escapeHtml(nameOf(code))}</strong>`];
    if (!inScope(scope, code)) return [...lines, escapeHtml(i18n.t('overview.outOfScope'))].join('<br/>');
    const count = counts[code] ?? 0;
    lines.push(escapeHtml(i18n.t('overview.tooltipOpen', { count: i18n.formatNumber(count) })));
    const population = byCode.get(code)?.population;
    if (population) {
      const rate = i18n.formatNumber((count / population) * 100_000, 2);
      lines.push(escapeHtml(i18n.t('overview.tooltipRate', { rate })));
    }
    return lines.join('<br/>');
  };

  // Astana, Almaty and Shymkent (cities of republican significance) are a few pixels on a national map, yet
  // they carry a large share of alerts; a marker at the centroid keeps them visible and clickable.
  const cityMarkers = regions
    .filter((r) => CITY_CODES.has(r.code) && inScope(scope, r.code))
    .map((r) => ({ name: r.code, value: [r.centroid[0], r.centroid[1], counts[r.code] ?? 0] }));

  return {
    tooltip: {
      trigger: 'item',
      formatter: (raw) => tooltip(String((Array.isArray(raw) ? raw[0] : raw)?.name ?? '')),
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      left: 8,
      bottom: 8,
      itemHeight: 90,
      seriesIndex: [0, 1],
      text: [i18n.t('overview.legendHigh'), i18n.t('overview.legendLow')],
      textStyle: { color: '#4a5568', fontSize: 11 },
      calculable: false,
      // Sequential reds (ColorBrewer Reds): zero stays close to the page's neutral so empty regions recede.
      inRange: { color: ['#f1f3f5', '#fcbba1', '#fb6a4a', '#cb181d', '#67000d'] },
    },
    geo: {
      map: 'kz',
      nameProperty: 'code',
      aspectScale: ASPECT_SCALE,
      roam: false,
      // Fill the card (the box keeps the map's aspect ratio); the left margin leaves room for the legend.
      left: 72,
      right: 8,
      top: 8,
      bottom: 8,
      selectedMode: false,
      label: { show: false },
      itemStyle: { borderColor: '#ffffff', borderWidth: 1, areaColor: '#f1f3f5' },
      emphasis: {
        label: {
          show: true,
          formatter: (p: { name: string }) => nameOf(p.name),
          color: '#111827',
          fontWeight: 600,
        },
        itemStyle: { areaColor: '#f6c667' },
      },
      regions: outOfScope.map((code) => ({
        name: code,
        itemStyle: { areaColor: OUT_OF_SCOPE },
        emphasis: { disabled: true },
      })),
    },
    series: [
      { type: 'map', geoIndex: 0, data },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        symbolSize: 14,
        itemStyle: { borderColor: '#17212b', borderWidth: 1.5 },
        emphasis: { scale: 1.4 },
        data: cityMarkers,
        zlevel: 1,
      },
    ],
  };
}
