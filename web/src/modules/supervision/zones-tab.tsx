import { useApi } from '../../app/auth';
import { useResource } from '../../app/use-resource';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { Table, type Column } from '../../components/table';
import { useSupervisionI18n } from './i18n';
import type { Zone, ZoneList } from '../../../../src/modules/supervision/supervision.contract.js';

/** Restricted zones in the user's regions, what is forbidden in each, and incursions in 30 days. */
export function ZonesTab() {
  const api = useApi();
  const { t, tOr, formatNumber, regionName } = useSupervisionI18n();
  const list = useResource('sv-zones', () => api.get<ZoneList>('/api/supervision/zones'));
  const columns: Column<Zone>[] = [
    { id: 'name', header: t('zonesTab.name'), cell: (z) => <span className="cell-title">{z.name}</span> },
    { id: 'kind', header: t('zonesTab.kind'), cell: (z) => tOr(`zoneKind.${z.kind}`, z.kind) },
    { id: 'region', header: t('zonesTab.region'), cell: (z) => regionName(z.region) },
    {
      id: 'forbidden',
      header: t('zonesTab.forbidden'),
      cell: (z) => (
        <span className="tag-list">
          {z.forbiddenActivities.map((activity) => (
            <span key={activity} className="tag mono">
              {activity}
            </span>
          ))}
        </span>
      ),
    },
    {
      id: 'incursions',
      header: t('zonesTab.incursions'),
      className: 'num',
      cell: (z) => <span data-testid="sv-zone-incursions">{formatNumber(z.incursions30d)}</span>,
    },
  ];
  return (
    <section className="card card--flush" aria-label={t('tab.zones')}>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} inline />
      ) : !list.data ? (
        <Loading inline />
      ) : list.data.items.length === 0 ? (
        <p className="muted small sv-pad">{t('zonesTab.empty')}</p>
      ) : (
        <Table
          columns={columns}
          rows={list.data.items}
          rowKey={(z) => z.id}
          caption={t('tab.zones')}
          rowTestId="sv-zone-row"
          testId="sv-zones"
        />
      )}
    </section>
  );
}
