import { Link } from '../../app/router';
import { useCatalogue } from './catalogue';
import { forecastingHref, withArea, withCategory, type ForecastQuery } from './forecast-query';
import { useForecastingI18n } from './i18n';

interface Crumb {
  label: string;
  href: string;
}

function Trail({ label, crumbs, testId }: { label: string; crumbs: Crumb[]; testId: string }) {
  return (
    <nav className="fc-breadcrumb" aria-label={label} data-testid={testId}>
      <span className="fc-breadcrumb__label">{label}</span>
      <ol>
        {crumbs.map((crumb, i) => (
          <li key={crumb.href}>
            {i === crumbs.length - 1 ? (
              <span aria-current="location" data-testid={`${testId}-current`}>
                {crumb.label}
              </span>
            ) : (
              <Link to={crumb.href}>{crumb.label}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Where the view stands: Kazakhstan → region → district, and all offences → chapter → article; each step a link up. */
export function SliceBreadcrumb({ query }: { query: ForecastQuery }) {
  const { t } = useForecastingI18n();
  const { areaName, categoryName } = useCatalogue();
  const area: Crumb[] = [{ label: t('area.country'), href: forecastingHref(withArea(query, null)) }];
  if (query.region)
    area.push({
      label: areaName({ region: query.region, district: null }),
      href: forecastingHref(withArea(query, query.region)),
    });
  if (query.region && query.district !== null)
    area.push({ label: areaName(query), href: forecastingHref(query) });
  const category: Crumb[] = [{ label: t('category.all'), href: forecastingHref(withCategory(query, null)) }];
  if (query.chapter)
    category.push({
      label: categoryName({ chapter: query.chapter, article: null }),
      href: forecastingHref(withCategory(query, query.chapter)),
    });
  if (query.chapter && query.article !== null)
    category.push({ label: categoryName(query), href: forecastingHref(query) });
  return (
    <div className="fc-breadcrumbs">
      <Trail label={t('breadcrumb.area')} crumbs={area} testId="fc-area-trail" />
      <Trail label={t('breadcrumb.category')} crumbs={category} testId="fc-category-trail" />
    </div>
  );
}
