import type { Region } from '../../app/types';
import { Checkbox, FieldGroup } from '../../components/field';
import { useCatalogue } from './catalogue';
import { useForecastingI18n } from './i18n';
import { ALL_OFFENCES_TOPIC, chapterTopic } from './topics';

const toggle = (list: string[], item: string, on: boolean) =>
  on ? [...list, item] : list.filter((x) => x !== item);

interface RegionPickerProps {
  /** The regions the user may subscribe to: their own scope (the server answers 403 for others). */
  offered: Region[];
  /** A national user may also choose "all regions", stored as ['*']. */
  national: boolean;
  value: string[];
  onChange: (value: string[]) => void;
  error: string | null;
}

export function RegionPicker({ offered, national, value, onChange, error }: RegionPickerProps) {
  const { t, pick } = useForecastingI18n();
  const all = value.includes('*');
  return (
    <FieldGroup legend={t('sub.regions')} error={error}>
      {national && (
        <Checkbox
          label={<strong>{t('sub.allRegions')}</strong>}
          checked={all}
          onChange={(on) => onChange(on ? ['*'] : [])}
        />
      )}
      <div className="checkbox-grid">
        {offered.map((r) => (
          <Checkbox
            key={r.code}
            label={pick(r.name)}
            checked={all || value.includes(r.code)}
            disabled={all}
            onChange={(on) => onChange(toggle(value, r.code, on))}
            testId={`fc-subscription-region-${r.code}`}
          />
        ))}
      </div>
    </FieldGroup>
  );
}

/** Chapters as alert topics; none ticked means alerts of every chapter. */
export function ChapterTopicPicker({
  value,
  onChange,
}: {
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const { t, pick } = useForecastingI18n();
  const { catalogue } = useCatalogue();
  return (
    <FieldGroup legend={t('sub.chapters')} hint={t('sub.chaptersHint')}>
      <Checkbox
        label={<strong>{t('sub.allOffences')}</strong>}
        checked={value.includes(ALL_OFFENCES_TOPIC)}
        onChange={(on) => onChange(toggle(value, ALL_OFFENCES_TOPIC, on))}
        testId="fc-subscription-topic-all"
      />
      <div className="checkbox-grid fc-chapter-grid">
        {catalogue.chapters.map((c) => (
          <Checkbox
            key={c.code}
            label={t('chapter.option', { n: Number(c.code), name: pick(c.name) })}
            checked={value.includes(chapterTopic(c.code))}
            onChange={(on) => onChange(toggle(value, chapterTopic(c.code), on))}
            testId={`fc-subscription-topic-${c.code}`}
          />
        ))}
      </div>
    </FieldGroup>
  );
}
