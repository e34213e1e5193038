import type { AnyModule } from '../core/index.js';
import { appealsModule } from './appeals/index.js';
import { forecastingModule } from './forecasting/index.js';
import { supervisionModule } from './supervision/index.js';

/**
 * The installed modules, in start-up order. Adding a module is one line here: its manifest brings its settings,
 * migrations, permissions, routes, event handlers, jobs, CLI commands, navigation and demo data.
 */
export const installedModules: readonly AnyModule[] = [appealsModule, forecastingModule, supervisionModule];
