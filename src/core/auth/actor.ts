import type { Locale } from '../i18n/i18n.js';
import { problems } from '../http/problems.js';

export const NATIONAL = '*';

/** Who is acting: a signed-in person, a machine client, or the platform itself. */
export interface Actor {
  type: 'user' | 'api_key' | 'system';
  id: string;
  name: string;
  /** A role of the registry (the core's, or a module's); null for machine clients and the system. */
  role: string | null;
  /** Region codes the actor may see, or ['*'] for the whole country. */
  regions: string[];
  permissions: ReadonlySet<string>;
  locale: Locale;
  agencyId: string | null;
}

export const systemActor: Actor = {
  type: 'system',
  id: 'system',
  name: 'Qadagalau',
  role: null,
  regions: [NATIONAL],
  permissions: new Set(['*']),
  locale: 'en',
  agencyId: null,
};

/** The operator at the command line: national scope, every permission, named after the system user in the audit log. */
export function operatorActor(task = 'cli'): Actor {
  return {
    ...systemActor,
    id: task,
    name: `cli:${process.env.USER ?? 'operator'}${task === 'cli' ? '' : `:${task}`}`,
  };
}

export function isNational(actor: Pick<Actor, 'regions'>): boolean {
  return actor.regions.includes(NATIONAL);
}

export function canSeeRegion(actor: Pick<Actor, 'regions'>, region: string): boolean {
  return isNational(actor) || actor.regions.includes(region);
}

export function hasPermission(actor: Actor, permission: string): boolean {
  return actor.permissions.has(permission) || actor.permissions.has('*');
}

export function requireRegion(actor: Actor, region: string): void {
  if (!canSeeRegion(actor, region)) throw problems.regionForbidden(region);
}

/**
 * The region filter a repository applies: null means no restriction (national scope).
 * Repositories take this rather than the actor so a query cannot forget it.
 */
export type RegionScope = readonly string[] | null;

export function regionScope(actor: Pick<Actor, 'regions'>): RegionScope {
  return isNational(actor) ? null : actor.regions;
}
