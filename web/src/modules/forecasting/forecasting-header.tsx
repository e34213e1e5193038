import type { ReactNode } from 'react';
import { useSession } from '../../app/auth';
import { Link, useLocation } from '../../app/router';
import { PageHeader } from '../../components/page-header';
import { canSubscribe } from './access';
import { useForecastingI18n, type ForecastingKey } from './i18n';

const TABS: { path: string; label: ForecastingKey; testId: string; subscriptions?: boolean }[] = [
  { path: '/forecasting', label: 'tab.dashboard', testId: 'fc-tab-dashboard' },
  { path: '/forecasting/anomalies', label: 'tab.anomalies', testId: 'fc-tab-anomalies' },
  {
    path: '/forecasting/subscriptions',
    label: 'tab.subscriptions',
    testId: 'fc-tab-subscriptions',
    subscriptions: true,
  },
];

/**
 * The module's title, the caveat every figure here carries, and its screens as tabs. The caveat is on every
 * screen because the counts are registrations: a campaign, a new registration rule or better reporting moves them
 * as much as offending does.
 */
export function ForecastingHeader({ actions }: { actions?: ReactNode }) {
  const { t } = useForecastingI18n();
  const { path } = useLocation();
  const session = useSession();
  return (
    <PageHeader title={t('title')} actions={actions}>
      <p className="page-note page-note--warning" role="note" data-testid="fc-caveat">
        {t('caveat')}
      </p>
      <nav className="page-tabs" aria-label={t('title')}>
        {TABS.filter((tab) => !tab.subscriptions || canSubscribe(session)).map((tab) => (
          <Link
            key={tab.path}
            to={tab.path}
            className={tab.path === path ? 'page-tabs__tab is-active' : 'page-tabs__tab'}
            aria-current={tab.path === path ? 'page' : undefined}
            data-testid={tab.testId}
          >
            {t(tab.label)}
          </Link>
        ))}
      </nav>
    </PageHeader>
  );
}
