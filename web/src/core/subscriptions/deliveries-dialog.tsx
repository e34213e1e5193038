import { useApi } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { Link } from '../../app/router';
import type { Delivery, Subscription } from '../../app/types';
import { useResource } from '../../app/use-resource';
import { Badge } from '../../components/badge';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { Modal } from '../../components/modal';
import { DateTime } from '../../components/relative-time';
import { Table, type Column } from '../../components/table';

export function DeliveriesDialog({
  subscription,
  onClose,
}: {
  subscription: Subscription;
  onClose: () => void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const path = `/api/subscriptions/${encodeURIComponent(subscription.id)}/deliveries`;
  const deliveries = useResource(path, () => api.get<{ deliveries: Delivery[] }>(path));

  const columns: Column<Delivery>[] = [
    { id: 'at', header: t('delivery.col.at'), cell: (d) => <DateTime iso={d.at} />, className: 'nowrap' },
    {
      id: 'alert',
      header: t('delivery.col.alert'),
      cell: (d) => (
        <Link to={`/alerts/${encodeURIComponent(d.alertId)}`} className="mono small" onClick={onClose}>
          {d.alertId}
        </Link>
      ),
    },
    { id: 'attempt', header: t('delivery.col.attempt'), cell: (d) => d.attempt, className: 'num' },
    {
      id: 'http',
      header: t('delivery.col.http'),
      cell: (d) => <span className="mono">{d.httpStatus ?? '—'}</span>,
      className: 'num',
    },
    {
      id: 'duration',
      header: t('delivery.col.duration'),
      cell: (d) => (d.durationMs === null ? '—' : t('delivery.ms', { ms: d.durationMs })),
      className: 'num',
    },
    {
      id: 'result',
      header: t('delivery.col.result'),
      cell: (d) =>
        d.ok ? (
          <Badge tone="success">{t('delivery.ok')}</Badge>
        ) : (
          <Badge tone="danger">{t('delivery.failed')}</Badge>
        ),
    },
    {
      id: 'error',
      header: t('delivery.col.error'),
      cell: (d) => (d.error ? <span className="small">{d.error}</span> : <span className="muted">—</span>),
    },
  ];

  const list = deliveries.data?.deliveries ?? [];
  return (
    <Modal
      title={t('subs.deliveriesTitle', { url: subscription.url })}
      onClose={onClose}
      wide
      testId="deliveries-dialog"
    >
      {deliveries.error ? (
        <ErrorState error={deliveries.error} onRetry={deliveries.reload} />
      ) : !deliveries.data ? (
        <Loading />
      ) : list.length === 0 ? (
        <EmptyState title={t('delivery.empty')} />
      ) : (
        <Table columns={columns} rows={list} rowKey={(d) => d.id} caption={t('subs.deliveries')} />
      )}
    </Modal>
  );
}
