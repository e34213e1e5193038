import type { TestPlatform } from '../../core/testing/index.js';
import type { SupervisionApi } from './module.js';
import type { SupervisionContext, SupervisionSettings } from './supervision.settings.js';

/** The supervision module's context on a test platform: what its parts receive, with its settings. */
export const supervisionContext = (qg: TestPlatform): SupervisionContext =>
  qg.contextOf<SupervisionSettings>('supervision');

export function supervisionApi(qg: TestPlatform): SupervisionApi {
  const { api } = qg.instanceOf<SupervisionApi>('supervision');
  if (!api) throw new Error('the supervision module is not mounted on this test platform');
  return api;
}
