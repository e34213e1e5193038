import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useApi } from '../../app/auth';
import type { Localized } from '../../app/types';
import { useResource } from '../../app/use-resource';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { useForecastingI18n } from './i18n';
import type {
  Catalogue,
  CatalogueChapter,
  CatalogueRegion,
  SliceCodes,
} from '../../../../src/modules/forecasting/forecasting.contract.js';

// Areas and categories change only with a deployment: fetched once per visit to the module and shared by its
// screens, which name every slice in the reader's language from it (the API's own labels are English text).

interface CatalogueValue {
  catalogue: Catalogue;
  region: (code: string | null) => CatalogueRegion | undefined;
  chapter: (code: string | null) => CatalogueChapter | undefined;
  areaName: (slice: Pick<SliceCodes, 'region' | 'district'>) => string;
  categoryName: (slice: Pick<SliceCodes, 'chapter' | 'article'>) => string;
  sliceName: (slice: SliceCodes) => string;
}

const CatalogueContext = createContext<CatalogueValue | null>(null);

export function CatalogueProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const res = useResource('forecasting-catalogue', () => api.get<Catalogue>('/api/forecasting/catalogue'));
  const { t, pick } = useForecastingI18n();

  const value = useMemo<CatalogueValue | null>(() => {
    const catalogue = res.data;
    if (!catalogue) return null;
    const region = (code: string | null) => catalogue.regions.find((r) => r.code === code);
    const chapter = (code: string | null) => catalogue.chapters.find((c) => c.code === code);
    const name = (value: Localized | undefined, fallback: string) => (value ? pick(value) : fallback);
    const areaName: CatalogueValue['areaName'] = ({ region: r, district }) => {
      if (!r) return t('area.country');
      if (district === '') return t('area.notStated');
      const found = region(r);
      if (district) return name(found?.districts.find((d) => d.code === district)?.name, district);
      return name(found?.name, r);
    };
    const categoryName: CatalogueValue['categoryName'] = ({ chapter: c, article }) => {
      if (!c && !article) return t('category.all');
      if (article === '') return t('category.otherArticles');
      const found =
        chapter(c) ?? catalogue.chapters.find((ch) => ch.articles.some((a) => a.code === article));
      if (article) {
        const art = found?.articles.find((a) => a.code === article);
        return t('article.label', { code: article, name: name(art?.short, '') }).replace(/\s+$/, '');
      }
      return name(found?.name, c ?? '');
    };
    return {
      catalogue,
      region,
      chapter,
      areaName,
      categoryName,
      // A district's name alone can be ambiguous in a list across the country, so its region follows it.
      sliceName: (slice) => {
        const area = areaName(slice);
        const where =
          slice.district !== null && slice.region
            ? `${area}, ${areaName({ region: slice.region, district: null })}`
            : area;
        return `${categoryName(slice)} — ${where}`;
      },
    };
  }, [res.data, t, pick]);

  if (res.error) return <ErrorState error={res.error} onRetry={res.reload} />;
  if (!value) return <Loading />;
  return <CatalogueContext.Provider value={value}>{children}</CatalogueContext.Provider>;
}

export function useCatalogue(): CatalogueValue {
  const value = useContext(CatalogueContext);
  if (!value) throw new Error('useCatalogue must be used inside CatalogueProvider');
  return value;
}

/** "KZ-75|KZ-75-04|06|*" → the slice's codes ('*' = all, 'KZ' = the country), as the server writes its keys. */
export function parseSeriesKey(key: string): SliceCodes {
  const [region = 'KZ', district = '*', chapter = '*', article = '*'] = key.split('|');
  return {
    region: region === 'KZ' ? null : region,
    district: district === '*' ? null : district,
    chapter: chapter === '*' ? null : chapter,
    article: article === '*' ? null : article,
  };
}
