import { buildUrl } from '../../app/api-client';
import { Link, navigate } from '../../app/router';
import type { Resource } from '../../app/use-resource';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { RelativeTime } from '../../components/relative-time';
import { Table, type Column } from '../../components/table';
import { parseSeriesKey, useCatalogue } from './catalogue';
import { EffectText } from './effect-text';
import { useForecastingI18n } from './i18n';
import { KindBadge } from './kind-badge';
import type {
  DecisionLogView,
  DecisionView,
} from '../../../../src/modules/forecasting/forecasting.contract.js';

const anomalyHref = (d: DecisionView) =>
  buildUrl('/forecasting/anomalies', {
    frequency: d.frequency === 'monthly' ? null : d.frequency,
    anomaly: d.anomalyId,
  });

/** Every decision in the user's regions, newest first, with the counts since against the forecast at the time. */
export function DecisionLog({
  resource,
  compact = false,
}: {
  resource: Resource<DecisionLogView>;
  compact?: boolean;
}) {
  const { t, period } = useForecastingI18n();
  const { sliceName } = useCatalogue();
  const columns: Column<DecisionView>[] = [
    {
      id: 'anomaly',
      header: t('dec.col.anomaly'),
      cell: (d) => (
        <div className="fc-stack">
          <Link to={anomalyHref(d)} className="row-link" onClick={(e) => e.stopPropagation()}>
            {sliceName(parseSeriesKey(d.seriesKey))}
          </Link>
          <span className="stack-inline">
            <span className="muted small">{period(d.period, d.frequency)}</span>
            <KindBadge kind={d.kind} direction={d.direction} />
          </span>
        </div>
      ),
    },
    {
      id: 'decision',
      header: t('dec.col.action'),
      className: 'fc-cell-note',
      cell: (d) => (
        <div className="fc-stack">
          <strong data-testid="fc-log-action" data-action={d.action}>
            {t(`action.${d.action}`)}
          </strong>
          <span className="small" data-testid="fc-log-note">
            {d.note}
          </span>
        </div>
      ),
    },
    {
      id: 'decided',
      header: t('dec.col.decided'),
      className: 'nowrap',
      cell: (d) => (
        <div className="fc-stack">
          <span>{d.decidedBy}</span>
          <span className="muted small">
            <RelativeTime iso={d.decidedAt} />
          </span>
        </div>
      ),
    },
    { id: 'effect', header: t('dec.col.effect'), cell: (d) => <EffectText decision={d} /> },
  ];

  const items = resource.data?.items ?? [];
  let body;
  if (resource.error) body = <ErrorState error={resource.error} onRetry={resource.reload} />;
  else if (!resource.data) body = <Loading />;
  else if (items.length === 0) body = <EmptyState title={t('dec.empty')} />;
  else
    body = (
      <Table
        columns={compact ? columns.filter((c) => c.id !== 'decided') : columns}
        rows={items}
        rowKey={(d) => d.id}
        caption={t('dec.title')}
        onRowClick={(d) => navigate(anomalyHref(d))}
        rowTestId="fc-decision-row"
        testId="fc-decision-log"
      />
    );

  return (
    <section className="card card--flush" aria-labelledby="fc-log-title" aria-busy={resource.loading}>
      <div className="card__head fc-pad">
        <div>
          <h2 id="fc-log-title" className="card__title">
            {t('dec.title')}
          </h2>
          <p className="muted small">{t('dec.hint')}</p>
        </div>
      </div>
      {body}
    </section>
  );
}
