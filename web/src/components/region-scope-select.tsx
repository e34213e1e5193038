import { useI18n } from '../app/i18n';
import { useReferenceData } from '../app/reference-data';
import { Checkbox, FieldGroup } from './field';

interface RegionScopeSelectProps {
  legend: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | null;
  /** Offer the national scope ('*'); API keys and subscriptions may also use it. */
  allowNational?: boolean;
}

/** Multi-select of the 20 regions with a "national" choice that stands for all of them (stored as ['*']). */
export function RegionScopeSelect({
  legend,
  value,
  onChange,
  error,
  allowNational = true,
}: RegionScopeSelectProps) {
  const { t, pick } = useI18n();
  const { regions } = useReferenceData();
  const national = value.includes('*');

  function toggle(code: string, checked: boolean) {
    const next = checked ? [...value.filter((c) => c !== '*'), code] : value.filter((c) => c !== code);
    onChange(next);
  }

  return (
    <FieldGroup legend={legend} error={error}>
      {allowNational && (
        <Checkbox
          label={<strong>{t('scope.national')}</strong>}
          checked={national}
          onChange={(checked) => onChange(checked ? ['*'] : [])}
          testId="scope-national"
        />
      )}
      <div className="checkbox-grid">
        {[...regions]
          .sort((a, b) => pick(a.name).localeCompare(pick(b.name)))
          .map((region) => (
            <Checkbox
              key={region.code}
              label={pick(region.name)}
              checked={national || value.includes(region.code)}
              disabled={national}
              onChange={(checked) => toggle(region.code, checked)}
            />
          ))}
      </div>
    </FieldGroup>
  );
}
