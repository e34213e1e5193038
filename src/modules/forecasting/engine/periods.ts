export type Frequency = 'monthly' | 'weekly';

/** Monthly periods are `YYYY-MM`; weekly ones the `YYYY-MM-DD` of the week's first day. */
export function frequencyOf(period: string): Frequency {
  if (/^\d{4}-\d{2}$/.test(period)) return 'monthly';
  if (/^\d{4}-\d{2}-\d{2}$/.test(period) && !Number.isNaN(Date.parse(`${period}T00:00:00Z`))) return 'weekly';
  throw new Error(`period "${period}" is neither YYYY-MM nor YYYY-MM-DD`);
}

/** Observations per seasonal cycle: a year. */
export const seasonLength = (frequency: Frequency): number => (frequency === 'monthly' ? 12 : 52);

export function nextPeriod(period: string, frequency: Frequency, steps = 1): string {
  if (frequency === 'monthly') {
    const [year, month] = period.split('-').map(Number) as [number, number];
    const index = year * 12 + (month - 1) + steps;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  }
  const date = new Date(`${period}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 7 * steps);
  return date.toISOString().slice(0, 10);
}

/** Number of periods from `from` to `to` (positive when `to` is later). */
export function periodsBetween(from: string, to: string, frequency: Frequency): number {
  if (frequency === 'monthly') {
    const [fy, fm] = from.split('-').map(Number) as [number, number];
    const [ty, tm] = to.split('-').map(Number) as [number, number];
    return (ty - fy) * 12 + (tm - fm);
  }
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (7 * 86_400_000));
}

/** The first instant after a period. */
export function periodEnd(period: string, frequency: Frequency): Date {
  const next = nextPeriod(period, frequency);
  return new Date(`${frequency === 'monthly' ? `${next}-01` : next}T00:00:00Z`);
}

/** A period is complete once it has ended: until then its count is still growing. */
export const isComplete = (period: string, frequency: Frequency, now: Date): boolean =>
  periodEnd(period, frequency).getTime() <= now.getTime();

/** The period containing a moment. */
export function periodOf(date: Date, frequency: Frequency): string {
  if (frequency === 'monthly') return date.toISOString().slice(0, 7);
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}
