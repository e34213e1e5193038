import { useCallback, useMemo, useState } from 'react';
import { useAlertEvents } from '../../app/alert-stream';
import { buildUrl } from '../../app/api-client';
import { useApi, useSession } from '../../app/auth';
import { navigate, useLocation } from '../../app/router';
import { useResource } from '../../app/use-resource';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { canReadAppeals } from './access';
import { AppealDetailPanel } from './appeal-detail-panel';
import { AppealFilterBar } from './appeal-filter-bar';
import { filtersFromQuery, filtersToQuery, hasActiveFilters, type AppealFilters } from './appeal-filters';
import { AppealTable } from './appeal-table';
import { AppealsTabs } from './appeals-tabs';
import { useAppealsI18n } from './i18n';
import { StatsStrip } from './stats-strip';
import type { AppealQueueItem, AppealStats } from '../../../../src/modules/appeals/appeals.contract.js';
import { useAppealList } from './use-appeal-list';
import './appeals.css';

/** The analyst queue at /appeals, with the appeal open beside it at /appeals/:id (filters kept in the query). */
export function AppealsPage({ params }: { params: Record<string, string> }) {
  const session = useSession();
  const { t, tCore } = useAppealsI18n();
  if (!canReadAppeals(session)) return <EmptyState title={tCore('error.forbidden')} />;
  return <AppealsQueue appealId={params.id ?? null} title={t('title')} />;
}

function AppealsQueue({ appealId, title }: { appealId: string | null; title: string }) {
  const api = useApi();
  const { t, tCore } = useAppealsI18n();
  const { query } = useLocation();
  const filters = useMemo(() => filtersFromQuery(query), [query]);
  const { list, update, loadMore } = useAppealList(filters);
  const stats = useResource('appeal-stats', () => api.get<AppealStats>('/api/appeals/stats'));
  const [fresh, setFresh] = useState(false);

  // Intake raises an alert for every high or critical appeal: that is the signal that the queue has grown. The list
  // is not reloaded under the analyst's hands; they choose when.
  useAlertEvents((type, alert) => {
    if (type === 'alert.created' && alert.module === 'appeals') setFresh(true);
  });

  const search = query.toString();
  const hrefFor = useCallback(
    (a: AppealQueueItem) => `/appeals/${encodeURIComponent(a.id)}${search ? `?${search}` : ''}`,
    [search],
  );
  const setFilters = useCallback(
    (next: AppealFilters) => {
      const base = appealId ? `/appeals/${encodeURIComponent(appealId)}` : '/appeals';
      navigate(buildUrl(base, filtersToQuery(next)), { replace: true });
    },
    [appealId],
  );
  const closeDetail = () => navigate(`/appeals${search ? `?${search}` : ''}`);
  const refresh = () => {
    setFresh(false);
    list.reload();
    stats.reload();
  };

  const items = list.data?.items ?? [];
  let body;
  if (list.error) body = <ErrorState error={list.error} onRetry={list.reload} />;
  else if (!list.data) body = <Loading />;
  else if (items.length === 0)
    body = (
      <EmptyState
        title={t('queue.empty')}
        hint={hasActiveFilters(filters) ? undefined : t('queue.emptyHint')}
      />
    );
  else
    body = (
      <>
        <AppealTable
          appeals={items}
          selectedId={appealId}
          hrefFor={hrefFor}
          onOpen={(a) => navigate(hrefFor(a))}
          compact={appealId !== null}
        />
        <div className="list-footer">
          <span className="muted small">{tCore('common.showing', { count: items.length })}</span>
          {list.data.nextCursor && (
            <button
              type="button"
              className="btn"
              onClick={() => void loadMore.run()}
              disabled={loadMore.pending}
              data-testid="appeals-load-more"
            >
              {loadMore.pending ? tCore('common.loading') : tCore('common.loadMore')}
            </button>
          )}
        </div>
        {loadMore.error && <ErrorState error={loadMore.error} inline />}
      </>
    );

  return (
    <div className={appealId ? 'page split appeals-page' : 'page appeals-page'} data-testid="appeals-page">
      <div className="split__main">
        <PageHeader
          title={title}
          actions={
            <button type="button" className="btn btn--small" onClick={refresh} data-testid="appeals-refresh">
              {tCore('common.refresh')}
            </button>
          }
        >
          <AppealsTabs />
        </PageHeader>
        {fresh && (
          <p className="notice notice--warning appeals-fresh" role="status" data-testid="appeals-fresh">
            {t('newArrived')}{' '}
            <button type="button" className="btn btn--small" onClick={refresh}>
              {t('showNew')}
            </button>
          </p>
        )}
        {/* Beside an open appeal the table needs the width; the figures come back when it is closed. */}
        {!appealId &&
          (stats.error ? (
            <ErrorState error={stats.error} onRetry={stats.reload} />
          ) : stats.data ? (
            <StatsStrip stats={stats.data} filters={filters} onFilter={setFilters} />
          ) : (
            <Loading />
          ))}
        <AppealFilterBar filters={filters} onChange={setFilters} />
        <div className="card card--flush" aria-busy={list.loading}>
          {list.loading && list.data && <div className="progress-bar" aria-hidden="true" />}
          {body}
        </div>
      </div>
      {appealId && (
        <AppealDetailPanel
          key={appealId}
          appealId={appealId}
          onClose={closeDetail}
          onAppealChanged={update}
        />
      )}
    </div>
  );
}
