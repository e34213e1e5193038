import type { Sql } from '../db/db.js';
import { randomToken, sha256 } from './tokens.js';
import type { UserRow } from './users.repository.js';
import { sessionCache } from './session-cache.js';

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Only the token's hash is stored, so a leaked sessions table signs nobody in. */
export async function createSession(sql: Sql, userId: string, ttlHours: number): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await sql.query(
    'insert into sessions (token_hash, user_id, csrf_token, expires_at) values ($1, $2, $3, $4)',
    [sha256(token), userId, csrfToken, expiresAt],
  );
  return { token, csrfToken, expiresAt };
}

export async function findSession(
  sql: Sql,
  token: string,
): Promise<{ user: UserRow; csrfToken: string } | undefined> {
  const tokenHash = sha256(token);
  const cached = sessionCache.get(tokenHash);
  if (cached) return { user: cached.user, csrfToken: cached.csrfToken };
  const [row] = await sql.query<UserRow & { csrf_token: string }>(
    `select u.*, s.csrf_token from sessions s join users u on u.id = s.user_id
     where s.token_hash = $1 and s.expires_at > now() and not u.disabled`,
    [tokenHash],
  );
  if (!row) return undefined;
  const { csrf_token: csrfToken, ...user } = row;
  sessionCache.set(tokenHash, user, csrfToken);
  return { user, csrfToken };
}

export async function deleteSession(sql: Sql, token: string): Promise<void> {
  sessionCache.evictToken(sha256(token));
  await sql.query('delete from sessions where token_hash = $1', [sha256(token)]);
}

export async function deleteExpiredSessions(sql: Sql): Promise<void> {
  await sql.query('delete from sessions where expires_at < now()');
}

/** Ends every session of a user at once (disabled, or a new password set). */
export async function deleteSessionsOf(sql: Sql, userId: string): Promise<void> {
  await sql.query('delete from sessions where user_id = $1', [userId]);
}
