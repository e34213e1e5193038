import { useMemo } from 'react';
import type { TrendOption } from './charts-setup';
import { EChart } from '../../components/echart';
import { useAppealsI18n } from './i18n';
import type { AppealStats } from '../../../../src/modules/appeals/appeals.contract.js';

/** All appeals per week as bars, those with a risk label as a line over them. */
export function WeeklyChart({ byWeek }: { byWeek: AppealStats['byWeek'] }) {
  const i18n = useAppealsI18n();
  const { t, locale } = i18n;

  const option = useMemo<TrendOption>(() => {
    const format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ru-RU', {
      day: '2-digit',
      month: '2-digit',
    });
    const weeks = byWeek.map((w) => format.format(Date.parse(w.week)));
    return {
      grid: { left: 32, right: 8, top: 28, bottom: 22 },
      legend: {
        top: 0,
        left: 0,
        itemWidth: 12,
        itemHeight: 8,
        textStyle: { fontSize: 11, color: '#4a5868' },
      },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: weeks,
        axisLabel: { fontSize: 10, color: '#6b7a8c' },
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#c3ccd7' } },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { fontSize: 10, color: '#6b7a8c' },
        splitLine: { lineStyle: { color: '#edf1f5' } },
      },
      series: [
        {
          name: t('stats.weekTotal'),
          type: 'bar',
          data: byWeek.map((w) => w.total),
          itemStyle: { color: '#9fb6cd', borderRadius: [3, 3, 0, 0] },
          barMaxWidth: 22,
        },
        {
          name: t('stats.weekRisky'),
          type: 'line',
          data: byWeek.map((w) => w.risky),
          itemStyle: { color: '#cb181d' },
          lineStyle: { width: 2 },
          symbolSize: 6,
        },
      ],
    };
  }, [byWeek, t, locale]);

  return (
    <EChart option={option} className="weekly-chart" label={t('stats.weekly')} testId="appeals-weekly" />
  );
}
