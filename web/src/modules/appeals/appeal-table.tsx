import { useReferenceData } from '../../app/reference-data';
import { Link } from '../../app/router';
import { SeverityBadge } from '../../components/badge';
import { RelativeTime } from '../../components/relative-time';
import { Table, type Column } from '../../components/table';
import { AppealStatusBadge, LabelChips } from './appeal-badges';
import { useAppealsI18n } from './i18n';
import { SlaCountdown } from './sla-countdown';
import type { AppealQueueItem } from '../../../../src/modules/appeals/appeals.contract.js';

interface AppealTableProps {
  appeals: AppealQueueItem[];
  selectedId: string | null;
  hrefFor: (appeal: AppealQueueItem) => string;
  onOpen: (appeal: AppealQueueItem) => void;
  /** Beside the detail panel only the columns needed to pick the next appeal are shown. */
  compact?: boolean;
}

const COMPACT_COLUMNS = new Set(['risk', 'appeal', 'labels', 'sla']);

export function AppealTable({ appeals, selectedId, hrefFor, onOpen, compact = false }: AppealTableProps) {
  const { t } = useAppealsI18n();
  const { regionName } = useReferenceData();

  const allColumns: Column<AppealQueueItem>[] = [
    {
      id: 'risk',
      header: t('col.risk'),
      // Risk levels are the same four steps as alert severity, so they share its badge and colours.
      cell: (a) => <SeverityBadge severity={a.riskLevel} />,
      className: 'nowrap',
    },
    {
      id: 'appeal',
      header: t('col.appeal'),
      className: 'cell-appeal',
      cell: (a) => (
        <div className="appeal-cell">
          <Link
            to={hrefFor(a)}
            className="row-link mono"
            data-testid="appeal-link"
            onClick={(e) => e.stopPropagation()}
          >
            {a.externalId}
          </Link>
          {a.subject && <span className="appeal-cell__subject">{a.subject}</span>}
          {!compact && <span className="muted small mono appeal-cell__applicant">{a.applicant}</span>}
        </div>
      ),
    },
    {
      id: 'labels',
      header: t('col.labels'),
      cell: (a) => <LabelChips labels={a.labels} modelLabels={a.modelLabels} />,
    },
    { id: 'region', header: t('col.region'), cell: (a) => regionName(a.region) },
    {
      id: 'language',
      header: t('col.language'),
      cell: (a) => t(`lang.${a.language}`),
      className: 'nowrap',
    },
    {
      id: 'status',
      header: t('col.status'),
      cell: (a) => <AppealStatusBadge status={a.status} />,
      className: 'nowrap',
    },
    {
      id: 'sla',
      header: t('col.sla'),
      cell: (a) => <SlaCountdown dueAt={a.slaDueAt} status={a.status} />,
      className: 'nowrap',
    },
    {
      id: 'received',
      header: t('col.received'),
      cell: (a) => <RelativeTime iso={a.receivedAt} />,
      className: 'nowrap',
    },
  ];

  const columns = compact ? allColumns.filter((c) => COMPACT_COLUMNS.has(c.id)) : allColumns;
  return (
    <Table
      columns={columns}
      rows={appeals}
      rowKey={(a) => a.id}
      caption={t('title')}
      selectedKey={selectedId}
      onRowClick={onOpen}
      rowTestId="appeal-row"
      testId="appeal-table"
    />
  );
}
