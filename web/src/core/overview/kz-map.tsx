import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n';
import type { Region } from '../../app/types';
import { init, registerMap, type GeoJson, type MapOption } from './echarts-setup';

export interface RegionFeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { code: string; name_kk: string; name_ru: string; name_en: string } }[];
}

interface KzMapProps {
  geojson: RegionFeatureCollection;
  counts: Record<string, number>;
  regions: Region[];
  onRegionClick: (code: string) => void;
}

// Kazakhstan spans roughly 40°–56° N; scaling longitude by cos(48°) keeps the country's shape true at its middle
// latitude instead of ECharts' default 0.75.
const ASPECT_SCALE = Math.cos((48 * Math.PI) / 180);

export function KzMap({ geojson, counts, regions, onRegionClick }: KzMapProps) {
  const i18n = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof init> | null>(null);
  const clickRef = useRef(onRegionClick);
  clickRef.current = onRegionClick;
  const [rendered, setRendered] = useState(false);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    registerMap('kz', geojson as unknown as GeoJson);
    const chart = init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      if (typeof params.name === 'string' && params.name) clickRef.current(params.name);
    });
    chart.on('finished', () => setRendered(true));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [geojson]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const byCode = new Map(regions.map((r) => [r.code, r]));
    const feature = new Map(geojson.features.map((f) => [f.properties.code, f.properties]));
    const nameOf = (code: string) => {
      const region = byCode.get(code);
      if (region) return i18n.pick(region.name);
      const props = feature.get(code);
      return props ? props[`name_${i18n.locale}`] : code;
    };
    const data = geojson.features.map((f) => ({ name: f.properties.code, value: counts[f.properties.code] ?? 0 }));
    const max = Math.max(1, ...data.map((d) => d.value));

    const option: MapOption = {
      tooltip: {
        trigger: 'item',
        formatter: (raw) => {
          const params = Array.isArray(raw) ? raw[0] : raw;
          const code = String(params?.name ?? '');
          const count = counts[code] ?? 0;
          const lines = [`<strong>${escapeHtml(nameOf(code))}</strong>`, escapeHtml(i18n.t('overview.tooltipOpen', { count: i18n.formatNumber(count) }))];
          const population = byCode.get(code)?.population;
          if (population) {
            const rate = i18n.formatNumber((count / population) * 100_000, 2);
            lines.push(escapeHtml(i18n.t('overview.tooltipRate', { rate })));
          }
          return lines.join('<br/>');
        },
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max,
        left: 8,
        bottom: 8,
        itemHeight: 90,
        text: [i18n.t('overview.legendHigh'), i18n.t('overview.legendLow')],
        textStyle: { color: '#4a5568', fontSize: 11 },
        calculable: false,
        // Sequential reds (ColorBrewer Reds): zero stays close to the page's neutral so empty regions recede.
        inRange: { color: ['#f1f3f5', '#fcbba1', '#fb6a4a', '#cb181d', '#67000d'] },
      },
      series: [
        {
          type: 'map',
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
          itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
          emphasis: {
            label: { show: true, formatter: (p: { name: string }) => nameOf(p.name), color: '#111827', fontWeight: 600 },
            itemStyle: { areaColor: '#f6c667' },
          },
          data,
        },
      ],
    };
    chart.setOption(option, { notMerge: true });
  }, [geojson, counts, regions, i18n]);

  return (
    <div
      ref={container}
      className="kz-map"
      data-testid="kz-map"
      data-regions={geojson.features.length}
      data-rendered={rendered ? 'true' : 'false'}
      role="img"
      aria-label={i18n.t('overview.mapTitle')}
    />
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
