/** What modules' tests and benchmarks use of the core: test platforms and small helpers. */
export {
  startTestPlatform,
  testUsers,
  TEST_PASSWORD,
  type Session,
  type TestPlatform,
  type TestPlatformOptions,
} from './test-platform.js';
export { waitFor } from './wait-for.js';
export { freePort } from './free-port.js';
export { bypassSpellings } from './bypass-spellings.js';
export { openTestDb } from '../db/test-db.js';
export { insertAgencies } from '../demo/demo-agencies.js';
export { insertSubscription } from '../webhooks/webhooks.repository.js';
export { startPlatform } from '../bootstrap.js';
