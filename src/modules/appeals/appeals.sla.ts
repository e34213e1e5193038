import type { RiskLevel } from './model/risk-level.js';

/**
 * Time to first action by risk level. Low: 15 working days, the ordinary term for considering an appeal under the
 * Administrative Procedural Code of Kazakhstan (art. 76), taken as 21 calendar days; medium: 5 days; high: one day;
 * critical: one hour, because a threat to life cannot wait for the next shift.
 */
export const slaHours: Record<RiskLevel, number> = { critical: 1, high: 24, medium: 5 * 24, low: 21 * 24 };

export const slaDue = (level: RiskLevel, from: Date): Date =>
  new Date(from.getTime() + slaHours[level] * 3_600_000);
