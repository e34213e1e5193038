import type { TrendOption } from './charts-setup';
import type { Measures } from '../../../../src/modules/supervision/supervision.contract.js';

const AXIS = {
  axisLabel: { fontSize: 10, color: '#6b7a8c' },
  axisTick: { show: false },
  axisLine: { lineStyle: { color: '#c3ccd7' } },
};
const VALUE_AXIS = {
  type: 'value' as const,
  minInterval: 1,
  axisLabel: { fontSize: 10, color: '#6b7a8c' },
  splitLine: { lineStyle: { color: '#edf1f5' } },
};
// One hue per probation rule, the purples of the live map.
const PROBATION_COLOURS: Record<string, string> = {
  probation_curfew: '#7b3294',
  probation_exclusion: '#c2a5cf',
  probation_area: '#9e4fb8',
};

type DayFormat = (iso: string) => string;

/** The wanted list's active entries by day: the reform's headline figure. */
export function wantedOption(
  overTime: Measures['wanted']['overTime'],
  label: string,
  day: DayFormat,
): TrendOption {
  return {
    grid: { left: 36, right: 12, top: 12, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: overTime.map((d) => day(d.day)), boundaryGap: false, ...AXIS },
    yAxis: VALUE_AXIS,
    series: [
      {
        name: label,
        type: 'line',
        data: overTime.map((d) => d.active),
        showSymbol: false,
        itemStyle: { color: '#164e7a' },
        lineStyle: { width: 2 },
        areaStyle: { color: 'rgba(22, 78, 122, 0.08)' },
      },
    ],
  };
}

/** Hits per week of the given rules, stacked; weeks with none still show, so gaps read as zero. */
export function weeklyOption(
  weekly: Measures['weekly'],
  rules: readonly string[],
  name: (rule: string) => string,
  day: DayFormat,
): TrendOption {
  const weeks = [...new Set(weekly.map((w) => w.week))].sort();
  const hits = new Map(weekly.map((w) => [`${w.week}|${w.rule}`, w.hits]));
  return {
    grid: { left: 32, right: 8, top: rules.length > 1 ? 28 : 12, bottom: 22 },
    legend:
      rules.length > 1
        ? { top: 0, left: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11, color: '#4a5868' } }
        : { show: false },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: weeks.map(day), ...AXIS },
    yAxis: VALUE_AXIS,
    series: rules.map((rule) => ({
      name: name(rule),
      type: 'bar' as const,
      stack: 'hits',
      barMaxWidth: 22,
      data: weeks.map((week) => hits.get(`${week}|${rule}`) ?? 0),
      itemStyle: { color: PROBATION_COLOURS[rule] ?? '#8c510a' },
    })),
  };
}
