import { useCallback, useMemo } from 'react';
import { buildUrl } from '../../app/api-client';
import { useI18n } from '../../app/i18n';
import { LiveIndicator } from '../../app/live-indicator';
import { navigate, useLocation } from '../../app/router';
import type { Alert } from '../../app/types';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { AlertDetailPanel } from './alert-detail-panel';
import { AlertFilterBar } from './alert-filter-bar';
import { filtersFromQuery, filtersToQuery, hasActiveFilters, type AlertFilters } from './alert-filters';
import { AlertTable } from './alert-table';
import { useAlertList } from './use-alert-list';

export function AlertsPage({ alertId }: { alertId: string | null }) {
  const { t } = useI18n();
  const { query } = useLocation();
  const filters = useMemo(() => filtersFromQuery(query), [query]);
  const { list, highlighted, upsert, loadMore } = useAlertList(filters);

  const search = query.toString();
  const hrefFor = useCallback(
    (a: Alert) => `/alerts/${encodeURIComponent(a.id)}${search ? `?${search}` : ''}`,
    [search],
  );
  const setFilters = useCallback(
    (next: AlertFilters) => {
      const base = alertId ? `/alerts/${encodeURIComponent(alertId)}` : '/alerts';
      navigate(buildUrl(base, filtersToQuery(next)), { replace: true });
    },
    [alertId],
  );
  const closeDetail = () => navigate(`/alerts${search ? `?${search}` : ''}`);
  const onAlertChanged = useCallback((a: Alert) => upsert(a, false), [upsert]);

  const items = list.data?.items ?? [];
  let body;
  if (list.error) body = <ErrorState error={list.error} onRetry={list.reload} />;
  else if (!list.data) body = <Loading />;
  else if (items.length === 0)
    body = (
      <EmptyState
        title={t('alerts.empty')}
        hint={hasActiveFilters(filters) ? undefined : t('alerts.emptyHint')}
      />
    );
  else
    body = (
      <>
        <AlertTable
          alerts={items}
          selectedId={alertId}
          highlighted={highlighted}
          hrefFor={hrefFor}
          onOpen={(a) => navigate(hrefFor(a))}
          compact={alertId !== null}
        />
        <div className="list-footer">
          <span className="muted small">{t('common.showing', { count: items.length })}</span>
          {list.data.nextCursor && (
            <button
              type="button"
              className="btn"
              onClick={() => void loadMore.run()}
              disabled={loadMore.pending}
            >
              {loadMore.pending ? t('common.loading') : t('common.loadMore')}
            </button>
          )}
        </div>
        {loadMore.error && <ErrorState error={loadMore.error} inline />}
      </>
    );

  return (
    <div className={alertId ? 'page split' : 'page'} data-testid="alerts-page">
      <div className="split__main">
        <PageHeader title={t('alerts.title')} actions={<LiveIndicator />} />
        <AlertFilterBar filters={filters} onChange={setFilters} />
        <div className="card card--flush" aria-busy={list.loading}>
          {list.loading && list.data && <div className="progress-bar" aria-hidden="true" />}
          {body}
        </div>
      </div>
      {alertId && (
        <AlertDetailPanel
          key={alertId}
          alertId={alertId}
          onClose={closeDetail}
          onAlertChanged={onAlertChanged}
        />
      )}
    </div>
  );
}
