/** Roles of people. Machine clients hold API keys with explicit permissions instead. */
import type { Role } from './auth.contract.js';

export { roles, type Role } from './auth.contract.js';

export interface PermissionDef {
  id: string;
  description: string;
  /** Roles granted this permission; admin gets every permission. */
  roles: Role[];
  /** Whether an API key of a machine client may hold it. */
  grantableToApiKeys?: boolean;
}

export const corePermissions: PermissionDef[] = [
  { id: 'alerts.read', description: 'Read alerts in one’s regions (personal data masked)', roles: ['prosecutor', 'analyst', 'duty_officer', 'agency_liaison', 'auditor'] },
  { id: 'alerts.act', description: 'Acknowledge, assign, comment, resolve and escalate alerts', roles: ['prosecutor', 'analyst', 'duty_officer'] },
  { id: 'alerts.reveal', description: 'Reveal an alert subject’s personal data, stating a purpose', roles: ['prosecutor', 'analyst', 'duty_officer'] },
  { id: 'alerts.create', description: 'Raise alerts (connectors and integrations)', roles: [], grantableToApiKeys: true },
  { id: 'audit.read', description: 'Read and verify the audit log', roles: ['auditor'] },
  { id: 'users.manage', description: 'Create users, set roles and region scope', roles: [] },
  { id: 'users.list', description: 'See colleagues to assign work to', roles: ['prosecutor', 'analyst', 'duty_officer'] },
  { id: 'apikeys.manage', description: 'Issue and revoke API keys of machine clients', roles: [] },
  { id: 'subscriptions.read', description: 'See webhook subscriptions and their deliveries', roles: ['prosecutor', 'agency_liaison'] },
  { id: 'subscriptions.manage', description: 'Subscribe a state body to alerts by region, module and severity', roles: ['agency_liaison'] },
];

/** Permissions of every module, registered at start-up from the manifests. */
export class PermissionRegistry {
  private readonly defs = new Map<string, PermissionDef>();

  constructor(defs: PermissionDef[] = corePermissions) {
    this.register(defs);
  }

  register(defs: PermissionDef[]): void {
    for (const def of defs) {
      if (this.defs.has(def.id)) throw new Error(`permission ${def.id} registered twice`);
      this.defs.set(def.id, def);
    }
  }

  has(id: string): boolean {
    return this.defs.has(id);
  }

  all(): PermissionDef[] {
    return [...this.defs.values()];
  }

  forRole(role: Role): Set<string> {
    if (role === 'admin') return new Set(this.defs.keys());
    return new Set(this.all().filter((def) => def.roles.includes(role)).map((def) => def.id));
  }

  grantableToApiKeys(): PermissionDef[] {
    return this.all().filter((def) => def.grantableToApiKeys === true);
  }
}
