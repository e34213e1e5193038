import { lazy } from 'react';
import type { ModuleRoute } from '../../app/module-registry';

// The dashboard (live map, measures, source health, recent alerts) and the watchlist, probation and zones tabs are
// one screen, one chunk: it carries ECharts.
const SupervisionPage = lazy(() =>
  import('./supervision.page').then((m) => ({ default: m.SupervisionPage })),
);

export const routes: ModuleRoute[] = [
  { path: '/supervision', component: SupervisionPage },
  { path: '/supervision/:tab', component: SupervisionPage },
];
