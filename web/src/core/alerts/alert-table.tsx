import { useI18n } from '../../app/i18n';
import { useReferenceData } from '../../app/reference-data';
import { Link } from '../../app/router';
import type { Alert } from '../../app/types';
import { SeverityBadge, StatusBadge } from '../../components/badge';
import { RelativeTime } from '../../components/relative-time';
import { Table, type Column } from '../../components/table';

interface AlertTableProps {
  alerts: Alert[];
  selectedId: string | null;
  highlighted: ReadonlySet<string>;
  hrefFor: (alert: Alert) => string;
  onOpen: (alert: Alert) => void;
  /** Beside the detail panel only the columns needed to pick the next alert are shown. */
  compact?: boolean;
}

const COMPACT_COLUMNS = new Set(['severity', 'title', 'region', 'status', 'created']);

export function AlertTable({
  alerts,
  selectedId,
  highlighted,
  hrefFor,
  onOpen,
  compact = false,
}: AlertTableProps) {
  const { t } = useI18n();
  const { regionName, moduleName } = useReferenceData();

  const allColumns: Column<Alert>[] = [
    {
      id: 'severity',
      header: t('alerts.col.severity'),
      cell: (a) => <SeverityBadge severity={a.severity} />,
      className: 'nowrap',
    },
    {
      id: 'title',
      header: t('alerts.col.title'),
      className: 'cell-title',
      cell: (a) => (
        <Link
          to={hrefFor(a)}
          className="row-link"
          data-testid="alert-link"
          onClick={(e) => e.stopPropagation()}
        >
          {a.title}
        </Link>
      ),
    },
    { id: 'module', header: t('alerts.col.module'), cell: (a) => moduleName(a.module), className: 'nowrap' },
    { id: 'region', header: t('alerts.col.region'), cell: (a) => regionName(a.region) },
    {
      id: 'subject',
      header: t('alerts.col.subject'),
      cell: (a) => <span className="mono">{a.subject?.label ?? '—'}</span>,
    },
    {
      id: 'status',
      header: t('alerts.col.status'),
      cell: (a) => <StatusBadge status={a.status} />,
      className: 'nowrap',
    },
    {
      id: 'assignee',
      header: t('alerts.col.assignee'),
      cell: (a) => a.assignee?.displayName ?? <span className="muted">{t('alerts.unassigned')}</span>,
    },
    {
      id: 'created',
      header: t('alerts.col.created'),
      cell: (a) => <RelativeTime iso={a.createdAt} />,
      className: 'nowrap',
    },
  ];

  const columns = compact ? allColumns.filter((c) => COMPACT_COLUMNS.has(c.id)) : allColumns;
  return (
    <Table
      columns={columns}
      rows={alerts}
      rowKey={(a) => a.id}
      caption={t('alerts.title')}
      selectedKey={selectedId}
      highlightKeys={highlighted}
      onRowClick={onOpen}
      rowTestId="alert-row"
      testId="alert-table"
    />
  );
}
