import { Link } from '../../app/router';
import { Badge } from '../../components/badge';
import { DateTime } from '../../components/relative-time';
import { Table, type Column } from '../../components/table';
import { useAppealsI18n } from './i18n';
import { HEADLINE_METRICS } from './model-metrics';
import type { ModelVersion } from '../../../../src/modules/appeals/models/models.contract.js';

interface ModelVersionsTableProps {
  models: ModelVersion[];
  comparing: string | null;
  hrefFor: (model: ModelVersion) => string;
}

export function ModelVersionsTable({ models, comparing, hrefFor }: ModelVersionsTableProps) {
  const { t, formatNumber } = useAppealsI18n();
  const metric = (m: ModelVersion, index: number) => {
    const value = HEADLINE_METRICS[index]?.read(m.card.heldOut) ?? null;
    return value === null ? '—' : formatNumber(value, 3);
  };

  const columns: Column<ModelVersion>[] = [
    {
      id: 'version',
      header: t('models.col.version'),
      cell: (m) => <span className="mono">{m.version}</span>,
    },
    {
      id: 'status',
      header: t('models.col.status'),
      cell: (m) =>
        m.active ? (
          <Badge tone="success" testId="model-active">
            {t('models.active')}
          </Badge>
        ) : (
          <Badge tone="muted">{m.activatedAt ? t('models.previous') : t('models.candidate')}</Badge>
        ),
      className: 'nowrap',
    },
    {
      id: 'created',
      header: t('models.col.created'),
      cell: (m) => <DateTime iso={m.createdAt} />,
      className: 'nowrap',
    },
    {
      id: 'activated',
      header: t('models.col.activated'),
      cell: (m) => (m.activatedAt ? <DateTime iso={m.activatedAt} /> : <span className="muted">—</span>),
      className: 'nowrap',
    },
    ...HEADLINE_METRICS.map((h, index) => ({
      id: h.id,
      header: t(h.label),
      cell: (m: ModelVersion) => metric(m, index),
      className: 'num',
    })),
    {
      id: 'compare',
      header: '',
      className: 'cell-actions',
      cell: (m) =>
        m.active ? null : m.version === comparing ? (
          <span className="muted small">{t('models.comparing')}</span>
        ) : (
          <Link to={hrefFor(m)} className="btn btn--small" data-testid="model-compare">
            {t('models.compare')}
          </Link>
        ),
    },
  ];

  return (
    <Table
      columns={columns}
      rows={models}
      rowKey={(m) => m.version}
      caption={t('models.versions')}
      selectedKey={comparing}
      rowTestId="model-row"
      testId="model-versions"
    />
  );
}
