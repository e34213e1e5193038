import { lazy, Suspense, type ReactNode } from 'react';
import { EmptyState } from '../components/empty-state';
import { Loading } from '../components/loading';
import { canManageApiKeys, canManageUsers, canReadAudit, canReadSubscriptions } from './access';
import { useSession } from './auth';
import { useI18n } from './i18n';
import { moduleRoutes } from './module-registry';
import { useReferenceData } from './reference-data';
import { matchPath, useLocation } from './router';
import type { Session } from './types';

// Pages are split into their own chunks: ECharts alone is larger than the rest of the app, and most visits to the
// inbox or the admin screens never need it.
const OverviewPage = lazy(() =>
  import('../core/overview/overview.page').then((m) => ({ default: m.OverviewPage })),
);
const AlertsPage = lazy(() => import('../core/alerts/alerts.page').then((m) => ({ default: m.AlertsPage })));
const AuditPage = lazy(() => import('../core/audit/audit.page').then((m) => ({ default: m.AuditPage })));
const UsersPage = lazy(() => import('../core/users/users.page').then((m) => ({ default: m.UsersPage })));
const ApiKeysPage = lazy(() =>
  import('../core/api-keys/api-keys.page').then((m) => ({ default: m.ApiKeysPage })),
);
const SubscriptionsPage = lazy(() =>
  import('../core/subscriptions/subscriptions.page').then((m) => ({ default: m.SubscriptionsPage })),
);

interface CoreRoute {
  path: string;
  allowed?: (session: Session) => boolean;
  render: (params: Record<string, string>) => ReactNode;
}

const CORE_ROUTES: CoreRoute[] = [
  { path: '/', render: () => <OverviewPage /> },
  { path: '/alerts', render: () => <AlertsPage alertId={null} /> },
  { path: '/alerts/:id', render: (p) => <AlertsPage alertId={p.id ?? null} /> },
  { path: '/audit', allowed: canReadAudit, render: () => <AuditPage /> },
  { path: '/users', allowed: canManageUsers, render: () => <UsersPage /> },
  { path: '/api-keys', allowed: canManageApiKeys, render: () => <ApiKeysPage /> },
  { path: '/subscriptions', allowed: canReadSubscriptions, render: () => <SubscriptionsPage /> },
];

type Resolved = { kind: 'page'; node: ReactNode } | { kind: 'forbidden' } | { kind: 'none' };

function resolve(path: string, session: Session): Resolved {
  for (const route of CORE_ROUTES) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.allowed && !route.allowed(session)) return { kind: 'forbidden' };
    return { kind: 'page', node: route.render(params) };
  }
  for (const { route } of moduleRoutes) {
    const params = matchPath(route.path, path);
    if (params) return { kind: 'page', node: <route.component params={params} /> };
  }
  return { kind: 'none' };
}

export function AppRoutes() {
  const session = useSession();
  const { path } = useLocation();
  const { t } = useI18n();
  const { modules } = useReferenceData();
  const resolved = resolve(path, session);

  let content: ReactNode;
  if (resolved.kind === 'forbidden') {
    content = <EmptyState title={t('error.forbidden')} />;
  } else if (resolved.kind === 'page') {
    content = resolved.node;
  } else {
    // A module the server lists in the navigation but whose screen is not built into this dashboard yet.
    const owner = modules.find((m) => m.nav.some((item) => item.path === path));
    content = owner ? (
      <EmptyState title={t('module.noView')} hint={t('module.noViewHint', { id: owner.id })} />
    ) : (
      <EmptyState title={t('error.notFound')} hint={t('error.notFoundDetail')} />
    );
  }
  return <Suspense fallback={<Loading />}>{content}</Suspense>;
}
