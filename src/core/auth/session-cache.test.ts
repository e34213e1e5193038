import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SessionCache } from './session-cache.js';
import type { UserRow } from './users.repository.js';

const user = (id: string) => ({ id, username: id, role: 'analyst', regions: ['KZ-75'] }) as UserRow;

test('a cached session expires after the TTL', () => {
  const cache = new SessionCache();
  cache.set('t1', user('u1'), 'csrf', 1000);
  assert.equal(cache.get('t1', 1000 + SessionCache.TTL_MS)?.user.id, 'u1');
  assert.equal(cache.get('t1', 1001 + SessionCache.TTL_MS), undefined);
});

test('evicting a user drops all of their sessions and no one else’s', () => {
  const cache = new SessionCache();
  cache.set('a', user('u1'), 'x');
  cache.set('b', user('u1'), 'y');
  cache.set('c', user('u2'), 'z');
  cache.evictUser('u1');
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.get('b'), undefined);
  assert.equal(cache.get('c')?.user.id, 'u2');
});
