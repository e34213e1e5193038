import { lazy } from 'react';
import type { ModuleRoute } from '../../app/module-registry';

// One lazy component for the queue and the queue with an appeal open, so opening an appeal keeps the list (and its
// scroll, paging and filters) instead of mounting a new page. /appeals/models is listed before /appeals/:id, which
// would otherwise take "models" for an appeal id.
const AppealsPage = lazy(() => import('./appeals.page').then((m) => ({ default: m.AppealsPage })));
const ModelsPage = lazy(() => import('./models.page').then((m) => ({ default: m.ModelsPage })));

export const routes: ModuleRoute[] = [
  { path: '/appeals', component: AppealsPage },
  { path: '/appeals/models', component: ModelsPage },
  { path: '/appeals/:id', component: AppealsPage },
];
