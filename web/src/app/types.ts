// Shapes of the JSON the API returns. They mirror the server contract; the server is the source of truth,
// so these stay plain data types with no behaviour.

export type Locale = 'kk' | 'ru' | 'en';
export type Localized = Record<Locale, string>;

export type Role = 'admin' | 'prosecutor' | 'analyst' | 'duty_officer' | 'agency_liaison' | 'auditor';
export const ROLES: readonly Role[] = [
  'admin',
  'prosecutor',
  'analyst',
  'duty_officer',
  'agency_liaison',
  'auditor',
];

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Region codes such as 'KZ-75', or ['*'] for national scope. */
  regions: string[];
  locale: Locale;
  disabled: boolean;
  agencyId: string | null;
}

export interface Session {
  user: User;
  csrfToken: string;
  permissions: string[];
}

export interface PermissionInfo {
  id: string;
  description: string;
  roles?: Role[];
  /** Whether a machine client's API key may hold it; the server refuses the others. */
  grantableToApiKeys?: boolean;
}

export interface ModuleNavItem {
  path: string;
  label: Localized;
  permission: string;
}

export interface ModuleInfo {
  id: string;
  name: Localized;
  nav: ModuleNavItem[];
}

export interface Region {
  code: string;
  kato: string;
  name: Localized;
  population: number;
  populationYear: number;
  centroid: [number, number];
}

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

export type AlertStatus = 'new' | 'acknowledged' | 'assigned' | 'resolved' | 'false_positive' | 'escalated';
export const ALERT_STATUSES: readonly AlertStatus[] = [
  'new',
  'acknowledged',
  'assigned',
  'escalated',
  'resolved',
  'false_positive',
];

export interface AlertSubject {
  type: string;
  id: string;
  label: string;
  [key: string]: unknown;
}

export interface Alert {
  id: string;
  module: string;
  kind: string;
  severity: Severity;
  status: AlertStatus;
  region: string;
  subject: AlertSubject;
  title: string;
  summary: string;
  evidence: Record<string, unknown>;
  assignee: { id: string; displayName: string } | null;
  outcome: string | null;
  createdAt: string;
  updatedAt: string;
  commentsCount: number;
}

export interface AlertHistoryEntry {
  at: string;
  actor: string | { id?: string; name?: string; displayName?: string } | null;
  action: string;
  fromStatus: AlertStatus | null;
  toStatus: AlertStatus | null;
  note: string | null;
}

export interface AlertComment {
  id: string;
  at: string;
  author: string | { id?: string; name?: string; displayName?: string } | null;
  body: string;
}

export interface AlertDetail extends Alert {
  history: AlertHistoryEntry[];
  comments: AlertComment[];
}

export interface AlertSummary {
  open: number;
  byRegion: Record<string, number>;
  bySeverity: Partial<Record<Severity, number>>;
  byModule: Record<string, number>;
  byStatus: Partial<Record<AlertStatus, number>>;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface AssignableUser {
  id: string;
  displayName: string;
  role: Role;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: { id: string; type: string; name: string } | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  region: string | null;
  requestId: string | null;
  outcome: string;
  purpose: string | null;
  details: unknown;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  problems: { seq: number; kind: 'edited' | 'deleted' | 'reordered' | 'truncated' | 'rehashed' | 'forged' | 'unverifiable'; message: string }[];
  checkpoints: { count: number; newest: { at: string; headSeq: number } | null; uncovered: number };
}

export type ClientKind = 'eotinish' | 'telecom_switch' | 'camera_gateway' | 'bank' | 'register' | 'other';
export const CLIENT_KINDS: readonly ClientKind[] = [
  'eotinish',
  'telecom_switch',
  'camera_gateway',
  'bank',
  'register',
  'other',
];

export interface ApiKey {
  id: string;
  name: string;
  client: ClientKind;
  prefix: string;
  permissions: string[];
  regions: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface Agency {
  id: string;
  name: Localized;
  kind: string;
  region: string | null;
}

export interface Subscription {
  id: string;
  agencyId: string;
  url: string;
  regions: string[];
  modules: string[];
  minSeverity: Severity;
  active: boolean;
  lastDelivery: { status: string; at: string; httpStatus: number | null } | null;
}

export interface Delivery {
  id: string;
  alertId: string;
  attempt: number;
  at: string;
  httpStatus: number | null;
  ok: boolean;
  error: string | null;
  durationMs: number | null;
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
