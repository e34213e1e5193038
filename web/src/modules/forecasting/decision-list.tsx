import { RelativeTime } from '../../components/relative-time';
import { EffectText } from './effect-text';
import { useForecastingI18n } from './i18n';
import type { DecisionView } from '../../../../src/modules/forecasting/forecasting.contract.js';

/** The decisions on one anomaly, newest first, each with its effect so far. */
export function DecisionList({ decisions }: { decisions: DecisionView[] }) {
  const { t } = useForecastingI18n();
  if (decisions.length === 0) return <p className="muted small">{t('dec.noneForAnomaly')}</p>;
  return (
    <ol className="timeline" data-testid="fc-anomaly-decisions">
      {decisions.map((d) => (
        <li key={d.id} className="timeline__item" data-action={d.action}>
          <span className="timeline__dot" aria-hidden="true" />
          <div>
            <strong>{t(`action.${d.action}`)}</strong>
            <span className="muted small">
              {' · '}
              {d.decidedBy} · <RelativeTime iso={d.decidedAt} />
            </span>
            <p className="timeline__note">{d.note}</p>
            <EffectText decision={d} />
          </div>
        </li>
      ))}
    </ol>
  );
}
