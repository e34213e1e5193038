/**
 * The two real monthly crime data sets of the accuracy table (shared/data/crime/SOURCES.md): New South Wales offences
 * by type (fpp3 `nsw_offences`, 21 series × 348 months) and Russia's national counts by crime type (15 series × 205
 * months). Read from shared/ at run time; only figures go into the results file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv, present } from '../../../core/lang/index.js';

export interface NamedSeries {
  id: string;
  /** `YYYY-MM` of the first value. */
  start: string;
  values: number[];
}

export interface DataSet {
  name: string;
  source: string;
  series: NamedSeries[];
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function benchmarksDir(): string | null {
  const dir = join(
    process.env.QADAGALAU_SHARED_DATA ??
      resolve(fileURLToPath(new URL('../../../../../shared/data', import.meta.url))),
    'crime',
    'benchmarks',
  );
  return existsSync(dir) ? dir : null;
}

/** Months since year 0, so consecutive months differ by one whatever the source's date format. */
const monthIndex = (year: number, month: number) => year * 12 + month - 1;
const period = (index: number) =>
  `${String(Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The `YYYY-MM` that is `steps` months after `start` (a `YYYY-MM`). */
export function periodAfter(start: string, steps: number): string {
  const [year, month] = start.split('-').map(Number) as [number, number];
  return period(monthIndex(year, month) + steps);
}

/** Builds regular series from (id, month index, value) rows and refuses gaps: a benchmark must not invent data. */
function regular(name: string, rows: { id: string; month: number; value: number }[]): NamedSeries[] {
  const grouped = new Map<string, Map<number, number>>();
  for (const row of rows) {
    const values = grouped.get(row.id) ?? new Map<number, number>();
    if (values.has(row.month)) throw new Error(`${name}: ${row.id} has ${period(row.month)} twice`);
    values.set(row.month, row.value);
    grouped.set(row.id, values);
  }
  return [...grouped].map(([id, values]) => {
    const sorted = [...values].sort((a, b) => a[0] - b[0]);
    const months = sorted.map(([month]) => month);
    // A series is grouped only once it has a row.
    const first = present(months[0], `${name}: the first month of ${id}`);
    const last = present(months[months.length - 1], `${name}: the last month of ${id}`);
    if (last - first + 1 !== months.length) throw new Error(`${name}: ${id} has gaps`);
    return { id, start: period(first), values: sorted.map(([, value]) => value) };
  });
}

export function loadNsw(dir: string): DataSet {
  const [header, ...rows] = parseCsv(readFileSync(join(dir, 'nsw_offences.csv'), 'utf8'));
  const columns = present(header, 'nsw_offences.csv: the header');
  const column = (name: string) => columns.indexOf(name);
  const [monthColumn, typeColumn, countColumn] = [column('Month'), column('Type'), column('Count')];
  const series = regular(
    'nsw_offences.csv',
    rows.map((cells) => {
      const [year, month] = present(cells[monthColumn], 'nsw_offences.csv: a Month').split(' ') as [
        string,
        string,
      ];
      const value = Number(cells[countColumn]);
      if (!Number.isFinite(value)) throw new Error(`nsw_offences.csv: Count "${String(cells[countColumn])}"`);
      return {
        id: present(cells[typeColumn], 'nsw_offences.csv: a Type'),
        month: monthIndex(Number(year), monthNames.indexOf(month) + 1),
        value,
      };
    }),
  );
  return { name: 'NSW offences', source: 'fpp3 nsw_offences (BOCSAR), 1995-01…2023-12', series };
}

export function loadRussia(dir: string): DataSet {
  const [header, ...rows] = parseCsv(readFileSync(join(dir, 'russia_crime_2003_2020.csv'), 'utf8'));
  const columns = present(header, 'russia_crime_2003_2020.csv: the header');
  const types = columns.filter((name) => name !== 'month');
  const series = regular(
    'russia_crime_2003_2020.csv',
    rows.flatMap((cells) => {
      const [, month, year] = present(cells[0], 'russia_crime_2003_2020.csv: a month')
        .split('.')
        .map(Number) as [number, number, number];
      return types.map((id) => {
        const value = Number(cells[columns.indexOf(id)]);
        if (!Number.isFinite(value))
          throw new Error(`russia_crime_2003_2020.csv: ${id} "${String(cells[columns.indexOf(id)])}"`);
        return { id, month: monthIndex(year, month), value };
      });
    }),
  );
  return { name: 'Russia', source: 'Kaggle crime-in-russia-20032020, 2003-01…2020-01', series };
}
