import type { SeriesOption } from './charts-setup';
import type { ForecastingI18n } from './i18n';
import { seriesColumns, type Cell, type SeriesColumns } from './series-columns';
import type { ForecastView } from '../../../../src/modules/forecasting/forecasting.contract.js';

const COLOURS = {
  history: '#164e7a',
  mean: '#164e7a',
  band80: 'rgba(22, 78, 122, 0.28)',
  band95: 'rgba(22, 78, 122, 0.12)',
  band80Key: '#9fb6cd',
  band95Key: '#d3deea',
  partial: '#b45309',
  flagged: '#cb181d',
  forecastArea: 'rgba(107, 122, 140, 0.06)',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One period's figures: registered or so far, the forecast with its ranges, and what was flagged. */
function tooltipFor(i: number, cols: SeriesColumns, view: ForecastView, i18n: ForecastingI18n): string {
  const { t, formatNumber: n } = i18n;
  const period = cols.periods[i] ?? '';
  const lines = [`<strong>${escapeHtml(i18n.period(period, view.slice.frequency))}</strong>`];
  const add = (text: string) => lines.push(escapeHtml(text));
  const observed = cols.observed[i];
  const partial = cols.partial[i];
  if (observed != null && i < cols.historyLength) add(`${t('series.history')}: ${n(observed)}`);
  if (partial != null) add(`${t('series.partial')}: ${n(partial)}`);
  const point = view.forecast.find((p) => p.period === period);
  if (point) {
    add(`${t('series.mean')}: ${n(point.mean)}`);
    add(`${t('series.band80')}: ${n(point.lo80)}–${n(point.hi80)}`);
    add(`${t('series.band95')}: ${n(point.lo95)}–${n(point.hi95)}`);
  }
  for (const { point: f } of cols.flagged.filter((x) => x.i === i))
    add(`● ${t(`kind.${f.kind}`)} (${t(`direction.${f.direction}`)})`);
  return lines.join('<br/>');
}

/** A fan as two stacked lines: the lower bound invisible, the width filled above it. */
function band(name: string, lower: Cell[], width: Cell[], colour: string, stack: string) {
  const common = {
    name,
    type: 'line' as const,
    stack,
    symbol: 'none',
    silent: true,
    itemStyle: { color: colour },
  };
  return [
    { ...common, data: lower, lineStyle: { opacity: 0 }, tooltip: { show: false } },
    { ...common, data: width, lineStyle: { opacity: 0 }, areaStyle: { color: colour } },
  ];
}

/**
 * History as a line, the forecast's mean dashed inside its 80 % and 95 % fans, the period still filling as a
 * hollow point, flagged periods as red markers, and the forecast's stretch shaded.
 */
export function buildSeriesOption(view: ForecastView, i18n: ForecastingI18n): SeriesOption {
  const { t } = i18n;
  const cols = seriesColumns(view);
  const first = view.forecast[0]?.period;
  const last = view.forecast[view.forecast.length - 1]?.period;
  const axisText = { fontSize: 10, color: '#6b7a8c' };

  return {
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 14,
      itemHeight: 8,
      textStyle: { fontSize: 11, color: '#4a5868' },
      data: [
        t('series.history'),
        t('series.partial'),
        t('series.mean'),
        // The fans are translucent on the chart; their legend keys are drawn opaque so they can be told apart.
        { name: t('series.band80'), itemStyle: { color: COLOURS.band80Key } },
        { name: t('series.band95'), itemStyle: { color: COLOURS.band95Key } },
        t('series.flagged'),
      ],
    },
    tooltip: {
      trigger: 'axis',
      formatter: (raw) => {
        const at = ((Array.isArray(raw) ? raw[0] : raw) as { axisValue?: string } | undefined)?.axisValue;
        return tooltipFor(cols.index.get(at ?? '') ?? 0, cols, view, i18n);
      },
    },
    xAxis: {
      type: 'category',
      data: cols.periods,
      boundaryGap: false,
      axisLabel: {
        ...axisText,
        hideOverlap: true,
        formatter: (p: string) => i18n.period(p, view.slice.frequency, true),
      },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#c3ccd7' } },
    },
    yAxis: {
      type: 'value',
      scale: true,
      minInterval: 1,
      axisLabel: axisText,
      splitLine: { lineStyle: { color: '#edf1f5' } },
    },
    series: [
      ...band(t('series.band95'), cols.lo95, cols.width95, COLOURS.band95, 'b95'),
      ...band(t('series.band80'), cols.lo80, cols.width80, COLOURS.band80, 'b80'),
      {
        name: t('series.history'),
        type: 'line',
        data: cols.observed,
        symbol: 'circle',
        symbolSize: 4,
        showSymbol: false,
        itemStyle: { color: COLOURS.history },
        lineStyle: { width: 2 },
      },
      {
        name: t('series.mean'),
        type: 'line',
        data: cols.mean,
        symbol: 'none',
        itemStyle: { color: COLOURS.mean },
        lineStyle: { width: 2, type: 'dashed' },
        markArea:
          first && last
            ? {
                silent: true,
                itemStyle: { color: COLOURS.forecastArea },
                label: { show: true, position: 'insideTop', color: '#6b7a8c', fontSize: 11 },
                data: [[{ name: t('series.forecastArea'), xAxis: first }, { xAxis: last }]],
              }
            : undefined,
      },
      {
        name: t('series.partial'),
        type: 'line',
        data: cols.partial,
        symbol: 'emptyCircle',
        symbolSize: 10,
        showSymbol: true,
        itemStyle: { color: COLOURS.partial, borderWidth: 2 },
        label: {
          show: true,
          position: 'bottom',
          formatter: t('series.partialMark'),
          color: COLOURS.partial,
          fontSize: 10,
        },
      },
      {
        name: t('series.flagged'),
        type: 'scatter',
        data: cols.flagged.map(({ i }) => [cols.periods[i] ?? '', cols.observed[i] ?? 0]),
        symbol: 'circle',
        symbolSize: 9,
        itemStyle: { color: COLOURS.flagged, borderColor: '#ffffff', borderWidth: 1 },
        z: 5,
      },
    ],
  };
}
