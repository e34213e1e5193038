import { Link, navigate } from '../../app/router';
import { Table, type Column } from '../../components/table';
import { parseSeriesKey, useCatalogue } from './catalogue';
import { useForecastingI18n } from './i18n';
import { KindBadge } from './kind-badge';
import type { AnomalyView } from '../../../../src/modules/forecasting/forecasting.contract.js';

interface AnomalyTableProps {
  items: AnomalyView[];
  selectedId: string | null;
  hrefFor: (anomaly: AnomalyView) => string;
  /** Beside the detail panel only the columns needed to pick the next anomaly are shown. */
  compact?: boolean;
}

const COMPACT_COLUMNS = new Set(['series', 'period', 'kind', 'score']);

export function AnomalyTable({ items, selectedId, hrefFor, compact = false }: AnomalyTableProps) {
  const { t, formatNumber, period } = useForecastingI18n();
  const { sliceName } = useCatalogue();
  const columns: Column<AnomalyView>[] = [
    {
      id: 'series',
      header: t('anom.col.series'),
      cell: (a) => (
        <Link
          to={hrefFor(a)}
          className="row-link"
          onClick={(e) => e.stopPropagation()}
          data-testid="fc-anomaly-link"
        >
          {sliceName(parseSeriesKey(a.seriesKey))}
        </Link>
      ),
    },
    {
      id: 'period',
      header: t('anom.col.period'),
      cell: (a) => period(a.period, a.frequency),
      className: 'nowrap',
    },
    {
      id: 'kind',
      header: t('anom.col.kind'),
      cell: (a) => <KindBadge kind={a.kind} direction={a.direction} />,
    },
    {
      id: 'observed',
      header: t('anom.col.observed'),
      cell: (a) => formatNumber(a.observed),
      className: 'num',
    },
    {
      id: 'expected',
      header: t('anom.col.expected'),
      cell: (a) => formatNumber(a.expected),
      className: 'num',
    },
    { id: 'score', header: t('anom.col.score'), cell: (a) => formatNumber(a.score, 1), className: 'num' },
    {
      id: 'decisions',
      header: t('anom.col.decisions'),
      cell: (a) => (a.decisions ? formatNumber(a.decisions) : <span className="muted">—</span>),
      className: 'num',
    },
  ];
  return (
    <Table
      columns={compact ? columns.filter((c) => COMPACT_COLUMNS.has(c.id)) : columns}
      rows={items}
      rowKey={(a) => a.id}
      caption={t('anom.title')}
      selectedKey={selectedId}
      onRowClick={(a) => navigate(hrefFor(a))}
      rowTestId="fc-anomaly-row"
      testId="fc-anomalies"
    />
  );
}
