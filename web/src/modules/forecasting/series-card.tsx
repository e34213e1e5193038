import { useMemo } from 'react';
import { buildUrl } from '../../app/api-client';
import { useApi, useSession } from '../../app/auth';
import { Link } from '../../app/router';
import { useResource } from '../../app/use-resource';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { canOpenAlertOf } from './access';
import { useCatalogue } from './catalogue';
import { EChart } from '../../components/echart';
import { sliceToApi, type ForecastQuery } from './forecast-query';
import { useForecastingI18n } from './i18n';
import { ModelExplanation } from './model-explanation';
import { buildSeriesOption } from './series-option';
import type { ForecastView } from '../../../../src/modules/forecasting/forecasting.contract.js';

/** The slice's history and forecast with its fans, the flagged periods, and why this model was chosen. */
export function SeriesCard({ query }: { query: ForecastQuery }) {
  const api = useApi();
  const session = useSession();
  const i18n = useForecastingI18n();
  const { t, formatNumber } = i18n;
  const { sliceName } = useCatalogue();
  const apiQuery = { ...sliceToApi(query), horizon: query.horizon };
  const forecast = useResource(buildUrl('/api/forecasting/forecast', apiQuery), () =>
    api.get<ForecastView>('/api/forecasting/forecast', apiQuery),
  );
  const view = forecast.data;
  const option = useMemo(() => (view ? buildSeriesOption(view, i18n) : null), [view, i18n]);
  const exportHref = buildUrl('/api/forecasting/export.csv', apiQuery);

  let body;
  if (forecast.error) body = <ErrorState error={forecast.error} onRetry={forecast.reload} inline />;
  else if (!view || !option) body = <Loading inline />;
  else if (view.history.length === 0) body = <EmptyState title={t('series.empty')} />;
  else
    body = (
      <>
        <EChart
          option={option}
          className="fc-series"
          label={t('series.label', { slice: sliceName(query) })}
          testId="fc-series"
          data={{ forecast: view.forecast.length, flagged: view.flagged.length, model: view.model }}
        />
        {view.partial && (
          <p className="muted small" data-testid="fc-partial">
            {t('series.partialNote', {
              period: i18n.period(view.partial.period, query.frequency),
              count: formatNumber(view.partial.count),
            })}
          </p>
        )}
        {view.flagged.length > 0 && (
          <ul className="fc-flagged" data-testid="fc-flagged">
            {view.flagged.map((f) => (
              <li key={f.id}>
                <span className="fc-dot" aria-hidden="true" />
                {i18n.period(f.period, query.frequency)}: {t(`kind.${f.kind}`)},{' '}
                {t(`direction.${f.direction}`)}
                {f.alertId && canOpenAlertOf(session, query.region) && (
                  <>
                    {' · '}
                    <Link to={`/alerts/${encodeURIComponent(f.alertId)}`}>{t('common.openAlert')}</Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        <ModelExplanation view={view} />
      </>
    );

  return (
    <section className="card fc-series-card" aria-labelledby="fc-series-title" aria-busy={forecast.loading}>
      <div className="card__head fc-card-head">
        <h2 id="fc-series-title" className="card__title" data-testid="fc-series-title">
          {sliceName(query)}
        </h2>
        <a className="btn btn--small" href={exportHref} download data-testid="fc-export">
          {t('export.csv')}
        </a>
      </div>
      {forecast.loading && view && <div className="progress-bar" aria-hidden="true" />}
      {body}
    </section>
  );
}
