import { readFileSync } from 'node:fs';
import { operatorActor, type Platform, regions, type Rng, type Sql } from '../../../core/index.js';
import { detectAnomalies } from '../anomalies/anomalies.service.js';
import { earliestMonthlyAnomalies } from '../anomalies/anomalies.repository.js';
import { recordDecision } from '../anomalies/decisions.service.js';
import type { DecisionAction } from '../forecasting.contract.js';
import { findArticle, districtsOf } from '../catalogue/catalogue.js';
import { nextPeriod, periodOf, periodsBetween } from '../engine/periods.js';
import { replaceSourceCounts, type CountCell } from '../series/counts.repository.js';
import { elapsedShare } from '../anomalies/detector.js';

/** Registered offences by region and article in 2022, from the official form 1-M. */
const registered2022 = (
  JSON.parse(readFileSync(new URL('../catalogue/kz-1m-2022.json', import.meta.url), 'utf8')) as {
    registered: Record<string, Record<string, number>>;
  }
).registered;

/** Articles rarer than two a month in a region are counted under their chapter only, as many regional reports do. */
const OWN_CELL_PER_YEAR = 24;
const DEMO_SOURCE = 'demo-register';
const YEARS_MONTHLY = 6;
const YEARS_WEEKLY = 3;

/**
 * Month-of-year profiles (January first). Corruption follows the real national 2022–2025 series (form 3-K, differenced
 * year-to-date values): registrations peak in January and ebb towards December. The others follow the usual pattern
 * of registered offences in the region: property and violent offences in the warm half of the year, drugs at the
 * wild-hemp harvest in late summer, traffic offences in the icy months and the summer.
 */
const seasonality: Record<string, number[]> = {
  '01': [0.86, 0.84, 0.94, 1.0, 1.08, 1.1, 1.12, 1.1, 1.04, 1.0, 0.96, 0.96],
  '06': [0.9, 0.86, 0.96, 0.98, 1.02, 1.04, 1.08, 1.1, 1.06, 1.04, 0.98, 0.98],
  '10': [0.84, 0.82, 0.92, 1.0, 1.1, 1.14, 1.16, 1.12, 1.02, 0.98, 0.94, 0.96],
  '11': [0.78, 0.76, 0.84, 0.9, 0.98, 1.06, 1.18, 1.3, 1.28, 1.12, 0.92, 0.88],
  '13': [0.6, 0.62, 0.9, 1.3, 1.4, 1.3, 1.2, 1.1, 1.0, 0.96, 0.82, 0.8],
  '14': [1.14, 1.04, 0.94, 0.9, 0.96, 1.02, 1.08, 1.06, 0.98, 0.94, 0.96, 1.0],
  '15': [1.85, 1.52, 1.04, 1.11, 1.07, 1.05, 1.02, 0.71, 0.73, 0.58, 0.82, 0.52],
};
const flat = Array.from({ length: 12 }, () => 1);

/** Yearly growth of registrations, relative to 2022: internet fraud up, theft down (as the 2019–2023 statistics show). */
function growth(article: string, chapter: string): number {
  if (article === '190') return 0.12;
  if (article === '188' || article === '187') return -0.06;
  if (chapter === '14') return 0.03;
  return -0.02;
}

interface Planted {
  region: string;
  what: (chapter: string, article: string, district: string) => boolean;
  /** Months relative to the current one (0 = current, −1 = last complete). */
  from: number;
  to: number;
  factor: number | ((district: string) => number);
  story: string;
}

/** The shifts a demo analyst should find. */
const planted: Planted[] = [
  {
    region: 'KZ-75',
    what: (_c, article) => article === '190',
    from: -4,
    to: 0,
    factor: (district) => (district === 'KZ-75-04' ? 2.2 : 1.3),
    story: 'internet fraud wave in Almaty, strongest in Bostandyk district',
  },
  {
    region: 'KZ-31',
    what: (chapter) => chapter === '11',
    from: -1,
    to: -1,
    factor: 1.9,
    story: 'drug offences spike in Zhambyl at the hemp harvest',
  },
  {
    region: 'KZ-35',
    what: (_c, article) => article === '188',
    from: -6,
    to: 0,
    factor: 0.62,
    story: 'theft registrations fall in Karaganda (check for non-registration)',
  },
  {
    region: 'KZ-79',
    what: (_c, article) => article === '293',
    from: 0,
    to: 0,
    factor: 3,
    story: 'hooliganism surge in Shymkent this month',
  },
  {
    region: 'KZ-47',
    what: (chapter) => chapter === '15',
    from: -1,
    to: -1,
    factor: 3.2,
    story: 'corruption cases jump in Mangystau',
  },
];

