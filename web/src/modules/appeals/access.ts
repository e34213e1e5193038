import { hasPermission } from '../../app/access';
import type { Session } from '../../app/types';

// The module's permissions (src/modules/appeals/module.ts). The server enforces them and denies by default; the
// screens only hide what would answer 403.

export const canReadAppeals = (s: Session) => hasPermission(s, 'appeals.read');
export const canActOnAppeals = (s: Session) => hasPermission(s, 'appeals.act');
export const canRevealApplicant = (s: Session) => hasPermission(s, 'appeals.reveal');
export const canActivateModels = (s: Session) => hasPermission(s, 'appeals.models');
