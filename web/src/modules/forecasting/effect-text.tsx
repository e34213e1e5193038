import { ChangeText } from './change-text';
import { useForecastingI18n } from './i18n';
import type { DecisionView } from '../../../../src/modules/forecasting/forecasting.contract.js';

/**
 * Counts since the decision against the forecast made at the time (the server's effect, in the reader's language).
 * A difference is not proof that the action worked: other areas moved too, which is why the caveat stays.
 */
export function EffectText({ decision }: { decision: DecisionView }) {
  const { t, formatNumber } = useForecastingI18n();
  const { effect } = decision;
  if (effect.periods === 0) return <span className="muted">{t('effect.none')}</span>;
  return (
    <span className="fc-effect" data-testid="fc-effect">
      <span>
        {t('effect.figures', {
          observed: formatNumber(effect.observed),
          expected: formatNumber(effect.expected),
        })}{' '}
        (<ChangeText percent={effect.percent} />)
      </span>
      <span className="muted small">
        {t('effect.periods', { periods: effect.periods })} {t('effect.caveat')}
      </span>
    </span>
  );
}
