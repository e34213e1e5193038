import { hasPermission } from '../../app/access';
import type { Session } from '../../app/types';

// The module's permissions (src/modules/supervision/module.ts). The server enforces them and denies by default; the
// screens only hide what would answer 403.

export const canReadSupervision = (s: Session) => hasPermission(s, 'supervision.read');
/** Duty officers record what the dispatched officers found (detained, not found, false match). */
export const canDispatch = (s: Session) => hasPermission(s, 'supervision.dispatch');
/** Register sources, issue their device passwords, put them out of service (admins). */
export const canConfigure = (s: Session) => hasPermission(s, 'supervision.configure');
/** File drone flights and record their end (duty officers, the drone unit's connector). */
export const canFileFlights = (s: Session) => hasPermission(s, 'supervision.flights');
