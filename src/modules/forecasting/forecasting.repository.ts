import { alertRegions, type Sql } from '../../core/index.js';
import type { Frequency } from './engine/periods.js';

/** The map's and the departures table's reads: region totals, and what the detector expected of each series. */

export interface RegionPeriodCount {
  region: string;
  period: string;
  count: number;
}

/** Each region's count in the given periods, for one chapter or all offences. */
export async function regionCounts(
  sql: Sql,
  frequency: Frequency,
  periods: readonly [string, string],
  chapter: string | null,
): Promise<RegionPeriodCount[]> {
  return sql.query<RegionPeriodCount>(
    `select region, period, sum(count)::int as count from offence_counts where frequency = $1 and period in ($2, $3) and ($4::text is null or chapter = $4) group by region, period`,
    [frequency, periods[0], periods[1], chapter],
  );
}

export interface RegionExpectationRow {
  region: string;
  score: number;
  expected: number;
  lo95: number;
  hi95: number;
}

/** The detector's judgement of each region's total (or chapter) in a period: the country's own series left out. */
export async function regionExpectations(
  sql: Sql,
  frequency: Frequency,
  period: string,
  chapter: string | null,
): Promise<RegionExpectationRow[]> {
  return sql.query<RegionExpectationRow>(
    `select region, score, expected, lo95, hi95 from forecast_expectations where frequency = $1 and period = $2 and district = '' and article = '' and chapter = $3 and region <> 'KZ'`,
    [frequency, period, chapter ?? ''],
  );
}

export interface DepartureRow {
  series_key: string;
  observed: number;
  expected: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
  score: number;
  model: string;
  complete: boolean;
  anomaly_id: string | null;
  alert_id: string | null;
  alert_region: string | null;
}

/**
 * The largest departures from expectation in a period among series of some size, each with the anomaly recorded for
 * it (the first by kind) and that anomaly's alert and the alert's region.
 */
export async function largestDepartures(
  sql: Sql,
  frequency: Frequency,
  period: string,
  limit: number,
): Promise<DepartureRow[]> {
  const rows = await sql.query<Omit<DepartureRow, 'alert_region'>>(
    `select e.*, a.id as anomaly_id, a.alert_id from forecast_expectations e
     left join lateral (select f.id, f.alert_id from forecast_anomalies f
       where f.series_key = e.series_key and f.frequency = e.frequency and f.period = e.period order by f.kind limit 1) a on true
     where e.frequency = $1 and e.period = $2 and greatest(e.observed, e.expected) >= 10 order by abs(e.score) desc limit $3`,
    [frequency, period, limit],
  );
  const regions = await alertRegions(
    sql,
    rows.flatMap((row) => (row.alert_id ? [row.alert_id] : [])),
  );
  return rows.map((row) => ({
    ...row,
    alert_region: row.alert_id ? (regions.get(row.alert_id) ?? null) : null,
  }));
}
