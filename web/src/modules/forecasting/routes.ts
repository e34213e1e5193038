import { lazy } from 'react';
import type { ModuleRoute } from '../../app/module-registry';

// The dashboard, the anomalies with their decision log, and (for agency liaisons) subscriptions to the module's
// alerts. Each is its own chunk; the dashboard's carries ECharts.
const ForecastingPage = lazy(() =>
  import('./forecasting.page').then((m) => ({ default: m.ForecastingPage })),
);
const AnomaliesPage = lazy(() => import('./anomalies.page').then((m) => ({ default: m.AnomaliesPage })));
const SubscriptionsPage = lazy(() =>
  import('./forecast-subscriptions.page').then((m) => ({ default: m.ForecastSubscriptionsPage })),
);

export const routes: ModuleRoute[] = [
  { path: '/forecasting', component: ForecastingPage },
  { path: '/forecasting/anomalies', component: AnomaliesPage },
  { path: '/forecasting/subscriptions', component: SubscriptionsPage },
];
