import { fileURLToPath } from 'node:url';
import { defineModule } from '../../core/index.js';
import { seedDemoSupervision } from './demo/demo-supervision.js';
import { flightRoutes } from './flights/flights.routes.js';
import { mqttIntake } from './observations/mqtt-intake.js';
import { natsIntake } from './observations/nats-intake.js';
import { observationRoutes } from './observations/observations.routes.js';
import { retentionJob } from './observations/retention.job.js';
import { ObservationPipeline } from './pipeline/observation-pipeline.js';
import { probationRoutes } from './probation/probation.routes.js';
import { probationRule } from './probation/probation.rule.js';
import { silenceJob } from './probation/silence.job.js';
import { demoFeed } from './simulation/demo-feed.js';
import { sourceRoutes } from './sources/sources.routes.js';
import { supervisionCommands } from './supervision.cli.js';
import { supervisionRoutes } from './supervision.routes.js';
import {
  isolatedSupervision,
  supervisionSettings,
  type SupervisionSettings,
} from './supervision.settings.js';
import { WatchlistIndex } from './watchlists/watchlist-index.js';
import { watchlistRoutes } from './watchlists/watchlists.routes.js';
import { watchlistRule } from './watchlists/watchlists.rule.js';
import { publicOrderRule, zonesRule } from './zones/zones.rule.js';
import { zoneRoutes } from './zones/zones.routes.js';

/** What the module's CLI commands and tests use of one platform's supervision. */
export interface SupervisionApi {
  pipeline: ObservationPipeline;
}

/**
 * Digital supervision: observations from cameras, drones, bracelets and state databases, taken in by MQTT and HTTP,
 * judged against wanted lists, probation conditions, restricted zones and public-order rules.
 */
export const supervisionModule = defineModule<SupervisionSettings, SupervisionApi>({
  id: 'supervision',
  name: { kk: 'Цифрлық қадағалау', ru: 'Цифровой надзор', en: 'Digital supervision' },
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  settings: supervisionSettings,
  isolated: isolatedSupervision,
  permissions: [
    {
      id: 'observations.ingest',
      description:
        'Send observations of a registered source (camera, drone, bracelet and database connectors)',
      roles: [],
      grantableToApiKeys: true,
    },
    {
      id: 'supervision.read',
      description: 'See sources, watchlists and supervision measures in one’s regions',
      roles: ['prosecutor', 'analyst', 'duty_officer'],
    },
    {
      id: 'supervision.search',
      description: 'Search stored observations for a person or vehicle, stating a purpose (audited)',
      roles: ['prosecutor', 'analyst'],
    },
    {
      id: 'supervision.dispatch',
      description: 'Record what dispatched officers found (detained, not found, false match)',
      roles: ['duty_officer', 'prosecutor'],
    },
    {
      id: 'supervision.watchlist',
      description: 'Add and close watchlist entries (the wanted-persons register’s feed)',
      roles: ['prosecutor'],
      grantableToApiKeys: true,
    },
    {
      id: 'supervision.probation',
      description: 'Register people on probation and their conditions (the probation service’s feed)',
      roles: ['prosecutor'],
      grantableToApiKeys: true,
    },
    {
      id: 'supervision.flights',
      description:
        'File drone flights with their purpose and record their end (the drone unit’s feed, or the duty officer)',
      roles: ['duty_officer'],
      grantableToApiKeys: true,
    },
    {
      id: 'supervision.configure',
      description: 'Register sources, restricted zones and public-order rules',
      roles: [],
    },
  ],
  nav: [
    {
      path: '/supervision',
      label: { kk: 'Цифрлық қадағалау', ru: 'Цифровой надзор', en: 'Supervision' },
      permission: 'supervision.read',
    },
  ],
  setup(platform) {
    const rules = [
      watchlistRule(new WatchlistIndex(platform.db)),
      probationRule(),
      zonesRule(),
      publicOrderRule(),
    ];
    const pipeline = new ObservationPipeline(platform, rules);
    return {
      api: { pipeline },
      async routes(app) {
        await observationRoutes(app, platform, () => pipeline.kick());
        await supervisionRoutes(app, platform);
        await sourceRoutes(app, platform);
        await watchlistRoutes(app, platform);
        await probationRoutes(app, platform);
        await zoneRoutes(app, platform);
        await flightRoutes(app, platform);
      },
      services: [
        pipeline,
        mqttIntake(platform, () => pipeline.kick()),
        natsIntake(platform, () => pipeline.kick()),
        demoFeed(platform),
      ],
      jobs: [retentionJob(platform), silenceJob(platform)],
      seedDemo: async (rng) => {
        await seedDemoSupervision(platform, rng);
      },
    };
  },
  cli: supervisionCommands,
});
