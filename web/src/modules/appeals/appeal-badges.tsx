import type { Tone } from '../../components/badge';
import { useAppealsI18n } from './i18n';
import type { AppealStatus, RiskLabel } from '../../../../src/modules/appeals/appeals.contract.js';

const STATUS_TONE: Record<AppealStatus, Tone> = {
  new: 'info',
  confirmed: 'warning',
  escalated: 'danger',
  routed: 'neutral',
  closed: 'muted',
};

export function AppealStatusBadge({ status }: { status: AppealStatus }) {
  const { t } = useAppealsI18n();
  return (
    <span
      className={`badge badge--outline badge--${STATUS_TONE[status]}`}
      data-status={status}
      data-testid="appeal-status"
    >
      {t(`status.${status}`)}
    </span>
  );
}

/** One label in its own colour; the same colour marks its evidence in the text and its score bar. */
export function LabelChip({ label, struck = false }: { label: RiskLabel; struck?: boolean }) {
  const { t } = useAppealsI18n();
  return (
    <span
      className={`label-chip label-tone--${label}${struck ? ' label-chip--struck' : ''}`}
      data-label={label}
      data-testid={struck ? 'model-label' : 'appeal-label'}
    >
      {struck ? <s>{t(`label.${label}`)}</s> : t(`label.${label}`)}
    </span>
  );
}

function sameLabels(a: readonly RiskLabel[], b: readonly RiskLabel[]): boolean {
  return a.length === b.length && a.every((label) => b.includes(label));
}

/**
 * The labels in force, and, when an analyst changed them, the model's that were dropped struck through with a
 * "corrected" marker: corrections are what the next model learns from, so they should be visible at a glance.
 */
export function LabelChips({ labels, modelLabels }: { labels: RiskLabel[]; modelLabels: RiskLabel[] }) {
  const { t } = useAppealsI18n();
  const corrected = !sameLabels(labels, modelLabels);
  const dropped = modelLabels.filter((label) => !labels.includes(label));
  const modelText = modelLabels.length
    ? modelLabels.map((label) => t(`label.${label}`)).join(', ')
    : t('queue.modelNone');
  return (
    <span className="tag-list" data-corrected={corrected ? 'true' : 'false'}>
      {labels.map((label) => (
        <LabelChip key={label} label={label} />
      ))}
      {labels.length === 0 && <span className="muted small">{t('queue.noRisk')}</span>}
      {corrected && dropped.map((label) => <LabelChip key={`model-${label}`} label={label} struck />)}
      {corrected && (
        <span
          className="badge badge--info"
          title={t('queue.correctedTitle', { labels: modelText })}
          data-testid="labels-corrected"
        >
          {t('queue.corrected')}
        </span>
      )}
    </span>
  );
}
