import { canManageSubscriptions, hasPermission } from '../../app/access';
import type { Session } from '../../app/types';

// The module's permissions (src/modules/forecasting/module.ts). The server enforces them and denies by default; the
// screens only hide what would answer 403.

export const canReadForecasting = (s: Session) => hasPermission(s, 'forecasting.read');
export const canDecide = (s: Session) => hasPermission(s, 'forecasting.decide');
/** Liaisons subscribe their own agency to the module's alerts (core webhooks). */
export const canSubscribe = canManageSubscriptions;

/**
 * Whether the alert of a series can be opened in the inbox: alerts are scoped to the user's regions (a link to
 * another region's alert would answer 404), while the counts and departures here are national statistics.
 */
export function canOpenAlertOf(s: Session, region: string | null): boolean {
  if (s.user.regions.includes('*')) return true;
  return region !== null && s.user.regions.includes(region);
}
