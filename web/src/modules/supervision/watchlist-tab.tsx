import { useState } from 'react';
import { useApi } from '../../app/auth';
import { useResource } from '../../app/use-resource';
import { Badge, type Tone } from '../../components/badge';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { DateTime } from '../../components/relative-time';
import { Table, type Column } from '../../components/table';
import { useSupervisionI18n } from './i18n';
import { Segmented } from '../../components/segmented';
import type { Watchlist, WatchlistEntry } from '../../../../src/modules/supervision/supervision.contract.js';

const DANGER_TONE: Record<WatchlistEntry['dangerLevel'], Tone> = {
  high: 'danger',
  medium: 'warning',
  low: 'info',
};

/** Wanted persons and vehicles in the user's regions, masked; closed ones with why and whether through the system. */
export function WatchlistTab() {
  const api = useApi();
  const { t, tOr, regionName } = useSupervisionI18n();
  const [status, setStatus] = useState<'active' | 'closed'>('active');
  const list = useResource(`sv-watchlist-${status}`, () =>
    api.get<Watchlist>('/api/supervision/watchlist', { status }),
  );

  const columns: Column<WatchlistEntry>[] = [
    {
      id: 'kind',
      header: t('watchlist.kind'),
      cell: (e) => t(e.kind === 'person' ? 'watchlist.person' : 'watchlist.vehicle'),
    },
    {
      id: 'subject',
      header: t('watchlist.subject'),
      cell: (e) => <span className="cell-title">{e.label}</span>,
    },
    { id: 'basis', header: t('watchlist.basis'), cell: (e) => e.warrantBasis },
    { id: 'agency', header: t('watchlist.agency'), cell: (e) => e.issuingAgency },
    {
      id: 'danger',
      header: t('watchlist.danger'),
      cell: (e) => <Badge tone={DANGER_TONE[e.dangerLevel]}>{t(`danger.${e.dangerLevel}`)}</Badge>,
    },
    { id: 'region', header: t('watchlist.region'), cell: (e) => regionName(e.region) },
    {
      id: 'added',
      header: t('watchlist.added'),
      className: 'nowrap',
      cell: (e) => <DateTime iso={e.createdAt} />,
    },
    ...(status === 'closed'
      ? [
          {
            id: 'closed',
            header: t('watchlist.closedAt'),
            className: 'nowrap',
            cell: (e: WatchlistEntry) => <DateTime iso={e.closedAt} />,
          },
          {
            id: 'reason',
            header: t('watchlist.reason'),
            cell: (e: WatchlistEntry) => (
              <>
                {e.closedReason ? tOr(`closed.${e.closedReason}`, e.closedReason) : '—'}
                {e.closedThroughSystem && (
                  <>
                    {' '}
                    <Badge tone="success">{t('watchlist.throughSystem')}</Badge>
                  </>
                )}
              </>
            ),
          },
        ]
      : []),
  ];

  return (
    <section className="card card--flush" aria-label={t('tab.watchlist')}>
      <div className="card__head sv-pad">
        <Segmented
          label={t('tab.watchlist')}
          value={status}
          options={[
            { value: 'active', label: t('watchlist.active') },
            { value: 'closed', label: t('watchlist.closed') },
          ]}
          onChange={setStatus}
          testId="sv-watchlist-status"
        />
      </div>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} inline />
      ) : !list.data ? (
        <Loading inline />
      ) : list.data.items.length === 0 ? (
        <p className="muted small sv-pad">{t('watchlist.empty')}</p>
      ) : (
        <Table
          columns={columns}
          rows={list.data.items}
          rowKey={(e) => e.id}
          caption={t('tab.watchlist')}
          rowTestId="sv-watchlist-row"
          testId="sv-watchlist"
        />
      )}
    </section>
  );
}
