import type { ModuleManifest } from '../../core/modules/manifest.js';
import { appealsCommands } from './appeals.cli.js';

export const appealsModule: ModuleManifest = {
  id: 'appeals',
  name: { kk: 'Өтініштердің тәуекелін тексеру', ru: 'Скрининг рисков в обращениях', en: 'Appeals risk screening' },
  cli: (program) => appealsCommands(program),
};
