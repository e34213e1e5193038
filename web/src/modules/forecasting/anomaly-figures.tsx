import { useForecastingI18n } from './i18n';
import type { AnomalyView } from '../../../../src/modules/forecasting/forecasting.contract.js';

interface CusumStep {
  period: string;
  observed: number;
  expected: number;
  z: number;
}

/** The run of periods behind a sustained shift, as the detector recorded it (evidence.cusum.path). */
function cusumPath(evidence: Record<string, unknown>): CusumStep[] {
  const cusum = evidence.cusum as { path?: unknown } | undefined;
  return Array.isArray(cusum?.path) ? (cusum.path as CusumStep[]) : [];
}

/** The anomaly's figures. A sustained shift's counts are totals over its run, its range that of the last period. */
export function AnomalyFigures({ anomaly: a }: { anomaly: AnomalyView }) {
  const { t, formatNumber, formatDateTime, period } = useForecastingI18n();
  const path = cusumPath(a.evidence);
  const shift = a.kind === 'sustained_shift';
  return (
    <>
      <dl className="meta-grid" data-testid="fc-anomaly-figures">
        <dt>{t('anom.col.period')}</dt>
        <dd>{period(a.period, a.frequency)}</dd>
        <dt>{shift ? t('anom.observedRun') : t('anom.col.observed')}</dt>
        <dd>{formatNumber(a.observed)}</dd>
        <dt>{shift ? t('anom.expectedRun') : t('anom.col.expected')}</dt>
        <dd>{formatNumber(a.expected, 1)}</dd>
        {!shift && (
          <>
            <dt>{t('anom.range95')}</dt>
            <dd>
              {formatNumber(a.lo95, 1)}–{formatNumber(a.hi95, 1)}
            </dd>
          </>
        )}
        <dt>{t('anom.col.score')}</dt>
        <dd>{formatNumber(a.score, 2)}</dd>
        <dt>{t('anom.detectedAt')}</dt>
        <dd>{formatDateTime(a.detectedAt)}</dd>
      </dl>
      {path.length > 0 && (
        <section className="detail-section">
          <h3>{t('anom.run')}</h3>
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('anom.col.period')}</th>
                <th scope="col" className="num">
                  {t('anom.col.observed')}
                </th>
                <th scope="col" className="num">
                  {t('anom.col.expected')}
                </th>
                <th scope="col" className="num" title={t('anom.zHint')}>
                  z
                </th>
              </tr>
            </thead>
            <tbody>
              {path.map((step) => (
                <tr key={step.period}>
                  <td>{period(step.period, a.frequency)}</td>
                  <td className="num">{formatNumber(step.observed)}</td>
                  <td className="num">{formatNumber(step.expected, 1)}</td>
                  <td className="num">{formatNumber(step.z, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
