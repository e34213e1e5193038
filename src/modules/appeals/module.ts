import { fileURLToPath } from 'node:url';
import { defineModule } from '../../core/index.js';
import { appealsCommands } from './appeals.cli.js';
import { appealRoutes } from './appeals.routes.js';
import { seedDemoAppeals } from './appeals.demo.js';
import { modelRoutes } from './models/models.routes.js';
import { ModelRegistry } from './models/models.service.js';

/** What the module's CLI commands and tests use of one platform's appeals screening. */
export interface AppealsApi {
  /** The screening models stored on this platform, and the active one, cached. */
  registry: ModelRegistry;
}

export const appealsModule = defineModule<Record<string, never>, AppealsApi>({
  id: 'appeals',
  name: {
    kk: 'Өтініштердің тәуекелін тексеру',
    ru: 'Скрининг рисков в обращениях',
    en: 'Appeals risk screening',
  },
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  permissions: [
    {
      id: 'appeals.ingest',
      description: 'Submit citizens’ appeals for screening (e-Otinish connector)',
      roles: [],
      grantableToApiKeys: true,
    },
    {
      id: 'appeals.read',
      description: 'See the appeals queue and read appeals in one’s regions (reads are audited)',
      roles: ['prosecutor', 'analyst', 'duty_officer'],
    },
    {
      id: 'appeals.act',
      description: 'Confirm, correct, escalate, route and close appeals',
      roles: ['prosecutor', 'analyst'],
    },
    {
      id: 'appeals.reveal',
      description: 'Reveal an applicant’s personal data, stating a purpose',
      roles: ['prosecutor', 'analyst'],
    },
    { id: 'appeals.models', description: 'Activate a new screening model version', roles: [] },
  ],
  nav: [
    {
      path: '/appeals',
      label: { kk: 'Өтініштер', ru: 'Обращения', en: 'Appeals' },
      permission: 'appeals.read',
    },
  ],
  setup(platform) {
    const registry = new ModelRegistry();
    return {
      api: { registry },
      async routes(app) {
        await appealRoutes(app, platform, registry);
        await modelRoutes(app, platform, registry);
      },
      seedDemo: async (rng) => {
        await seedDemoAppeals(platform, rng, registry);
      },
    };
  },
  cli: (program, open) => appealsCommands(program, open),
});
