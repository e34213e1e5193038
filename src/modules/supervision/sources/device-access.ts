import {
  type Actor,
  actorFromApiKey,
  canSeeRegion,
  type Db,
  type DeviceGuard,
  type DevicePrincipal,
  hashDeviceSecret,
  hasPermission,
  newDeviceSecret,
  type Sql,
  verifyDeviceSecret,
} from '../../../core/index.js';
import { credentialHashOf, findSourceState, setSourceCredential } from './sources.repository.js';

/** What is known of a source for a publish check, or null when no such source is registered. */
type SourceAccess = { region: string; active: boolean } | null;

const RECHECK_MS = 60_000;
const MAX_CACHED_SOURCES = 50_000;

export interface IssuedCredential {
  username: string;
  password: string;
  issuedAt: string;
}

/** A new password for a source; the old one stops working. Only the hash is kept: the password is shown once. */
export async function issueSourceCredential(
  sql: Sql,
  sourceId: string,
): Promise<IssuedCredential | undefined> {
  const password = newDeviceSecret();
  const issuedAt = await setSourceCredential(sql, sourceId, await hashDeviceSecret(password));
  return issuedAt ? { username: sourceId, password, issuedAt: new Date(issuedAt).toISOString() } : undefined;
}

/**
 * Who may publish observations to the embedded broker:
 * - a registered, active source with its own credential (user name: the source id), to its own topic only;
 * - a connector (a vendor's recognition server, a state database feed) with an API key holding observations.ingest
 *   as the password, for the sources of the key's regions, or for unregistered ones, whose messages become dead
 *   letters as they do over HTTP. A key revoked while connected is disconnected at once (the revocation event), and a key found revoked on the
 *   minute's re-check stops publishing.
 */
/** The broker login of a connector using an API key, so the key's revocation can close its connections. */
export const connectorLogin = (apiKeyId: string) => `api-key:${apiKeyId}`;

export function deviceGuard(db: Db, topicPrefix: string): DeviceGuard {
  const sources = new Map<string, { access: SourceAccess; at: number }>();
  const sourceOf = (topic: string) =>
    topic.startsWith(`${topicPrefix}/`) ? topic.slice(topicPrefix.length + 1) : '';

  async function accessOf(sourceId: string): Promise<SourceAccess> {
    const cached = sources.get(sourceId);
    if (cached && Date.now() - cached.at < RECHECK_MS) return cached.access;
    // Topics are chosen by the connector: the cache must not grow with every name it tries.
    if (sources.size >= MAX_CACHED_SOURCES) sources.clear();
    const row = await findSourceState(db, sourceId);
    const access = row ? { region: row.region, active: row.active } : null;
    sources.set(sourceId, { access, at: Date.now() });
    return access;
  }

  async function asSource(sourceId: string, password: string): Promise<DevicePrincipal | null> {
    const hash = await credentialHashOf(db, sourceId);
    if (!hash || !(await verifyDeviceSecret(password, hash))) return null;
    const ownTopic = `${topicPrefix}/${sourceId}`;
    return { login: sourceId, mayPublish: (topic) => topic === ownTopic };
  }

  function asConnector(actor: Actor, token: string): DevicePrincipal {
    let checkedAt = Date.now();
    let current: Actor | undefined = actor;
    return {
      login: connectorLogin(actor.id),
      async mayPublish(topic) {
        if (Date.now() - checkedAt > RECHECK_MS) {
          current = await actorFromApiKey(db, token);
          checkedAt = Date.now();
        }
        const sourceId = sourceOf(topic);
        if (!current || !hasPermission(current, 'observations.ingest') || !sourceId || sourceId.includes('/'))
          return false;
        const access = await accessOf(sourceId);
        return access === null || canSeeRegion(current, access.region);
      },
    };
  }

  return async (username, password) => {
    if (password.startsWith('qg_')) {
      const actor = await actorFromApiKey(db, password);
      if (actor) return hasPermission(actor, 'observations.ingest') ? asConnector(actor, password) : null;
    }
    return username && password ? asSource(username, password) : null;
  };
}
