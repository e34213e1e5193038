import { readFileSync } from 'node:fs';
import { parseCsv, present } from '../../../core/lang/index.js';
import { frequencyOf, nextPeriod, periodsBetween, seasonLength, type Frequency } from './periods.js';

export interface Series {
  id: string;
  frequency: Frequency;
  periods: string[];
  values: number[];
}

/**
 * Reads `series_id,period,value` rows into regular series. Rows may come in any order; missing periods inside a
 * series are counted as zero (a month with no registered offence), which the output says.
 */
export function readSeriesCsv(path: string): { series: Series[]; filledGaps: number } {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const columns = ['series_id', 'period', 'value'].map((name) => header?.indexOf(name) ?? -1);
  if (columns.some((index) => index < 0)) throw new Error(`${path}: expected columns series_id,period,value`);
  const [idColumn, periodColumn, valueColumn] = columns as [number, number, number];
  const grouped = new Map<string, Map<string, number>>();
  rows.forEach((cells, index) => {
    const value = Number(cells[valueColumn]);
    if (!Number.isFinite(value))
      throw new Error(`${path}: line ${index + 2}: value "${cells[valueColumn] ?? ''}" is not a number`);
    const id = present(cells[idColumn], `${path}: line ${index + 2}: series_id`);
    const period = present(cells[periodColumn], `${path}: line ${index + 2}: period`);
    frequencyOf(period);
    const values = grouped.get(id) ?? new Map<string, number>();
    values.set(period, (values.get(period) ?? 0) + value);
    grouped.set(id, values);
  });
  let filledGaps = 0;
  const series = [...grouped].map(([id, values]) => {
    const sorted = [...values.keys()].sort();
    // A series is grouped only once it has a row.
    const first = present(sorted[0], `${path}: the first period of ${id}`);
    const last = present(sorted[sorted.length - 1], `${path}: the last period of ${id}`);
    const frequency = frequencyOf(first);
    const length = periodsBetween(first, last, frequency) + 1;
    const periods = Array.from({ length }, (_, i) => nextPeriod(first, frequency, i));
    filledGaps += length - values.size;
    return { id, frequency, periods, values: periods.map((period) => values.get(period) ?? 0) };
  });
  return { series, filledGaps };
}

export const seasonOf = (series: Series): number => seasonLength(series.frequency);
