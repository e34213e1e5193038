import type { ReactNode } from 'react';
import { buildUrl } from '../../app/api-client';
import { useApi } from '../../app/auth';
import { useResource } from '../../app/use-resource';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { useCatalogue } from './catalogue';
import { ChangeText } from './change-text';
import { ChildrenTable } from './children-table';
import { sliceToApi, type ForecastQuery } from './forecast-query';
import { useForecastingI18n } from './i18n';
import type { Change, DynamicsView } from '../../../../src/modules/forecasting/forecasting.contract.js';

function Figure({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: ReactNode;
  detail?: string;
  testId: string;
}) {
  return (
    <div className="fc-figure">
      <dt>{label}</dt>
      <dd className="stat-card__value num" data-testid={testId}>
        {value}
      </dd>
      {detail && <dd className="muted small">{detail}</dd>}
    </div>
  );
}

function ChangeFigure({ label, change, testId }: { label: string; change: Change | null; testId: string }) {
  const { t, formatNumber } = useForecastingI18n();
  const difference = change
    ? `${change.difference > 0 ? '+' : change.difference < 0 ? '−' : ''}${formatNumber(Math.abs(change.difference))}`
    : undefined;
  return (
    <Figure
      label={label}
      value={<ChangeText percent={change?.percent} />}
      detail={
        change
          ? t('dyn.changeDetail', { difference: difference ?? '', previous: formatNumber(change.previous) })
          : undefined
      }
      testId={testId}
    />
  );
}

/** The latest complete period of the slice in figures, and the next level down along area and category. */
export function DynamicsCard({ query }: { query: ForecastQuery }) {
  const api = useApi();
  const i18n = useForecastingI18n();
  const { t, formatNumber, share } = i18n;
  const { areaName, categoryName } = useCatalogue();
  const apiQuery = sliceToApi(query);
  const dynamics = useResource(buildUrl('/api/forecasting/dynamics', apiQuery), () =>
    api.get<DynamicsView>('/api/forecasting/dynamics', apiQuery),
  );
  const view = dynamics.data;
  if (dynamics.error) return <ErrorState error={dynamics.error} onRetry={dynamics.reload} />;
  if (!view) return <Loading />;

  const latest = view.latest;
  const widerArea =
    query.district !== null
      ? areaName({ region: query.region, district: null })
      : query.region
        ? t('area.country')
        : null;
  const widerCategory =
    query.article !== null
      ? categoryName({ chapter: query.chapter, article: null })
      : query.chapter
        ? t('category.all')
        : null;
  const mom = query.frequency === 'monthly' ? t('dyn.mom.monthly') : t('dyn.mom.weekly');

  return (
    <section
      className="card fc-dynamics"
      aria-labelledby="fc-dynamics-title"
      aria-busy={dynamics.loading}
      data-testid="fc-dynamics"
    >
      <div className="card__head">
        <h2 id="fc-dynamics-title" className="card__title">
          {latest
            ? t('dyn.title', { period: i18n.period(latest.period, query.frequency) })
            : t('dyn.titleNoData')}
        </h2>
        {view.slice.population !== null && (
          <p className="muted small">
            {t('dyn.population', { population: formatNumber(view.slice.population) })}
          </p>
        )}
      </div>
      {latest ? (
        <dl className="fc-figures">
          <Figure label={t('dyn.count')} value={formatNumber(latest.count)} testId="fc-latest-count" />
          <Figure
            label={t('dyn.rate')}
            value={latest.rate === null ? '—' : formatNumber(latest.rate, 2)}
            testId="fc-latest-rate"
          />
          <ChangeFigure label={mom} change={latest.monthOnMonth} testId="fc-latest-mom" />
          <ChangeFigure label={t('dyn.yoy')} change={latest.yearOnYear} testId="fc-latest-yoy" />
          {widerArea && (
            <Figure
              label={t('dyn.shareOfArea', { area: widerArea })}
              value={share(latest.shareOfArea)}
              testId="fc-share-area"
            />
          )}
          {widerCategory && (
            <Figure
              label={t('dyn.shareOfCategory', { category: widerCategory })}
              value={share(latest.shareOfCategory)}
              testId="fc-share-category"
            />
          )}
        </dl>
      ) : (
        <p className="muted">{t('dyn.noData')}</p>
      )}
      <div className="fc-children">
        {view.children.map((group) => (
          <div key={group.dimension} className="fc-children__group">
            <h3 className="fc-subtitle">{t(`children.${group.dimension}`)}</h3>
            <div className="fc-children__scroll">
              <ChildrenTable query={query} dimension={group.dimension} items={group.items} />
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
