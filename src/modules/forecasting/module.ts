import type { ModuleManifest } from '../../core/modules/manifest.js';
import { forecastCommands } from './forecast.cli.js';

/**
 * The Criminal Threat Forecasting Centre. So far: the forecasting engine and its batch commands; intake of offences,
 * the dashboard and anomaly alerts follow.
 */
export const forecastingModule: ModuleManifest = {
  id: 'forecasting',
  name: { kk: 'Қылмыстық қатерлерді болжау орталығы', ru: 'Центр прогнозирования криминальных угроз', en: 'Forecasting centre' },
  cli: (program) => forecastCommands(program),
};
