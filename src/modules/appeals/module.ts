import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '../../core/modules/manifest.js';
import { appealsCommands } from './appeals.cli.js';
import { appealRoutes } from './appeals.routes.js';
import { seedDemoAppeals } from './demo-appeals.js';
import { ModelRegistry } from './model-registry.js';
import type { Db } from '../../core/db/db.js';
import { modelRoutes } from './models.routes.js';

// One registry (and so one cached model) per database: tests and tools may run several platforms in one process.
const registries = new WeakMap<Db, ModelRegistry>();
function registryFor(db: Db): ModelRegistry {
  let registry = registries.get(db);
  if (!registry) {
    registry = new ModelRegistry();
    registries.set(db, registry);
  }
  return registry;
}

export const appealsModule: ModuleManifest = {
  id: 'appeals',
  name: { kk: 'Өтініштердің тәуекелін тексеру', ru: 'Скрининг рисков в обращениях', en: 'Appeals risk screening' },
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  permissions: [
    { id: 'appeals.ingest', description: 'Submit citizens’ appeals for screening (e-Otinish connector)', roles: [], grantableToApiKeys: true },
    { id: 'appeals.read', description: 'See the appeals queue and read appeals in one’s regions (reads are audited)', roles: ['prosecutor', 'analyst', 'duty_officer'] },
    { id: 'appeals.act', description: 'Confirm, correct, escalate, route and close appeals', roles: ['prosecutor', 'analyst'] },
    { id: 'appeals.reveal', description: 'Reveal an applicant’s personal data, stating a purpose', roles: ['prosecutor', 'analyst'] },
    { id: 'appeals.models', description: 'Activate a new screening model version', roles: [] },
  ],
  nav: [{ path: '/appeals', label: { kk: 'Өтініштер', ru: 'Обращения', en: 'Appeals' }, permission: 'appeals.read' }],
  routes: async (app, platform) => {
    await appealRoutes(app, platform, registryFor(platform.db));
    await modelRoutes(app, platform, registryFor(platform.db));
  },
  cli: (program, open) => appealsCommands(program, open, registryFor),
  seedDemo: async (platform, rng) => {
    await seedDemoAppeals(platform, rng, registryFor(platform.db));
  },
};
