import type { UserRow } from './users.repository.js';

interface Entry {
  user: UserRow;
  csrfToken: string;
  cachedAt: number;
}

/**
 * Sessions looked up in the last few seconds, so a busy dashboard does not read the sessions table on every request.
 * Sign-out, disabling a user and password resets evict at once in this instance; other instances (server PostgreSQL
 * with several nodes) see the change within TTL_MS.
 */
export class SessionCache {
  static readonly TTL_MS = 5000;
  private static readonly MAX = 10_000;
  private readonly entries = new Map<string, Entry>();

  get(tokenHash: string, now = Date.now()): Entry | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (now - entry.cachedAt > SessionCache.TTL_MS) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry;
  }

  set(tokenHash: string, user: UserRow, csrfToken: string, now = Date.now()): void {
    const oldest = this.entries.keys().next();
    if (this.entries.size >= SessionCache.MAX && !oldest.done) this.entries.delete(oldest.value);
    this.entries.set(tokenHash, { user, csrfToken, cachedAt: now });
  }

  evictToken(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  evictUser(userId: string): void {
    for (const [key, entry] of this.entries) if (entry.user.id === userId) this.entries.delete(key);
  }
}

/** One per process: sessions belong to the process that serves them. */
export const sessionCache = new SessionCache();
