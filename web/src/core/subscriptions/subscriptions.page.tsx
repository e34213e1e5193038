import { useState } from 'react';
import { canManageSubscriptions } from '../../app/access';
import { useApi, useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useReferenceData } from '../../app/reference-data';
import type { Agency, Subscription } from '../../app/types';
import { useAction } from '../../app/use-action';
import { useResource } from '../../app/use-resource';
import { Badge, SeverityBadge } from '../../components/badge';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { RelativeTime } from '../../components/relative-time';
import { Table, type Column } from '../../components/table';
import { DeliveriesDialog } from './deliveries-dialog';
import { SubscriptionCreateDialog } from './subscription-create-dialog';

function LastDelivery({ last }: { last: Subscription['lastDelivery'] }) {
  const { t } = useI18n();
  if (!last) return <span className="muted">{t('subs.noDelivery')}</span>;
  const ok = last.status === 'ok' || last.status === 'delivered' || last.status === 'success';
  const pending = last.status === 'pending';
  return (
    <span className="stack-inline">
      <Badge tone={ok ? 'success' : pending ? 'info' : 'danger'}>
        {ok ? t('delivery.ok') : pending ? t('delivery.pending') : t('delivery.failed')}
        {last.httpStatus ? ` · ${last.httpStatus}` : ''}
      </Badge>
      <span className="muted small">
        <RelativeTime iso={last.at} />
      </span>
    </span>
  );
}

export function SubscriptionsPage() {
  const api = useApi();
  const canManage = canManageSubscriptions(useSession());
  const { t, pick } = useI18n();
  const { scopeLabel, moduleName } = useReferenceData();
  const subs = useResource('subscriptions', () =>
    api.get<{ subscriptions: Subscription[] }>('/api/subscriptions'),
  );
  const agencies = useResource('agencies', () => api.get<{ agencies: Agency[] }>('/api/agencies'));
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Subscription | null>(null);
  const [viewing, setViewing] = useState<Subscription | null>(null);
  const remove = useAction(async (s: Subscription) => {
    await api.del(`/api/subscriptions/${encodeURIComponent(s.id)}`);
    return true;
  });

  const agencyName = (id: string) => pick(agencies.data?.agencies.find((a) => a.id === id)?.name) || id;

  async function confirmDelete(s: Subscription) {
    if (!(await remove.run(s))) return;
    setDeleting(null);
    subs.setData((prev) =>
      prev ? { subscriptions: prev.subscriptions.filter((x) => x.id !== s.id) } : prev,
    );
  }

  const columns: Column<Subscription>[] = [
    { id: 'agency', header: t('subs.col.agency'), cell: (s) => agencyName(s.agencyId) },
    {
      id: 'url',
      header: t('subs.col.url'),
      cell: (s) => <span className="mono small break">{s.url}</span>,
      className: 'cell-url',
    },
    { id: 'regions', header: t('subs.col.regions'), cell: (s) => scopeLabel(s.regions) },
    {
      id: 'modules',
      header: t('subs.col.modules'),
      cell: (s) =>
        s.modules.length === 0 || s.modules.includes('*') ? (
          <span className="muted">{t('subs.allModules')}</span>
        ) : (
          s.modules.map(moduleName).join(', ')
        ),
    },
    { id: 'min', header: t('subs.col.minSeverity'), cell: (s) => <SeverityBadge severity={s.minSeverity} /> },
    {
      id: 'active',
      header: t('subs.col.active'),
      cell: (s) =>
        s.active ? (
          <Badge tone="success">{t('common.yes')}</Badge>
        ) : (
          <Badge tone="muted">{t('common.no')}</Badge>
        ),
    },
    { id: 'last', header: t('subs.col.lastDelivery'), cell: (s) => <LastDelivery last={s.lastDelivery} /> },
    {
      id: 'actions',
      header: <span className="visually-hidden">{t('common.actions')}</span>,
      className: 'cell-actions',
      cell: (s) => (
        <div className="row-actions">
          <button type="button" className="btn btn--small" onClick={() => setViewing(s)}>
            {t('subs.deliveries')}
          </button>
          {canManage && (
            <button
              type="button"
              className="btn btn--small btn--danger-outline"
              onClick={() => setDeleting(s)}
            >
              {t('common.delete')}
            </button>
          )}
        </div>
      ),
    },
  ];

  const list = subs.data?.subscriptions ?? [];
  return (
    <div className="page" data-testid="subscriptions-page">
      <PageHeader
        title={t('subs.title')}
        actions={
          canManage && (
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => setCreating(true)}
              data-testid="subscription-create-open"
            >
              {t('subs.create')}
            </button>
          )
        }
      />
      <div className="card card--flush">
        {subs.error ? (
          <ErrorState error={subs.error} onRetry={subs.reload} />
        ) : !subs.data ? (
          <Loading />
        ) : list.length === 0 ? (
          <EmptyState title={t('subs.empty')} hint={t('subs.emptyHint')} />
        ) : (
          <Table
            columns={columns}
            rows={list}
            rowKey={(s) => s.id}
            caption={t('subs.title')}
            rowTestId="subscription-row"
          />
        )}
      </div>
      {creating && (
        <SubscriptionCreateDialog
          agencies={agencies.data?.agencies ?? []}
          onClose={() => setCreating(false)}
          onCreated={(s) => subs.setData((prev) => ({ subscriptions: [s, ...(prev?.subscriptions ?? [])] }))}
        />
      )}
      {viewing && <DeliveriesDialog subscription={viewing} onClose={() => setViewing(null)} />}
      {deleting && (
        <ConfirmDialog
          title={t('common.delete')}
          message={t('subs.deleteConfirm', { url: deleting.url })}
          confirmLabel={t('common.delete')}
          danger
          pending={remove.pending}
          error={remove.error}
          onConfirm={() => void confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
