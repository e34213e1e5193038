import { buildUrl } from '../../app/api-client';
import { useApi, useSession } from '../../app/auth';
import { Link, navigate } from '../../app/router';
import { useResource } from '../../app/use-resource';
import { Badge } from '../../components/badge';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { Table, type Column } from '../../components/table';
import { canOpenAlertOf } from './access';
import { useCatalogue } from './catalogue';
import { forecastingHref, type ForecastQuery } from './forecast-query';
import { useForecastingI18n } from './i18n';
import type { Departure, DeparturesView } from '../../../../src/modules/forecasting/forecasting.contract.js';

const LIMIT = 20;

function DepartureStatus({ item }: { item: Departure }) {
  const { t } = useForecastingI18n();
  if (item.outside95) return <Badge tone="danger">{t('dep.outside')}</Badge>;
  if (!item.complete) return <Badge tone="muted">{t('dep.incomplete')}</Badge>;
  return <Badge tone="neutral">{t('dep.inside')}</Badge>;
}

/** The watched series whose latest complete period is furthest from its forecast; a row opens that series. */
export function DeparturesCard({ query }: { query: ForecastQuery }) {
  const api = useApi();
  const session = useSession();
  const i18n = useForecastingI18n();
  const { t, formatNumber } = i18n;
  const { sliceName } = useCatalogue();
  const apiQuery = { frequency: query.frequency, limit: LIMIT };
  const departures = useResource(buildUrl('/api/forecasting/departures', apiQuery), () =>
    api.get<DeparturesView>('/api/forecasting/departures', apiQuery),
  );
  const hrefOf = (item: Departure) => forecastingHref({ ...query, ...item.slice });

  const columns: Column<Departure>[] = [
    {
      id: 'series',
      header: t('dep.col.series'),
      cell: (item) => (
        <Link
          to={hrefOf(item)}
          className="row-link"
          onClick={(e) => e.stopPropagation()}
          data-testid="fc-departure-link"
        >
          {sliceName(item.slice)}
        </Link>
      ),
    },
    {
      id: 'observed',
      header: t('dep.col.observed'),
      cell: (item) => formatNumber(item.observed),
      className: 'num',
    },
    {
      id: 'expected',
      header: t('dep.col.expected'),
      className: 'num nowrap',
      cell: (item) => (
        <>
          {formatNumber(item.expected)}{' '}
          <span className="muted small">
            ({formatNumber(item.lo80)}–{formatNumber(item.hi80)})
          </span>
        </>
      ),
    },
    {
      id: 'score',
      header: t('dep.col.score'),
      cell: (item) => formatNumber(item.score, 1),
      className: 'num',
    },
    {
      id: 'status',
      header: t('dep.col.status'),
      cell: (item) => <DepartureStatus item={item} />,
      className: 'nowrap',
    },
    {
      id: 'alert',
      header: t('dep.col.alert'),
      className: 'nowrap',
      cell: (item) =>
        item.alertId && canOpenAlertOf(session, item.slice.region) ? (
          <Link
            to={`/alerts/${encodeURIComponent(item.alertId)}`}
            onClick={(e) => e.stopPropagation()}
            data-testid="fc-departure-alert"
          >
            {t('common.openAlert')}
          </Link>
        ) : (
          <span className="muted">—</span>
        ),
    },
  ];

  const view = departures.data;
  let body;
  if (departures.error) body = <ErrorState error={departures.error} onRetry={departures.reload} />;
  else if (!view) body = <Loading />;
  else if (view.items.length === 0) body = <EmptyState title={t('dep.empty')} />;
  else
    body = (
      <Table
        columns={columns}
        rows={view.items}
        rowKey={(item) => item.seriesKey}
        caption={t('dep.titleNoData')}
        onRowClick={(item) => navigate(hrefOf(item))}
        rowTestId="fc-departure-row"
        testId="fc-departures"
      />
    );

  return (
    <section className="card card--flush fc-departures" aria-labelledby="fc-departures-title">
      <div className="card__head fc-card-head fc-pad">
        <div>
          <h2 id="fc-departures-title" className="card__title">
            {view?.period
              ? t('dep.title', { period: i18n.period(view.period, query.frequency) })
              : t('dep.titleNoData')}
          </h2>
          <p className="muted small">{t('dep.hint')}</p>
        </div>
      </div>
      {body}
    </section>
  );
}
