import { fileURLToPath } from 'node:url';
import { defineModule } from '../../core/index.js';
import { ForecastCache } from './analysis/slice-forecast.js';
import { anomalyHandlers } from './anomalies/anomalies.handler.js';
import { seedDemoOffences } from './demo/demo-offences.js';
import { forecastCommands } from './forecasting.cli.js';
import { forecastingRoutes } from './forecasting.routes.js';
import { offenceCommands } from './offences/offences.cli.js';
import { offenceRoutes } from './offences/offences.routes.js';

/** The Criminal Threat Forecasting Centre: offence dynamics, forecasts reconciled over the hierarchy, anomaly alerts. */
export const forecastingModule = defineModule({
  id: 'forecasting',
  name: {
    kk: 'Қылмыстық қатерлерді болжау орталығы',
    ru: 'Центр прогнозирования криминальных угроз',
    en: 'Forecasting centre',
  },
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  permissions: [
    {
      id: 'offences.ingest',
      description: 'Send registered offences and published totals (the register’s connector)',
      roles: [],
      grantableToApiKeys: true,
    },
    {
      id: 'forecasting.read',
      description: 'See offence dynamics, forecasts, departures and the decision log',
      roles: ['prosecutor', 'analyst', 'duty_officer', 'agency_liaison'],
    },
    {
      id: 'forecasting.decide',
      description: 'Record what was done about an anomaly',
      roles: ['prosecutor', 'analyst'],
    },
  ],
  nav: [
    {
      path: '/forecasting',
      label: { kk: 'Болжау', ru: 'Прогнозирование', en: 'Forecasting' },
      permission: 'forecasting.read',
    },
  ],
  setup(platform) {
    const cache = new ForecastCache();
    return {
      async routes(app) {
        await offenceRoutes(app, platform, () => cache.invalidate());
        await forecastingRoutes(app, platform, cache);
      },
      handlers: anomalyHandlers(),
      // Every instance forgets its forecasts when counts change anywhere (a listener hears all instances' events).
      listeners: [
        (event) => {
          if (event.type === 'offences.counted') cache.invalidate();
        },
      ],
      seedDemo: async (rng) => {
        await seedDemoOffences(platform, rng);
      },
    };
  },
  cli(program, open) {
    forecastCommands(program);
    offenceCommands(program, open);
  },
});
