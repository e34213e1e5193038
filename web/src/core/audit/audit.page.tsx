import { useEffect, useState } from 'react';
import { buildUrl } from '../../app/api-client';
import { useApi } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { AuditEntry, Page } from '../../app/types';
import { useAction } from '../../app/use-action';
import { useResource } from '../../app/use-resource';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { Field } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { AuditTable } from './audit-table';
import { AuditVerify } from './audit-verify';

const PAGE_SIZE = 100;
const FILTER_DEBOUNCE_MS = 350;
// The outcomes the audit log records (src/core/audit/audit.types.ts).
const OUTCOMES = ['success', 'denied', 'failure'] as const;

interface AuditFilters {
  actor: string;
  action: string;
  outcome: string;
}

export function AuditPage() {
  const api = useApi();
  const { t } = useI18n();
  const [draft, setDraft] = useState<AuditFilters>({ actor: '', action: '', outcome: '' });
  const [filters, setFilters] = useState(draft);

  useEffect(() => {
    const timer = window.setTimeout(() => setFilters(draft), FILTER_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draft]);

  const query = {
    actor: filters.actor.trim(),
    action: filters.action.trim(),
    outcome: filters.outcome.trim(),
  };
  const list = useResource(buildUrl('/api/audit', query), () =>
    api.get<Page<AuditEntry>>('/api/audit', { ...query, limit: PAGE_SIZE }),
  );
  const more = useAction(async () => {
    const cursor = list.data?.nextCursor;
    if (!cursor) return;
    const page = await api.get<Page<AuditEntry>>('/api/audit', { ...query, limit: PAGE_SIZE, cursor });
    list.setData((prev) => ({ items: [...(prev?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
  });

  const field = (key: keyof AuditFilters, label: string) => (
    <Field label={label}>
      {({ id }) => (
        <input
          id={id}
          className="input"
          value={draft[key]}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
          data-testid={`audit-filter-${key}`}
        />
      )}
    </Field>
  );

  const items = list.data?.items ?? [];
  return (
    <div className="page" data-testid="audit-page">
      <PageHeader title={t('audit.title')} actions={<AuditVerify />} />
      <form className="filter-bar" role="search" onSubmit={(e) => e.preventDefault()}>
        {field('actor', t('audit.filter.actor'))}
        {field('action', t('audit.filter.action'))}
        <Field label={t('audit.filter.outcome')}>
          {({ id }) => (
            <select
              id={id}
              className="input"
              value={draft.outcome}
              onChange={(e) => setDraft({ ...draft, outcome: e.target.value })}
              data-testid="audit-filter-outcome"
            >
              <option value="">{t('common.any')}</option>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`audit.outcome.${o}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      <div className="card card--flush" aria-busy={list.loading}>
        {list.loading && list.data && <div className="progress-bar" aria-hidden="true" />}
        {list.error ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : !list.data ? (
          <Loading />
        ) : items.length === 0 ? (
          <EmptyState title={t('audit.empty')} />
        ) : (
          <>
            <AuditTable entries={items} />
            <div className="list-footer">
              <span className="muted small">{t('common.showing', { count: items.length })}</span>
              {list.data.nextCursor && (
                <button type="button" className="btn" onClick={() => void more.run()} disabled={more.pending}>
                  {more.pending ? t('common.loading') : t('common.loadMore')}
                </button>
              )}
            </div>
            {more.error && <ErrorState error={more.error} inline />}
          </>
        )}
      </div>
    </div>
  );
}
