import { useI18n } from '../../app/i18n';
import { useReferenceData } from '../../app/reference-data';
import { Link } from '../../app/router';
import { SEVERITIES, type AlertSummary } from '../../app/types';

/** Horizontal bar lists: counts are read as numbers first, the bar only shows proportion. */
function BarList({
  rows,
  testId,
}: {
  rows: { key: string; label: string; value: number; to: string; tone?: string }[];
  testId: string;
}) {
  const { formatNumber } = useI18n();
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <ul className="bar-list" data-testid={testId}>
      {rows.map((row) => (
        <li key={row.key}>
          <Link to={row.to} className="bar-list__row" data-key={row.key}>
            <span className="bar-list__label">{row.label}</span>
            <span className="bar-list__value num">{formatNumber(row.value)}</span>
            <span className="bar-list__track" aria-hidden="true">
              <span
                className={`bar-list__bar ${row.tone ? `tone-${row.tone}` : ''}`}
                style={{ width: `${(row.value / max) * 100}%` }}
              />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function SummaryCards({ summary }: { summary: AlertSummary }) {
  const { t, formatNumber } = useI18n();
  const { moduleName } = useReferenceData();

  const severityRows = SEVERITIES.map((s) => ({
    key: s,
    label: t(`severity.${s}`),
    value: summary.bySeverity[s] ?? 0,
    to: `/alerts?severity=${s}`,
    tone: s,
  }));
  const moduleRows = Object.entries(summary.byModule)
    .sort((a, b) => b[1] - a[1])
    .map(([id, value]) => ({
      key: id,
      label: moduleName(id),
      value,
      to: `/alerts?module=${encodeURIComponent(id)}`,
    }));

  return (
    <div className="summary">
      <section className="card stat-card" aria-labelledby="open-total">
        <h2 id="open-total" className="card__title">
          {t('overview.openTotal')}
        </h2>
        <p className="stat-card__value num" data-testid="open-total">
          {formatNumber(summary.open)}
        </p>
      </section>
      <section className="card" aria-labelledby="by-severity">
        <h2 id="by-severity" className="card__title">
          {t('overview.bySeverity')}
        </h2>
        <BarList rows={severityRows} testId="by-severity" />
      </section>
      <section className="card" aria-labelledby="by-module">
        <h2 id="by-module" className="card__title">
          {t('overview.byModule')}
        </h2>
        {moduleRows.length > 0 ? (
          <BarList rows={moduleRows} testId="by-module" />
        ) : (
          <p className="muted">{t('overview.noOpen')}</p>
        )}
      </section>
    </div>
  );
}
