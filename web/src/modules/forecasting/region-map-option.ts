import type { Region } from '../../app/types';
import { buildMapOption, type RegionFeatureCollection } from '../../core/overview/map-option';
import type { MapOption } from './charts-setup';
import type { ForecastingI18n } from './i18n';
import type { MapMeasure, MapRegion } from '../../../../src/modules/forecasting/forecasting.contract.js';

interface RegionMapInput {
  geojson: RegionFeatureCollection;
  regions: Region[];
  items: MapRegion[];
  measure: MapMeasure;
  selected: string | null;
  i18n: ForecastingI18n;
}

// Rates are sequential (ColorBrewer Reds, as the overview); changes and anomaly scores diverge around zero
// (ColorBrewer RdBu), so a fall reads as blue and a rise as red, and "no change" is the page's neutral.
const SEQUENTIAL = ['#f1f3f5', '#fcbba1', '#fb6a4a', '#cb181d', '#67000d'];
const DIVERGING = ['#2166ac', '#92c5de', '#f7f7f7', '#f4a582', '#b2182b'];
const NO_DATA = '#dfe3e8';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function measureValue(item: MapRegion, measure: MapMeasure): number | null {
  switch (measure) {
    case 'rate':
      return item.rate;
    case 'change':
      return item.yearOnYear;
    case 'anomaly':
      return item.anomalyScore;
  }
}

function scaleOf(values: number[], measure: MapMeasure): { min: number; max: number; colors: string[] } {
  if (measure === 'rate') return { min: 0, max: Math.max(0.1, ...values), colors: SEQUENTIAL };
  // Symmetric, with a floor so that a quiet month is not painted as dramatic: ±5 % and ±3 standard scores.
  const floor = measure === 'change' ? 5 : 3;
  const extent = Math.max(floor, ...values.map(Math.abs));
  return { min: -extent, max: extent, colors: DIVERGING };
}

/** The overview's projection and city markers, coloured by the chosen measure, the selected region outlined. */
export function buildRegionMapOption({
  geojson,
  regions,
  items,
  measure,
  selected,
  i18n,
}: RegionMapInput): MapOption {
  const { t, pick, formatNumber, signedPercent } = i18n;
  const byCode = new Map(items.map((item) => [item.code, item]));
  const values = new Map(items.map((item) => [item.code, measureValue(item, measure)]));
  const present = [...values].filter((entry): entry is [string, number] => entry[1] !== null);
  const base = buildMapOption({
    geojson,
    counts: {},
    regions,
    scope: ['*'],
    i18n: { ...i18n, t: i18n.tCore },
  });
  const scale = scaleOf(
    present.map(([, v]) => v),
    measure,
  );

  const tooltip = (code: string): string => {
    const item = byCode.get(code);
    if (!item) return escapeHtml(code);
    const score = item.anomalyScore === null ? '—' : formatNumber(item.anomalyScore, 2);
    return [
      `<strong>${escapeHtml(pick(item.name))}</strong>`,
      t('map.tooltipCount', { count: formatNumber(item.count) }),
      t('map.tooltipRate', { rate: formatNumber(item.rate, 2) }),
      t('map.tooltipChange', { change: signedPercent(item.yearOnYear) }),
      t('map.tooltipScore', { score }),
      item.expected === null ? '' : t('map.tooltipExpected', { expected: formatNumber(item.expected) }),
    ]
      .filter(Boolean)
      .map((line, i) => (i === 0 ? line : escapeHtml(line)))
      .join('<br/>');
  };

  const geo = (Array.isArray(base.geo) ? base.geo[0] : base.geo) ?? {};
  const outlined = {
    itemStyle: { borderColor: '#17212b', borderWidth: 2.5 },
  };
  const special = [
    ...[...values]
      .filter(([, v]) => v === null)
      .map(([code]) => ({ name: code, itemStyle: { areaColor: NO_DATA } })),
    ...(selected ? [{ name: selected, ...outlined }] : []),
  ];
  const cities = regions
    .filter((r) => ['KZ-71', 'KZ-75', 'KZ-79'].includes(r.code) && values.get(r.code) !== null)
    .map((r) => ({
      name: r.code,
      value: [r.centroid[0], r.centroid[1], values.get(r.code) ?? 0],
      // A city is a few pixels on the national map, so the selected one is shown by its marker.
      ...(r.code === selected ? { symbolSize: 22, itemStyle: { borderWidth: 3 } } : {}),
    }));

  return {
    tooltip: {
      trigger: 'item',
      formatter: (raw) => tooltip(String((Array.isArray(raw) ? raw[0] : raw)?.name ?? '')),
    },
    visualMap: {
      type: 'continuous',
      min: scale.min,
      max: scale.max,
      left: 8,
      bottom: 8,
      itemHeight: 90,
      seriesIndex: [0, 1],
      text: [t(`legend.${measure}.high`), t(`legend.${measure}.low`)],
      textStyle: { color: '#4a5568', fontSize: 11 },
      calculable: false,
      inRange: { color: scale.colors },
    },
    geo: { ...geo, left: 80, right: 8, top: 8, bottom: 8, regions: special },
    series: [
      { type: 'map', geoIndex: 0, data: present.map(([name, value]) => ({ name, value })) },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        symbolSize: 14,
        itemStyle: { borderColor: '#17212b', borderWidth: 1.5 },
        emphasis: { scale: 1.4 },
        data: cities,
        zlevel: 1,
      },
    ],
  };
}
