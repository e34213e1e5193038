import { Link, useLocation } from '../../app/router';
import { useAppealsI18n } from './i18n';

/** The module's two screens, the queue and the model versions, as tabs under the page title. */
export function AppealsTabs() {
  const { t } = useAppealsI18n();
  const { path } = useLocation();
  const onModels = path === '/appeals/models';
  return (
    <nav className="page-tabs" aria-label={t('title')}>
      <Link
        to="/appeals"
        className={onModels ? 'page-tabs__tab' : 'page-tabs__tab is-active'}
        aria-current={onModels ? undefined : 'page'}
        data-testid="appeals-tab-queue"
      >
        {t('tab.queue')}
      </Link>
      <Link
        to="/appeals/models"
        className={onModels ? 'page-tabs__tab is-active' : 'page-tabs__tab'}
        aria-current={onModels ? 'page' : undefined}
        data-testid="appeals-tab-models"
      >
        {t('tab.models')}
      </Link>
    </nav>
  );
}
