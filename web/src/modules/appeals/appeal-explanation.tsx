import { LabelChip } from './appeal-badges';
import { useAppealsI18n } from './i18n';
import { thresholdOf } from './score-bars';
import type { AppealDetail } from '../../../../src/modules/appeals/appeals.contract.js';
import { RISK_LABELS } from './types';

const PHRASES_SHOWN = 5;

/**
 * Why the model assigned each label, in the reader's language: the probability and the strongest phrases. The
 * server's own summary follows as it was written at screening time.
 */
export function AppealExplanation({ appeal }: { appeal: AppealDetail }) {
  const { t, tOr, formatNumber } = useAppealsI18n();
  const { explanation, scores } = appeal;
  const rows = RISK_LABELS.filter(
    (label) =>
      (scores[label] ?? 0) >= thresholdOf(appeal, label) || (explanation.labels[label]?.length ?? 0) > 0,
  );

  return (
    <section className="detail-section">
      <h3>{t('detail.explanation')}</h3>
      {rows.length > 0 && (
        <ul className="explanation-list" data-testid="appeal-explanation">
          {rows.map((label) => {
            const phrases = [...(explanation.labels[label] ?? [])]
              .sort((a, b) => b.weight - a.weight)
              .slice(0, PHRASES_SHOWN);
            return (
              <li key={label} data-label={label}>
                <LabelChip label={label} />
                <span className="explanation-list__score">p = {formatNumber(scores[label] ?? 0, 2)}</span>
                {phrases.map((p) => `«${p.text}»`).join(', ')}
              </li>
            );
          })}
        </ul>
      )}
      <p className="prose muted small" data-testid="appeal-summary">
        {explanation.summary}
      </p>
      <p className="field__label">{t('detail.aggravating')}</p>
      {explanation.aggravating.length === 0 ? (
        <p className="muted small">{t('detail.noAggravating')}</p>
      ) : (
        <ul className="aggravating-list" data-testid="appeal-aggravating">
          {explanation.aggravating.map((s) => (
            <li key={`${s.kind}-${s.phrase}`} data-kind={s.kind}>
              <strong>{tOr(`aggr.${s.kind}`, s.kind)}</strong> <span className="muted">«{s.phrase}»</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
