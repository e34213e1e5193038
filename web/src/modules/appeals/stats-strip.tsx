import { buildUrl } from '../../app/api-client';
import { useApi } from '../../app/auth';
import { Link } from '../../app/router';
import { useResource } from '../../app/use-resource';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import type { RegionFeatureCollection } from '../../core/overview/map-option';
import { filtersToQuery, type AppealFilters } from './appeal-filters';
import { AppealsMap } from './appeals-map';
import { useAppealsI18n } from './i18n';
import type { AppealStats } from '../../../../src/modules/appeals/appeals.contract.js';
import { RISK_LABELS } from './types';
import { WeeklyChart } from './weekly-chart';

interface StatsStripProps {
  stats: AppealStats;
  filters: AppealFilters;
  onFilter: (filters: AppealFilters) => void;
}

/** Counts by label as a bar list (numbers first, the bar only shows proportion), each a link to the queue. */
function LabelBars({ stats, filters }: { stats: AppealStats; filters: AppealFilters }) {
  const { t, formatNumber } = useAppealsI18n();
  const rows = RISK_LABELS.map((label) => ({ label, value: stats.byLabel[label] ?? 0 })).sort(
    (a, b) => b.value - a.value,
  );
  const max = Math.max(1, ...rows.map((r) => r.value));
  if (rows.every((r) => r.value === 0)) return <p className="muted">{t('stats.noLabels')}</p>;
  return (
    <ul className="bar-list bar-list--tight" data-testid="appeals-by-label">
      {rows.map((row) => (
        <li key={row.label}>
          <Link
            to={buildUrl('/appeals', filtersToQuery({ ...filters, label: row.label }))}
            className="bar-list__row"
            data-key={row.label}
          >
            <span className="bar-list__label">{t(`label.${row.label}`)}</span>
            <span className="bar-list__value num">{formatNumber(row.value)}</span>
            <span className="bar-list__track" aria-hidden="true">
              <span
                className={`bar-list__bar label-bar--${row.label}`}
                style={{ width: `${(row.value / max) * 100}%` }}
              />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function Figures({ stats }: { stats: AppealStats }) {
  const { t, formatNumber, percent } = useAppealsI18n();
  return (
    <dl className="appeals-figures">
      <div>
        <dt>{t('stats.total')}</dt>
        <dd className="stat-card__value num" data-testid="appeals-total">
          {formatNumber(stats.total)}
        </dd>
      </div>
      <div>
        <dt>{t('stats.withinMinute')}</dt>
        <dd className="stat-card__value num" data-testid="appeals-within-minute">
          {stats.screenedWithinMinute === null ? (
            <span className="muted small">{t('stats.noData')}</span>
          ) : (
            percent(stats.screenedWithinMinute, stats.screenedWithinMinute < 1 ? 1 : 0)
          )}
        </dd>
      </div>
      <div>
        <dt>{t('stats.model')}</dt>
        <dd className="mono small break" data-testid="appeals-model-version">
          {stats.modelVersion ? <Link to="/appeals/models">{stats.modelVersion}</Link> : '—'}
        </dd>
      </div>
    </dl>
  );
}

export function StatsStrip({ stats, filters, onFilter }: StatsStripProps) {
  const api = useApi();
  const { t } = useAppealsI18n();
  // The same boundaries as the overview map; the browser caches them after the first screen that asks.
  const geo = useResource('geojson', () => api.get<RegionFeatureCollection>('/api/geo/regions.geojson'));

  return (
    <div className="appeals-stats" data-testid="appeals-stats">
      <section className="card" aria-labelledby="appeals-by-label-title">
        <h2 id="appeals-by-label-title" className="card__title">
          {t('stats.byLabel')}
        </h2>
        <LabelBars stats={stats} filters={filters} />
      </section>
      <section className="card" aria-labelledby="appeals-map-title">
        <div className="card__head">
          <h2 id="appeals-map-title" className="card__title">
            {t('stats.map')}
          </h2>
        </div>
        {geo.error ? (
          <ErrorState error={geo.error} onRetry={geo.reload} inline />
        ) : geo.data ? (
          <AppealsMap
            geojson={geo.data}
            byRegion={stats.byRegion}
            onRegionClick={(region) => onFilter({ ...filters, region })}
          />
        ) : (
          <Loading inline />
        )}
        <p className="muted small">{t('stats.mapHint')}</p>
      </section>
      <section className="card" aria-labelledby="appeals-weekly-title">
        <h2 id="appeals-weekly-title" className="card__title">
          {t('stats.weekly')}
        </h2>
        <WeeklyChart byWeek={stats.byWeek} />
      </section>
      <section className="card" aria-label={t('stats.total')}>
        <Figures stats={stats} />
      </section>
    </div>
  );
}
