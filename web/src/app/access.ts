import type { Session } from './types';

// What a person may see and do, read from the permissions GET /api/auth/me returns (the server derives them from
// the role; admin holds all). The server enforces the same rules and denies by default; hiding what would only
// answer 403 keeps the screens honest about what a person can do.

export function hasPermission(session: Session, permission: string): boolean {
  return !permission || session.permissions.includes(permission);
}

export const canReadAudit = (s: Session) => hasPermission(s, 'audit.read');
export const canManageUsers = (s: Session) => hasPermission(s, 'users.manage');
export const canManageApiKeys = (s: Session) => hasPermission(s, 'apikeys.manage');
export const canReadSubscriptions = (s: Session) =>
  hasPermission(s, 'subscriptions.read') || hasPermission(s, 'subscriptions.manage');
export const canManageSubscriptions = (s: Session) => hasPermission(s, 'subscriptions.manage');
export const canActOnAlerts = (s: Session) => hasPermission(s, 'alerts.act');
export const canRevealPersonalData = (s: Session) => hasPermission(s, 'alerts.reveal');
