import { useI18n } from '../../app/i18n';
import { Link } from '../../app/router';
import type { Region } from '../../app/types';

/** The map's figures as a table: exact numbers, sortable by eye, and reachable by keyboard and screen reader. */
export function RegionTable({ regions, counts }: { regions: Region[]; counts: Record<string, number> }) {
  const { t, pick, formatNumber } = useI18n();
  const rows = regions
    .map((r) => ({ region: r, count: counts[r.code] ?? 0 }))
    .sort((a, b) => b.count - a.count || pick(a.region.name).localeCompare(pick(b.region.name)));

  return (
    <div className="table-wrap">
      <table className="table table--compact" data-testid="region-table">
        <thead>
          <tr>
            <th scope="col">{t('overview.region')}</th>
            <th scope="col" className="num">
              {t('overview.open')}
            </th>
            <th scope="col" className="num">
              {t('overview.per100k')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ region, count }) => (
            <tr key={region.code}>
              <td>
                <Link to={`/alerts?region=${encodeURIComponent(region.code)}`}>{pick(region.name)}</Link>
              </td>
              <td className="num">{formatNumber(count)}</td>
              <td className="num muted">
                {region.population ? formatNumber((count / region.population) * 100_000, 2) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
