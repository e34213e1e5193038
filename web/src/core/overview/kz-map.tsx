import { useMemo } from 'react';
import { useI18n } from '../../app/i18n';
import type { Region } from '../../app/types';
import { EChart } from '../../components/echart';
import { registerMap, type GeoJson, type MapOption } from './echarts-setup';
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
  const option = useMemo<MapOption>(() => {
    registerMap('kz', geojson as unknown as GeoJson);
    return buildMapOption({ geojson, counts, regions, scope, i18n });
  }, [geojson, counts, regions, scope, i18n]);

  return (
    <EChart
      option={option}
      className="kz-map"
      testId="kz-map"
      label={i18n.t('overview.mapTitle')}
      data={{ regions: geojson.features.length }}
      onItemClick={(code) => {
        if (inScope(scope, code)) onRegionClick(code);
      }}
    />
  );
}