function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

/** A count with Poisson noise and 8 % month-to-month over-dispersion, like real registrations. */
function draw(rng: Rng, mean: number): number {
  const lambda = mean * Math.exp(0.08 * gaussian(rng) - 0.0032);
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(rng)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

interface Cell {
  region: string;
  district: string;
  chapter: string;
  article: string;
  /** Expected registrations a year at 2022 levels. */
  yearly: number;
}

/** The finest cells: region × district (by population, '' for the rest) × article (or chapter for rare ones). */
function demoCells(rng: Rng): Cell[] {
  const cells: Cell[] = [];
  for (const region of regions) {
    const byArticle = registered2022[region.code] ?? {};
    const units = districtsOf(region.code).map((district) => ({
      code: district.code,
      share: (district.population / region.population) * (0.8 + 0.4 * rng.next()),
    }));
    const listed = units.reduce((sum, unit) => sum + unit.share, 0);
    if (listed < 1) units.push({ code: '', share: 1 - listed });
    const norm = units.reduce((sum, unit) => sum + unit.share, 0);
    const chapterRest = new Map<string, number>();
    const own: [string, string, number][] = [];
    for (const [code, count] of Object.entries(byArticle)) {
      const chapter = findArticle(code)?.chapter;
      if (!chapter) continue;
      if (count >= OWN_CELL_PER_YEAR) own.push([chapter, code, count]);
      else chapterRest.set(chapter, (chapterRest.get(chapter) ?? 0) + count);
    }
    const lines = [
      ...own,
      ...[...chapterRest].map(([chapter, count]) => [chapter, '', count] as [string, string, number]),
    ];
    for (const unit of units) {
      for (const [chapter, article, count] of lines)
        cells.push({
          region: region.code,
          district: unit.code,
          chapter,
          article,
          yearly: (count * unit.share) / norm,
        });
    }
  }
  return cells;
}

function factorFor(cell: Cell, offset: number): number {
  let factor = 1;
  for (const shift of planted) {
    if (
      shift.region !== cell.region ||
      offset < shift.from ||
      offset > shift.to ||
      !shift.what(cell.chapter, cell.article, cell.district)
    )
      continue;
    factor *= typeof shift.factor === 'number' ? shift.factor : shift.factor(cell.district);
  }
  return factor;
}

/**
 * Several years of monthly counts at the finest grain, and weekly counts by region and chapter, shaped on the real
 * 2022 structure with seasonality, trends and the planted shifts; then the detector judges the recent periods, as it
 * would have when the data arrived, so the inbox, the departures table and the decision log start populated.
 */
export async function seedDemoOffences(
  platform: Platform,
  rng: Rng,
  now = new Date(),
): Promise<{ monthlyRows: number; weeklyRows: number; anomalies: number }> {
  const started = performance.now();
  const cells = demoCells(rng);
  const current = periodOf(now, 'monthly');
  const first = `${String(Number(current.slice(0, 4)) - YEARS_MONTHLY)}-01`;
  const months = periodsBetween(first, current, 'monthly') + 1;
  const share = elapsedShare(current, 'monthly', now);
  const monthly: (CountCell & { count: number })[] = [];
  const weeklyMeans = new Map<string, number>();
  for (const cell of cells) {
    const profile = seasonality[cell.chapter] ?? flat;
    let period = first;
    for (let i = 0; i < months; i++, period = nextPeriod(period, 'monthly')) {
      const offset = i - (months - 1);
      const years = Number(period.slice(0, 4)) + (Number(period.slice(5, 7)) - 0.5) / 12 - 2022.5;
      const mean =
        (cell.yearly / 12) *
        (profile[Number(period.slice(5, 7)) - 1] ?? 1) *
        Math.exp(growth(cell.article, cell.chapter) * years) *
        factorFor(cell, offset);
      const count = draw(rng, offset === 0 ? mean * share : mean);
      if (count > 0)
        monthly.push({
          frequency: 'monthly',
          period,
          region: cell.region,
          district: cell.district,
          chapter: cell.chapter,
          article: cell.article,
          count,
        });
      const key = `${cell.region}|${cell.chapter}|${period}`;
      weeklyMeans.set(key, (weeklyMeans.get(key) ?? 0) + mean);
    }
  }
  const weekly = weeklyCounts(rng, weeklyMeans, now);
  await platform.db.tx(async (sql) => {
    for (let from = 0; from < monthly.length; from += 5000)
      await replaceSourceCounts(sql, DEMO_SOURCE, monthly.slice(from, from + 5000));
    for (let from = 0; from < weekly.length; from += 5000)
      await replaceSourceCounts(sql, DEMO_SOURCE, weekly.slice(from, from + 5000));
  });
  const stored = performance.now();
  let anomalies = 0;
  await platform.bus.tx(async (sql) => {
    // The planted story months before the last, as the detector saw them then; then the last complete and current one.
    for (const back of [4, 3, 2])
      anomalies += (
        await detectAnomalies(sql, 'monthly', plantedCells(), [nextPeriod(current, 'monthly', -back)], now)
      ).anomalies.length;
    anomalies += (
      await detectAnomalies(sql, 'monthly', 'all', [nextPeriod(current, 'monthly', -1), current], now)
    ).anomalies.length;
    const week = periodOf(now, 'weekly');
    anomalies += (await detectAnomalies(sql, 'weekly', 'all', [nextPeriod(week, 'weekly', -1), week], now))
      .anomalies.length;
    await seedDecisions(sql, current);
  });
  platform.log.info(
    {
      monthlyRows: monthly.length,
      weeklyRows: weekly.length,
      anomalies,
      storeSeconds: round((stored - started) / 1000),
      detectSeconds: round((performance.now() - stored) / 1000),
    },
    'demo offence counts seeded',
  );
  return { monthlyRows: monthly.length, weeklyRows: weekly.length, anomalies };
}

function plantedCells() {
  return [...new Set(planted.map((shift) => shift.region))].flatMap((region) =>
    ['06', '11', '15', '10'].map((chapter) => ({ region, district: '', chapter })),
  );
}

/** Weekly counts by region and chapter: each day carries its month's mean spread evenly, with fresh noise. */
function weeklyCounts(
  rng: Rng,
  monthlyMeans: ReadonlyMap<string, number>,
  now: Date,
): (CountCell & { count: number })[] {
  const rows: (CountCell & { count: number })[] = [];
  const lastWeek = periodOf(now, 'weekly');
  const firstWeek = periodOf(
    new Date(Date.UTC(now.getUTCFullYear() - YEARS_WEEKLY, now.getUTCMonth(), now.getUTCDate())),
    'weekly',
  );
  const weeks = periodsBetween(firstWeek, lastWeek, 'weekly') + 1;
  const pairs = new Set([...monthlyMeans.keys()].map((key) => key.split('|').slice(0, 2).join('|')));
  for (const pair of pairs) {
    const [region, chapter] = pair.split('|') as [string, string];
    let week = firstWeek;
    for (let i = 0; i < weeks; i++, week = nextPeriod(week, 'weekly')) {
      let mean = 0;
      for (let d = 0; d < 7; d++) {
        const day = new Date(`${week}T00:00:00Z`);
        day.setUTCDate(day.getUTCDate() + d);
        if (day.getTime() > now.getTime()) break;
        const month = day.toISOString().slice(0, 7);
        const days = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate();
        mean += (monthlyMeans.get(`${region}|${chapter}|${month}`) ?? 0) / days;
      }
      const count = draw(rng, mean);
      if (count > 0)
        rows.push({ frequency: 'weekly', period: week, region, district: '', chapter, article: '', count });
    }
  }
  return rows;
}

/** The decision log starts with what an analyst did about the first alarms of the Almaty fraud wave. */
async function seedDecisions(sql: Sql, current: string) {
  const notes: [DecisionAction, string][] = [
    [
      'information_sent',
      'Sent to the regional police department and the AFM with the districts driving the rise; asked for a joint plan against drop-card schemes.',
    ],
    [
      'preventive_measures',
      'Agreed with the akimat: SMS warnings to residents and talks at banks’ branches in the district.',
    ],
  ];
  const rows = await earliestMonthlyAnomalies(sql, nextPeriod(current, 'monthly', -1), notes.length);
  const actor = { ...operatorActor('demo'), name: 'Analyst (demo)' };
  for (const [index, [action, note]] of notes.entries()) {
    const row = rows[index];
    if (row) await recordDecision(sql, actor, row, action, note);
  }
}

const round = (value: number) => Math.round(value * 10) / 10;
