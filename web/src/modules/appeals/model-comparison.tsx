import { useAppealsI18n } from './i18n';
import { delta, HEADLINE_METRICS, MATERIAL_DROP } from './model-metrics';
import type { ModelVersion } from '../../../../src/modules/appeals/models/models.contract.js';
import { RISK_LABELS } from './types';

function Delta({ value }: { value: number | null }) {
  const { formatNumber } = useAppealsI18n();
  if (value === null) return <span className="muted">—</span>;
  const tone =
    value <= -MATERIAL_DROP ? 'delta--worse' : value >= MATERIAL_DROP ? 'delta--better' : 'delta--same';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return <span className={`delta ${tone}`}>{`${sign}${formatNumber(Math.abs(value), 3)}`}</span>;
}

/**
 * Held-out figures of the active model and a candidate side by side, with the change; without a candidate, the
 * active model against the bag-of-words baseline trained in the same run.
 */
export function ModelComparison({
  active,
  candidate,
}: {
  active: ModelVersion;
  candidate: ModelVersion | null;
}) {
  const { t, formatNumber } = useAppealsI18n();
  const columns = candidate ? [active, candidate] : [active];
  const newest = candidate ?? active;
  const fmt = (value: number | null | undefined) =>
    value === null || value === undefined ? '—' : formatNumber(value, 3);
  const role = (m: ModelVersion) =>
    m.active ? t('models.active') : m.activatedAt ? t('models.previous') : t('models.candidate');

  return (
    <div className="model-comparison" data-testid="model-comparison">
      <div className="model-comparison__part">
        <h3 className="card__title">{t('models.headline')}</h3>
        <div className="table-wrap">
          <table className="table table--compact" data-testid="model-headline">
            <thead>
              <tr>
                <th scope="col">{t('models.metric')}</th>
                {columns.map((m) => (
                  <th key={m.version} scope="col" className="num">
                    <span className="mono">{m.version}</span>
                    <br />
                    <span className="muted">{role(m)}</span>
                  </th>
                ))}
                {candidate && (
                  <th scope="col" className="num">
                    {t('models.change')}
                  </th>
                )}
                <th scope="col" className="num">
                  {t('models.baseline')}
                </th>
              </tr>
            </thead>
            <tbody>
              {HEADLINE_METRICS.map((metric) => (
                <tr key={metric.id} data-metric={metric.id}>
                  <th scope="row">{t(metric.label)}</th>
                  {columns.map((m) => (
                    <td key={m.version} className="num">
                      {fmt(metric.read(m.card.heldOut))}
                    </td>
                  ))}
                  {candidate && (
                    <td className="num">
                      <Delta
                        value={delta(metric.read(candidate.card.heldOut), metric.read(active.card.heldOut))}
                      />
                    </td>
                  )}
                  <td className="num muted">{fmt(metric.read(newest.card.baseline))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <div className="model-comparison__part">
        <h3 className="card__title">{t('models.perLabel')}</h3>
        <div className="table-wrap">
          <table className="table table--compact" data-testid="model-per-label">
            <thead>
              <tr>
                <th scope="col">{t('models.label')}</th>
                {columns.map((m) => (
                  <th key={m.version} scope="col" className="num" title={m.version}>
                    {role(m)}
                  </th>
                ))}
                {candidate && (
                  <th scope="col" className="num">
                    {t('models.change')}
                  </th>
                )}
                <th scope="col" className="num">
                  {t('models.support')}
                </th>
              </tr>
            </thead>
            <tbody>
              {RISK_LABELS.map((label) => {
                const of = (m: ModelVersion) => m.card.heldOut?.perLabel[label];
                const support = of(newest)?.support;
                return (
                  <tr key={label} data-label={label}>
                    <th scope="row">
                      <span className={`label-chip label-tone--${label}`}>{t(`label.${label}`)}</span>
                    </th>
                    {columns.map((m) => {
                      const prf = of(m);
                      return (
                        <td
                          key={m.version}
                          className="num"
                          title={prf ? `P ${fmt(prf.precision)} · R ${fmt(prf.recall)}` : undefined}
                        >
                          {fmt(prf?.f1)}
                        </td>
                      );
                    })}
                    {candidate && (
                      <td className="num">
                        <Delta value={delta(of(candidate)?.f1 ?? null, of(active)?.f1 ?? null)} />
                      </td>
                    )}
                    <td className="num muted">{support === undefined ? '—' : formatNumber(support)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
