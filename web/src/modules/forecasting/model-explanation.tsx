import { Badge } from '../../components/badge';
import { useForecastingI18n, type ForecastingI18n, type ForecastingKey } from './i18n';
import type { ForecastView } from '../../../../src/modules/forecasting/forecasting.contract.js';

// The server explains its choice in English (forecast.explanation); the same facts are rebuilt here from the
// structured fields so that the reader gets them in their language.

const RECONCILED_WITH: Record<NonNullable<ForecastView['reconciliation']>['level'], ForecastingKey> = {
  regions: 'reconcile.regions',
  country: 'reconcile.country',
  region: 'reconcile.region',
  chapter: 'reconcile.chapter',
};

/** "ets(A,Ad,M)" → "exponential smoothing with a damped trend and a multiplicative season". */
export function describeModel(model: string, { t, tOr }: ForecastingI18n): string {
  const ets = /^ets\(A,(\w+),(\w)\)$/.exec(model);
  if (ets) {
    const [, trend = 'N', season = 'N'] = ets;
    return t('model.ets', {
      trend: tOr(`model.trend.${trend}`, trend),
      season: tOr(`model.season.${season}`, season),
    });
  }
  return tOr(`model.name.${model}`, model);
}

const chosenKeyOf = (model: string) => (model.startsWith('ets(') ? 'ets' : model);

export function ModelExplanation({ view }: { view: ForecastView }) {
  const i18n = useForecastingI18n();
  const { t, tOr, formatNumber } = i18n;
  const chosen = chosenKeyOf(view.model);
  const scores = Object.entries(view.validation)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1]))
    .sort((a, b) => a[1] - b[1]);
  const best = scores[0]?.[0];
  const reconciliation = view.reconciliation;
  const shift = reconciliation?.meanAdjustment ?? 0;

  return (
    <section className="fc-model" aria-labelledby="fc-model-title" data-testid="fc-model">
      <h3 id="fc-model-title" className="fc-subtitle">
        {t('model.title')}
      </h3>
      <p data-testid="fc-model-chosen" data-model={view.model}>
        <strong>{t('model.chosen', { model: describeModel(view.model, i18n) })}</strong>
      </p>
      {scores.length > 0 ? (
        <table className="table table--compact fc-scores" data-testid="fc-validation">
          <caption className="visually-hidden">{t('model.scoresCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('model.col.model')}</th>
              <th scope="col" className="num">
                {t('model.col.mase')}
              </th>
            </tr>
          </thead>
          <tbody>
            {scores.map(([name, value]) => (
              <tr key={name} className={name === chosen ? 'is-selected' : undefined}>
                <td>
                  {tOr(`model.short.${name}`, name)}{' '}
                  {name === chosen && <Badge tone="info">{t('model.chosenBadge')}</Badge>}
                </td>
                <td className="num">{formatNumber(value, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="small fc-explanation" data-testid="fc-explanation">
        {scores.length > 0 ? t('model.why') : t('model.noValidation')}{' '}
        {chosen === 'combination' && best !== 'combination' ? `${t('model.combinationKept')} ` : ''}
        {t('model.intervals')}{' '}
        {reconciliation
          ? t('model.reconciled', {
              with: tOr(RECONCILED_WITH[reconciliation.level], reconciliation.with),
              shift: `${shift >= 0 ? '+' : '−'}${formatNumber(Math.abs(shift), 1)}`,
            })
          : ''}
      </p>
    </section>
  );
}
