import { useAppealsI18n } from './i18n';
import type { AppealDetail, RiskLabel } from '../../../../src/modules/appeals/appeals.contract.js';
import { RISK_LABELS } from './types';

// The explanation carries each label's threshold in the model that screened the appeal. Without one a label is
// assigned at a calibrated probability of 0.5 or more: the Bayes decision for equal costs
// (src/modules/appeals/model/risk-level.ts, defaultRiskThresholds).
export const LABEL_THRESHOLD = 0.5;

export const thresholdOf = (appeal: Pick<AppealDetail, 'explanation'>, label: RiskLabel): number =>
  appeal.explanation.thresholds?.[label] ?? LABEL_THRESHOLD;

/** One bar per label, in a fixed order so appeals compare at a glance, with the decision threshold marked. */
export function ScoreBars({ appeal }: { appeal: Pick<AppealDetail, 'scores' | 'explanation'> }) {
  const { t, formatNumber } = useAppealsI18n();
  return (
    <div className="score-bars">
      <ul className="score-list" data-testid="appeal-scores">
        {RISK_LABELS.map((label) => {
          const score = Math.max(0, Math.min(1, appeal.scores[label] ?? 0));
          const threshold = thresholdOf(appeal, label);
          const over = score >= threshold;
          return (
            <li
              key={label}
              className="score-row"
              data-label={label}
              data-over={over ? 'true' : 'false'}
              title={t('detail.thresholdOf', { value: formatNumber(threshold, 2) })}
            >
              <span className={over ? 'score-row__label is-over' : 'score-row__label'}>
                {t(`label.${label}`)}
              </span>
              <span className="score-row__track" aria-hidden="true">
                <span
                  className={over ? `score-row__bar label-bar--${label}` : 'score-row__bar is-under'}
                  style={{ width: `${score * 100}%` }}
                />
                <span className="score-row__threshold" style={{ left: `${threshold * 100}%` }} />
              </span>
              <span className="score-row__value num">{formatNumber(score, 2)}</span>
            </li>
          );
        })}
      </ul>
      <p className="muted small">
        {appeal.explanation.thresholds
          ? t('detail.thresholds')
          : t('detail.threshold', { value: formatNumber(LABEL_THRESHOLD, 1) })}
      </p>
    </div>
  );
}
