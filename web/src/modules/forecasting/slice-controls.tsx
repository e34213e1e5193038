import { Field } from '../../components/field';
import { useCatalogue } from './catalogue';
import { MAX_HORIZON, withCategory, withFrequency, type ForecastQuery } from './forecast-query';
import { useForecastingI18n } from './i18n';
import { Segmented } from '../../components/segmented';
import { FREQUENCIES } from './types';

interface SliceControlsProps {
  query: ForecastQuery;
  onChange: (query: ForecastQuery) => void;
}

/** Frequency, category (chapter, then article) and horizon; the area is chosen on the map and in the tables. */
export function SliceControls({ query, onChange }: SliceControlsProps) {
  const { t, pick } = useForecastingI18n();
  const { catalogue, chapter } = useCatalogue();
  const articles = chapter(query.chapter)?.articles ?? [];
  const horizons = Array.from({ length: MAX_HORIZON[query.frequency] }, (_, i) => i + 1);

  return (
    <form
      className="filter-bar fc-controls"
      role="search"
      onSubmit={(e) => e.preventDefault()}
      data-testid="fc-controls"
    >
      <div className="field">
        <span className="field__label" id="fc-frequency-label">
          {t('control.frequency')}
        </span>
        <Segmented
          label={t('control.frequency')}
          value={query.frequency}
          options={FREQUENCIES.map((f) => ({ value: f, label: t(`frequency.${f}`) }))}
          onChange={(frequency) => onChange(withFrequency(query, frequency))}
          testId="fc-frequency"
        />
      </div>
      <Field label={t('control.chapter')}>
        {({ id }) => (
          <select
            id={id}
            className="input fc-select-wide"
            value={query.chapter ?? ''}
            onChange={(e) => onChange(withCategory(query, e.target.value || null))}
            data-testid="fc-chapter"
          >
            <option value="">{t('category.all')}</option>
            {catalogue.chapters.map((c) => (
              <option key={c.code} value={c.code}>
                {t('chapter.option', { n: Number(c.code), name: pick(c.name) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('control.article')}>
        {({ id }) => (
          <select
            id={id}
            className="input fc-select-wide"
            value={query.article ?? ''}
            disabled={!query.chapter}
            onChange={(e) => onChange(withCategory(query, query.chapter, e.target.value || null))}
            data-testid="fc-article"
          >
            <option value="">
              {query.chapter ? t('category.allArticles') : t('category.chooseChapter')}
            </option>
            {articles.map((a) => (
              <option key={a.code} value={a.code}>
                {t('article.label', { code: a.code, name: pick(a.short) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t(query.frequency === 'monthly' ? 'control.horizonMonths' : 'control.horizonWeeks')}>
        {({ id }) => (
          <select
            id={id}
            className="input"
            value={query.horizon}
            onChange={(e) => onChange({ ...query, horizon: Number(e.target.value) })}
            data-testid="fc-horizon"
          >
            {horizons.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        )}
      </Field>
    </form>
  );
}
