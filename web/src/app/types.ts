// Shapes of the JSON the API returns, taken from the server's contracts (TypeBox schemas that also serialise and
// document each response), so the dashboard and the server cannot drift apart. Type-only imports: no server code
// reaches the browser. The constants below are the dashboard's own lists for pickers and filters.
import type { AlertStatus, Severity } from '../../../src/core/alerts/alerts.contract';
import type { ClientKind, Me, User } from '../../../src/core/auth/auth.contract';

export type {
  AlertComment,
  AlertDetail,
  AlertHistoryEntry,
  AlertStatus,
  AlertSubject,
  AlertSummary,
  AlertView as Alert,
  Severity,
} from '../../../src/core/alerts/alerts.contract';
export type {
  ApiKey,
  AssignableUser,
  ClientKind,
  Locale,
  Me,
  PermissionInfo,
  Role,
  RoleInfo,
  User,
} from '../../../src/core/auth/auth.contract';
export type { AuditEntry, VerifyResult as AuditVerifyResult } from '../../../src/core/audit/audit.contract';
export type { Agency, Delivery, Subscription } from '../../../src/core/webhooks/webhooks.contract';
export type { MappedRegion as Region } from '../../../src/core/geo/geo.contract';
export type { ModuleInfo, ModuleNavItem } from '../../../src/core/modules/modules.contract';

export type Localized = Record<'kk' | 'ru' | 'en', string>;

/** The signed-in person as the dashboard holds them: /api/auth/me answered for a user (an API key never signs in here). */
export type Session = Omit<Me, 'user' | 'csrfToken'> & { user: User; csrfToken: string };

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
export const ALERT_STATUSES: readonly AlertStatus[] = [
  'new',
  'acknowledged',
  'assigned',
  'resolved',
  'false_positive',
  'escalated',
];
export const CLIENT_KINDS: readonly ClientKind[] = [
  'eotinish',
  'telecom_switch',
  'camera_gateway',
  'bank',
  'register',
  'other',
];

/** A page of a keyset-paged list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | number | null;
}

/** RFC 9457 problem details. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: unknown;
}
