import { useMemo } from 'react';
import { useSession } from '../../app/auth';
import { useReferenceData } from '../../app/reference-data';
import { buildMapOption, inScope, type RegionFeatureCollection } from '../../core/overview/map-option';
import { registerMap, type GeoJson, type MapOption } from './charts-setup';
import { EChart } from '../../components/echart';
import { useAppealsI18n } from './i18n';
import type { AppealStats } from '../../../../src/modules/appeals/appeals.contract.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The overview's choropleth (same projection, colours, city markers and out-of-scope grey), filled with appeals of
 * high or critical risk; the tooltip gives both counts and the legend is left out, since the card is small.
 */
export function AppealsMap({
  geojson,
  byRegion,
  onRegionClick,
}: {
  geojson: RegionFeatureCollection;
  byRegion: AppealStats['byRegion'];
  onRegionClick: (code: string) => void;
}) {
  const i18n = useAppealsI18n();
  const { regions } = useReferenceData();
  const scope = useSession().user.regions;

  const option = useMemo<MapOption>(() => {
    registerMap('kz', geojson as unknown as GeoJson);
    const counts = Object.fromEntries(Object.entries(byRegion).map(([code, c]) => [code, c.risky]));
    const base = buildMapOption({ geojson, counts, regions, scope, i18n: { ...i18n, t: i18n.tCore } });
    const nameOf = (code: string) => {
      const region = regions.find((r) => r.code === code);
      return region ? i18n.pick(region.name) : code;
    };
    const tooltip = (code: string) => {
      const lines = [`<strong>${escapeHtml(nameOf(code))}</strong>`];
      if (!inScope(scope, code))
        return [...lines, escapeHtml(i18n.tCore('overview.outOfScope'))].join('<br/>');
      const c = byRegion[code] ?? { total: 0, risky: 0 };
      lines.push(escapeHtml(i18n.t('stats.tooltipRisky', { count: i18n.formatNumber(c.risky) })));
      lines.push(escapeHtml(i18n.t('stats.tooltipTotal', { count: i18n.formatNumber(c.total) })));
      return lines.join('<br/>');
    };
    const visualMap = Array.isArray(base.visualMap) ? base.visualMap : base.visualMap ? [base.visualMap] : [];
    const geo = Array.isArray(base.geo) ? base.geo : base.geo ? [base.geo] : [];
    return {
      ...base,
      tooltip: {
        trigger: 'item',
        formatter: (raw) => tooltip(String((Array.isArray(raw) ? raw[0] : raw)?.name ?? '')),
      },
      visualMap: visualMap.map((v) => ({ ...v, show: false })),
      geo: geo.map((g) => ({ ...g, left: 4, right: 4, top: 4, bottom: 4 })),
    };
  }, [geojson, byRegion, regions, scope, i18n]);

  return (
    <EChart
      option={option}
      className="appeals-map"
      label={i18n.t('stats.map')}
      testId="appeals-map"
      onItemClick={(code) => {
        if (inScope(scope, code)) onRegionClick(code);
      }}
    />
  );
}
