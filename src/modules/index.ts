import type { ModuleManifest } from '../core/modules/manifest.js';
import { appealsModule } from './appeals/index.js';
import { forecastingModule } from './forecasting/index.js';
import { supervisionModule } from './supervision/index.js';

/**
 * The installed modules, in start-up order. Adding a module is one line here: its manifest brings its migrations,
 * permissions, routes, event handlers, jobs, CLI commands, navigation and demo data.
 */
export const installedModules: readonly ModuleManifest[] = [appealsModule, forecastingModule, supervisionModule];
