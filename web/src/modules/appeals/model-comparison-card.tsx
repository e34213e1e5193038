import { useState } from 'react';
import { useApi } from '../../app/auth';
import { useAction } from '../../app/use-action';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useAppealsI18n } from './i18n';
import { ModelComparison } from './model-comparison';
import { delta, HEADLINE_METRICS, MATERIAL_DROP } from './model-metrics';
import type { Activation, ModelVersion } from '../../../../src/modules/appeals/models/models.contract.js';

interface ComparisonCardProps {
  active: ModelVersion;
  candidate: ModelVersion | null;
  canActivate: boolean;
  onActivated: (version: string) => void;
}

/**
 * The candidate beside the active model, what it does worse, and (for an administrator) the switch. Activation
 * sends `replacing` = the active version shown here; if another administrator switched meanwhile the server answers
 * 409 and the comparison must be looked at again.
 */
export function ComparisonCard({ active, candidate, canActivate, onActivated }: ComparisonCardProps) {
  const api = useApi();
  const { t, formatNumber } = useAppealsI18n();
  const [confirming, setConfirming] = useState(false);
  const activate = useAction((version: string, replacing: string) =>
    api.post<Activation>(`/api/appeals/models/${encodeURIComponent(version)}/activate`, { replacing }),
  );

  async function confirmActivation() {
    if (!candidate) return;
    const res = await activate.run(candidate.version, active.version);
    if (res) {
      setConfirming(false);
      onActivated(res.active);
    }
  }

  const worse = candidate
    ? HEADLINE_METRICS.filter(
        (m) => (delta(m.read(candidate.card.heldOut), m.read(active.card.heldOut)) ?? 0) <= -MATERIAL_DROP,
      ).map((m) => t(m.label))
    : [];
  // A fair comparison needs both models scored on the same appeals; the cards say how many each was scored on.
  const sizes = [active.card.heldOut?.appeals, candidate?.card.heldOut?.appeals];
  const splits =
    sizes[0] !== undefined && sizes[1] !== undefined && sizes[0] !== sizes[1]
      ? { active: formatNumber(sizes[0]), candidate: formatNumber(sizes[1]) }
      : null;
  const heldOut = (candidate ?? active).card.heldOut?.appeals;

  return (
    <section className="card" aria-labelledby="model-comparison-title" data-testid="model-comparison-card">
      <h2 id="model-comparison-title" className="card__title">
        {candidate
          ? t('models.comparison', { candidate: candidate.version, active: active.version })
          : t('models.single', { active: active.version })}
      </h2>
      {heldOut !== undefined && (
        <p className="muted small">{t('models.heldOut', { n: formatNumber(heldOut) })}</p>
      )}
      {active.card.heldOut ? (
        <ModelComparison active={active} candidate={candidate} />
      ) : (
        <p className="muted">{t('models.noCard')}</p>
      )}
      {!candidate && <p className="notice">{t('models.onlyActive')}</p>}
      {splits && (
        <p className="notice" data-testid="model-different-splits">
          {t('models.differentSplits', splits)}
        </p>
      )}
      {worse.length > 0 && (
        <p className="notice notice--warning" data-testid="model-worse">
          {t('models.worse', { metrics: worse.join(', ') })}
        </p>
      )}
      {candidate && !canActivate && <p className="muted small">{t('models.adminOnly')}</p>}
      {candidate && canActivate && (
        <div className="form__actions">
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => {
              activate.clearError();
              setConfirming(true);
            }}
            data-testid="model-activate"
          >
            {t('models.activate', { version: candidate.version })}
          </button>
        </div>
      )}
      {confirming && candidate && (
        <ConfirmDialog
          title={t('models.activateTitle')}
          message={t('models.activateConfirm', { active: active.version, candidate: candidate.version })}
          confirmLabel={t('models.activate', { version: candidate.version })}
          pending={activate.pending}
          error={activate.error}
          onConfirm={() => void confirmActivation()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
