import type { ReactNode } from 'react';
import { Link } from '../../app/router';
import { PageHeader } from '../../components/page-header';
import { useSupervisionI18n, type SupervisionKey } from './i18n';

export const TABS = ['dashboard', 'watchlist', 'probation', 'zones', 'flights'] as const;
export type Tab = (typeof TABS)[number];

const hrefOf = (tab: Tab) => (tab === 'dashboard' ? '/supervision' : `/supervision/${tab}`);

/**
 * The module's title, the privacy rule every screen here carries, and its screens as tabs. The privacy line is on
 * every screen because the cameras see everyone: what matches no list is deleted after 72 hours, unseen.
 */
export function SupervisionHeader({ tab, actions }: { tab: Tab; actions?: ReactNode }) {
  const { t } = useSupervisionI18n();
  return (
    <PageHeader title={t('title')} actions={actions}>
      <p className="page-note" role="note" data-testid="sv-privacy">
        {t('privacy')}
      </p>
      <nav className="page-tabs" aria-label={t('title')}>
        {TABS.map((item) => (
          <Link
            key={item}
            to={hrefOf(item)}
            className={item === tab ? 'page-tabs__tab is-active' : 'page-tabs__tab'}
            aria-current={item === tab ? 'page' : undefined}
            data-testid={`sv-tab-${item}`}
          >
            {t(`tab.${item}` as SupervisionKey)}
          </Link>
        ))}
      </nav>
    </PageHeader>
  );
}
