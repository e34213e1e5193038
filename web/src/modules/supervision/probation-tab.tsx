import { useApi } from '../../app/auth';
import { useResource } from '../../app/use-resource';
import { Badge } from '../../components/badge';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { RelativeTime } from '../../components/relative-time';
import { Table, type Column } from '../../components/table';
import { useSupervisionI18n } from './i18n';
import type { ProbationList, Probationer } from '../../../../src/modules/supervision/supervision.contract.js';

/** People on probation in the user's regions (masked), their bracelet's health and violations in 30 days. */
export function ProbationTab() {
  const api = useApi();
  const { t, formatNumber, regionName } = useSupervisionI18n();
  const list = useResource('sv-probation', () => api.get<ProbationList>('/api/supervision/probation'));
  const columns: Column<Probationer>[] = [
    {
      id: 'person',
      header: t('probation.person'),
      cell: (p) => <span className="cell-title">{p.label}</span>,
    },
    { id: 'region', header: t('probation.region'), cell: (p) => regionName(p.region) },
    {
      id: 'bracelet',
      header: t('probation.bracelet'),
      cell: (p) =>
        !p.bracelet ? (
          <span className="muted small">{t('probation.noBracelet')}</span>
        ) : p.braceletSilent ? (
          <Badge tone="danger" testId="sv-bracelet-silent">
            {t('probation.silent')}
          </Badge>
        ) : (
          <Badge tone="success">{t('probation.ok')}</Badge>
        ),
    },
    {
      id: 'ping',
      header: t('probation.lastPing'),
      className: 'nowrap',
      cell: (p) => <RelativeTime iso={p.lastPingAt} />,
    },
    {
      id: 'violations',
      header: t('probation.violations'),
      className: 'num',
      cell: (p) => <span data-testid="sv-probation-violations">{formatNumber(p.violations30d)}</span>,
    },
  ];
  return (
    <section className="card card--flush" aria-label={t('tab.probation')}>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} inline />
      ) : !list.data ? (
        <Loading inline />
      ) : list.data.items.length === 0 ? (
        <p className="muted small sv-pad">{t('probation.empty')}</p>
      ) : (
        <Table
          columns={columns}
          rows={list.data.items}
          rowKey={(p) => p.id}
          caption={t('tab.probation')}
          rowTestId="sv-probation-row"
          testId="sv-probation"
        />
      )}
    </section>
  );
}
