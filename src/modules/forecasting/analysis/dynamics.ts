import { present, type Sql } from '../../../core/index.js';
import type { Change, DynamicsView, PeriodFigures } from '../forecasting.contract.js';
import { populationOf } from '../catalogue/catalogue.js';
import { isComplete, nextPeriod, seasonLength } from '../engine/periods.js';
import {
  childDimensions,
  childHistories,
  childSlice,
  dataRange,
  sliceHistory,
  type History,
} from '../series/counts.repository.js';
import { labelOf, seriesKey, type Slice } from '../series/slice.js';

const rateOf = (count: number, population: number | undefined) =>
  population ? Math.round((count / population) * 10_000 * 1000) / 1000 : null;

function change(current: number, previous: number | undefined): Change | null {
  if (previous === undefined) return null;
  return {
    previous,
    difference: current - previous,
    percent: previous > 0 ? Math.round(((current - previous) / previous) * 1000) / 10 : null,
  };
}

function figures(
  history: History,
  index: number,
  population: number | undefined,
  lag: number,
): PeriodFigures {
  const count = history.values[index] ?? 0;
  return {
    period: present(history.periods[index], `the period at ${String(index)}`),
    count,
    rate: rateOf(count, population),
    monthOnMonth: change(count, index >= 1 ? history.values[index - 1] : undefined),
    yearOnYear: change(count, index >= lag ? history.values[index - lag] : undefined),
  };
}

/** Counts, rates per 10,000, changes and shares for a slice and the next level down along its area and category. */
export async function dynamicsOf(sql: Sql, slice: Slice, now = new Date()): Promise<DynamicsView> {
  const population = populationOf(slice.region, slice.district);
  const head = { ...slice, key: seriesKey(slice), label: labelOf(slice), population: population ?? null };
  const range = await dataRange(sql, slice.frequency);
  if (!range) return { slice: head, latest: null, history: [], children: [] };
  const history = await sliceHistory(sql, slice, range);
  const latestIndex = lastCompleteIndex(history, slice, now);
  const lag = seasonLength(slice.frequency);
  const children: DynamicsView['children'] = [];
  for (const dimension of Object.values(childDimensions(slice))) {
    const histories = await childHistories(sql, slice, dimension, range);
    const items = [...histories].map(([code, childHistory]) => {
      const child = childSlice(slice, dimension, code);
      const childFigures = figures(
        childHistory,
        latestIndex,
        dimension === 'region' || dimension === 'district'
          ? populationOf(child.region, child.district)
          : population,
        lag,
      );
      const parent = history.values[latestIndex] ?? 0;
      const label = labelOf(child);
      return {
        code,
        label: dimension === 'region' || dimension === 'district' ? label.area : label.category,
        share: parent > 0 ? childFigures.count / parent : null,
        ...childFigures,
      };
    });
    items.sort((a, b) => b.count - a.count);
    children.push({ dimension, items });
  }
  const latest = latestIndex >= 0 ? figures(history, latestIndex, population, lag) : null;
  return {
    slice: head,
    latest: latest ? { ...latest, ...(await shares(sql, slice, range, latestIndex, latest.count)) } : null,
    // fillRange gives a count for every period.
    history: history.periods.map((period, i) => {
      const count = history.values[i] ?? 0;
      return {
        period,
        count,
        rate: rateOf(count, population),
        complete: isComplete(period, slice.frequency, now),
      };
    }),
    children,
  };
}

export function lastCompleteIndex(history: History, slice: Pick<Slice, 'frequency'>, now: Date): number {
  return history.periods.findLastIndex((period) => isComplete(period, slice.frequency, now));
}

/** The slice's share of the same category in the wider area, and of all offences in the same area. */
async function shares(
  sql: Sql,
  slice: Slice,
  range: { first: string; last: string },
  index: number,
  count: number,
) {
  const widerArea: Slice | null =
    slice.district !== null ? { ...slice, district: null } : slice.region ? { ...slice, region: null } : null;
  const widerCategory: Slice | null = slice.article
    ? { ...slice, article: null }
    : slice.chapter
      ? { ...slice, chapter: null }
      : null;
  const share = async (wider: Slice | null) => {
    if (!wider) return null;
    const period = nextPeriod(range.first, slice.frequency, index);
    const [total = 0] = (await sliceHistory(sql, wider, { first: period, last: period })).values;
    return total > 0 ? count / total : null;
  };
  return { shareOfArea: await share(widerArea), shareOfCategory: await share(widerCategory) };
}
