/** Roles of people. Machine clients hold API keys with explicit permissions instead. */
import type { LocalizedText } from '../i18n/i18n.js';
import { roles as coreRoleIds } from './auth.contract.js';

export { roles, type Role } from './auth.contract.js';

export interface PermissionDef {
  id: string;
  description: string;
  /** Roles granted this permission (the core's, or one a module adds); admin gets every permission. */
  roles: string[];
  /** Whether an API key of a machine client may hold it. */
  grantableToApiKeys?: boolean;
}

export const corePermissions: PermissionDef[] = [
  {
    id: 'alerts.read',
    description: 'Read alerts in one’s regions (personal data masked)',
    roles: ['prosecutor', 'analyst', 'duty_officer', 'agency_liaison', 'auditor'],
  },
  {
    id: 'alerts.act',
    description: 'Acknowledge, assign, comment, resolve and escalate alerts',
    roles: ['prosecutor', 'analyst', 'duty_officer'],
  },
  {
    id: 'alerts.reveal',
    description: 'Reveal an alert subject’s personal data, stating a purpose',
    roles: ['prosecutor', 'analyst', 'duty_officer'],
  },
  {
    id: 'alerts.create',
    description: 'Raise alerts (connectors and integrations)',
    roles: [],
    grantableToApiKeys: true,
  },
  { id: 'audit.read', description: 'Read and verify the audit log', roles: ['auditor'] },
  { id: 'users.manage', description: 'Create users, set roles and region scope', roles: [] },
  {
    id: 'users.list',
    description: 'See colleagues to assign work to',
    roles: ['prosecutor', 'analyst', 'duty_officer'],
  },
  { id: 'apikeys.manage', description: 'Issue and revoke API keys of machine clients', roles: [] },
  {
    id: 'subscriptions.read',
    description: 'See webhook subscriptions and their deliveries',
    roles: ['prosecutor', 'agency_liaison'],
  },
  {
    id: 'subscriptions.manage',
    description: 'Subscribe a state body to alerts by region, module and severity',
    roles: ['agency_liaison'],
  },
];

/** A role people can be given: the core's six, or one a module adds (a bank's officer, an agency's inspector). */
export interface RoleDef {
  id: string;
  name: LocalizedText;
  /** Whether people of this role can be assigned alerts to work on. */
  assignable: boolean;
}

const coreRoleNames: Record<(typeof coreRoleIds)[number], LocalizedText> = {
  admin: { kk: 'Әкімші', ru: 'Администратор', en: 'Administrator' },
  prosecutor: { kk: 'Прокурор', ru: 'Прокурор', en: 'Prosecutor' },
  analyst: { kk: 'Талдаушы', ru: 'Аналитик', en: 'Analyst' },
  duty_officer: { kk: 'Кезекші', ru: 'Дежурный', en: 'Duty officer' },
  agency_liaison: { kk: 'Мемлекеттік орган өкілі', ru: 'Представитель госоргана', en: 'Agency liaison' },
  auditor: { kk: 'Аудитор', ru: 'Аудитор', en: 'Auditor' },
};
const ASSIGNABLE = new Set(['prosecutor', 'analyst', 'duty_officer']);
export const coreRoles: RoleDef[] = coreRoleIds.map((id) => ({
  id,
  name: coreRoleNames[id],
  assignable: ASSIGNABLE.has(id),
}));

/** Permissions and roles of the core and every module, registered at start-up from the manifests. */
export class PermissionRegistry {
  private readonly defs = new Map<string, PermissionDef>();
  private readonly roleDefs = new Map<string, RoleDef>();

  constructor(defs: PermissionDef[] = corePermissions, roles: RoleDef[] = coreRoles) {
    this.registerRoles(roles);
    this.register(defs);
  }

  registerRoles(defs: readonly RoleDef[]): void {
    for (const def of defs) {
      if (this.roleDefs.has(def.id)) throw new Error(`role ${def.id} registered twice`);
      if (!/^[a-z][a-z0-9_]{1,39}$/.test(def.id))
        throw new Error(`role id ${def.id} is not lower_snake_case`);
      this.roleDefs.set(def.id, def);
    }
  }

  isRole(id: string): boolean {
    return this.roleDefs.has(id);
  }

  roles(): RoleDef[] {
    return [...this.roleDefs.values()];
  }

  /** Roles whose people can be given alerts to work on. */
  assignableRoles(): string[] {
    return this.roles()
      .filter((role) => role.assignable)
      .map((role) => role.id);
  }

  register(defs: PermissionDef[]): void {
    for (const def of defs) {
      if (this.defs.has(def.id)) throw new Error(`permission ${def.id} registered twice`);
      const unknown = def.roles.find((role) => !this.roleDefs.has(role));
      if (unknown) throw new Error(`permission ${def.id} names unknown role ${unknown}`);
      this.defs.set(def.id, def);
    }
  }

  has(id: string): boolean {
    return this.defs.has(id);
  }

  all(): PermissionDef[] {
    return [...this.defs.values()];
  }

  forRole(role: string): Set<string> {
    if (role === 'admin') return new Set(this.defs.keys());
    return new Set(
      this.all()
        .filter((def) => def.roles.includes(role))
        .map((def) => def.id),
    );
  }

  grantableToApiKeys(): PermissionDef[] {
    return this.all().filter((def) => def.grantableToApiKeys === true);
  }
}
