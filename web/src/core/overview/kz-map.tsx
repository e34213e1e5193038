import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n';
import type { Region } from '../../app/types';
import { init, registerMap, type GeoJson } from './echarts-setup';
import { buildMapOption, inScope, type RegionFeatureCollection } from './map-option';

interface KzMapProps {
  geojson: RegionFeatureCollection;
  counts: Record<string, number>;
  regions: Region[];
  scope: string[];
  onRegionClick: (code: string) => void;
}

export function KzMap({ geojson, counts, regions, scope, onRegionClick }: KzMapProps) {
  const i18n = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof init> | null>(null);
  const clickRef = useRef({ onRegionClick, scope });
  clickRef.current = { onRegionClick, scope };
  const [rendered, setRendered] = useState(false);

  // One chart per geometry; resized with its card and disposed with the page.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    registerMap('kz', geojson as unknown as GeoJson);
    const chart = init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      const code = params.name;
      if (code && inScope(clickRef.current.scope, code)) clickRef.current.onRegionClick(code);
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
    chartRef.current?.setOption(buildMapOption({ geojson, counts, regions, scope, i18n }), {
      notMerge: true,
    });
  }, [geojson, counts, regions, scope, i18n]);

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
