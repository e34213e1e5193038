import { hasMessage, useI18n } from '../../app/i18n';
import { useReferenceData } from '../../app/reference-data';
import type { AuditEntry } from '../../app/types';
import { Badge, type Tone } from '../../components/badge';
import { DateTime } from '../../components/relative-time';
import { Table, type Column } from '../../components/table';

const OUTCOME_TONE: Record<string, Tone> = {
  success: 'success',
  denied: 'danger',
  failure: 'warning',
  error: 'warning',
};

function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = useI18n();
  const key = `audit.outcome.${outcome}`;
  return <Badge tone={OUTCOME_TONE[outcome] ?? 'neutral'}>{hasMessage(key) ? t(key) : outcome}</Badge>;
}

function Details({ details }: { details: unknown }) {
  const { t } = useI18n();
  if (details === null || details === undefined) return <span className="muted">—</span>;
  if (typeof details === 'object' && Object.keys(details).length === 0)
    return <span className="muted">—</span>;
  return (
    <details className="inline-details">
      <summary>{t('audit.details')}</summary>
      <pre className="json">{JSON.stringify(details, null, 2)}</pre>
    </details>
  );
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useI18n();
  const { regionName } = useReferenceData();
  const columns: Column<AuditEntry>[] = [
    {
      id: 'seq',
      header: t('audit.col.seq'),
      cell: (e) => <span className="mono">{e.seq}</span>,
      className: 'num',
    },
    { id: 'at', header: t('audit.col.at'), cell: (e) => <DateTime iso={e.at} />, className: 'nowrap' },
    {
      id: 'actor',
      header: t('audit.col.actor'),
      cell: (e) =>
        e.actor ? (
          <>
            {e.actor.name} <span className="muted small">({e.actor.type})</span>
          </>
        ) : (
          <span className="muted">—</span>
        ),
    },
    { id: 'action', header: t('audit.col.action'), cell: (e) => <span className="mono">{e.action}</span> },
    {
      id: 'subject',
      header: t('audit.col.subject'),
      cell: (e) =>
        e.subjectType ? (
          <span className="mono small">{`${e.subjectType}${e.subjectId ? `:${e.subjectId}` : ''}`}</span>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      id: 'region',
      header: t('audit.col.region'),
      cell: (e) => (e.region ? regionName(e.region) : <span className="muted">—</span>),
    },
    { id: 'outcome', header: t('audit.col.outcome'), cell: (e) => <OutcomeBadge outcome={e.outcome} /> },
    {
      id: 'purpose',
      header: t('audit.col.purpose'),
      cell: (e) => e.purpose ?? <span className="muted">—</span>,
    },
    { id: 'details', header: t('audit.details'), cell: (e) => <Details details={e.details} /> },
  ];
  return (
    <Table
      columns={columns}
      rows={entries}
      rowKey={(e) => String(e.seq)}
      caption={t('audit.title')}
      rowTestId="audit-row"
      testId="audit-table"
    />
  );
}
