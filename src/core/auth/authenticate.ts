import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/db.js';
import { isLocale } from '../i18n/i18n.js';
import type { Actor } from './actor.js';
import { findActiveApiKey, touchApiKey } from './api-keys.repository.js';
import type { PermissionRegistry } from './permissions.js';
import { findSession } from './sessions.repository.js';
import { parseApiKey, sha256 } from './tokens.js';
import { timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'qg_session';

/** Finds who is calling: an API key in `Authorization: Bearer`, or the dashboard's session cookie. */
export async function authenticate(
  request: FastifyRequest,
  db: Db,
  permissions: PermissionRegistry,
): Promise<void> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    request.actor = await actorFromApiKey(db, header.slice(7).trim());
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const session = await findSession(db, token);
  if (!session) return;
  const { user } = session;
  request.csrfToken = session.csrfToken;
  request.actor = {
    type: 'user',
    id: user.id,
    name: user.username,
    role: user.role,
    regions: user.regions,
    permissions: permissions.forRole(user.role),
    locale: isLocale(user.locale) ? user.locale : 'ru',
    agencyId: user.agency_id,
  };
}

/** The API key a token names, as an actor, when the token is genuine and the key not revoked. */
export async function actorFromApiKey(db: Db, token: string): Promise<Actor | undefined> {
  const parsed = parseApiKey(token);
  if (!parsed) return undefined;
  const key = await findActiveApiKey(db, parsed.prefix);
  if (!key) return undefined;
  const expected = Buffer.from(key.secret_hash, 'hex');
  const actual = Buffer.from(sha256(parsed.secret), 'hex');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  await touchApiKey(db, key.id);
  return {
    type: 'api_key',
    id: key.id,
    name: `${key.client}:${key.name}`,
    role: null,
    regions: key.regions,
    permissions: new Set(key.permissions),
    locale: 'en',
    agencyId: null,
  };
}
