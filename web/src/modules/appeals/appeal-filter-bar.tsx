import { useSession } from '../../app/auth';
import { useReferenceData } from '../../app/reference-data';
import { SEVERITIES } from '../../app/types';
import { Field } from '../../components/field';
import { EMPTY_FILTERS, hasActiveFilters, type AppealFilters } from './appeal-filters';
import { useAppealsI18n } from './i18n';
import { APPEAL_LANGUAGES, APPEAL_STATUSES, RISK_LABELS } from './types';

interface AppealFilterBarProps {
  filters: AppealFilters;
  onChange: (filters: AppealFilters) => void;
}

interface SelectFilterProps {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  testId: string;
}

function SelectFilter({ label, value, options, onChange, testId }: SelectFilterProps) {
  const { tCore } = useAppealsI18n();
  return (
    <Field label={label}>
      {({ id }) => (
        <select
          id={id}
          className="input"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          data-testid={testId}
        >
          <option value="">{tCore('common.any')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Risk levels as toggles (several at once, as the API takes them), the other filters as selects. */
function RiskToggles({ filters, onChange }: AppealFilterBarProps) {
  const { t, tCore } = useAppealsI18n();
  const toggle = (level: (typeof SEVERITIES)[number]) => {
    const risk = filters.risk.includes(level)
      ? filters.risk.filter((r) => r !== level)
      : SEVERITIES.filter((r) => r === level || filters.risk.includes(r));
    onChange({ ...filters, risk });
  };
  return (
    <div className="field">
      <span className="field__label" id="appeals-risk-label">
        {t('filter.risk')}
      </span>
      <div className="segmented risk-toggle" role="group" aria-labelledby="appeals-risk-label">
        {SEVERITIES.map((level) => (
          <button
            key={level}
            type="button"
            className={filters.risk.includes(level) ? 'segmented__item is-active' : 'segmented__item'}
            aria-pressed={filters.risk.includes(level)}
            data-level={level}
            onClick={() => toggle(level)}
            data-testid={`filter-risk-${level}`}
          >
            {tCore(`severity.${level}`)}
          </button>
        ))}
      </div>
    </div>
  );
}

export function AppealFilterBar({ filters, onChange }: AppealFilterBarProps) {
  const { t, tCore, pick } = useAppealsI18n();
  const { regions } = useReferenceData();
  const scope = useSession().user.regions;
  // Only regions the user may see: asking for another one is refused (403), it is not an empty result.
  const regionOptions = regions
    .filter((r) => scope.includes('*') || scope.includes(r.code))
    .map((r) => ({ value: r.code, label: pick(r.name) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  // A select can only hold the values offered in it (or '' for "any"), so each key gets a value of its own type.
  const set = (key: Exclude<keyof AppealFilters, 'risk'>) => (value: string) =>
    onChange({ ...filters, [key]: value });

  return (
    <form
      className="filter-bar appeals-filters"
      role="search"
      onSubmit={(e) => e.preventDefault()}
      data-testid="appeal-filters"
    >
      <RiskToggles filters={filters} onChange={onChange} />
      <SelectFilter
        label={t('filter.label')}
        value={filters.label}
        options={RISK_LABELS.map((l) => ({ value: l, label: t(`label.${l}`) }))}
        onChange={set('label')}
        testId="filter-label"
      />
      <SelectFilter
        label={t('filter.region')}
        value={filters.region}
        options={regionOptions}
        onChange={set('region')}
        testId="filter-region"
      />
      <SelectFilter
        label={t('filter.language')}
        value={filters.language}
        options={APPEAL_LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
        onChange={set('language')}
        testId="filter-language"
      />
      <SelectFilter
        label={t('filter.status')}
        value={filters.status}
        options={[
          { value: 'open', label: t('filter.open') },
          ...APPEAL_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
        ]}
        onChange={set('status')}
        testId="filter-status"
      />
      <SelectFilter
        label={t('filter.sla')}
        value={filters.sla}
        options={[
          { value: 'overdue', label: t('filter.overdue') },
          { value: 'due_soon', label: t('filter.dueSoon') },
        ]}
        onChange={set('sla')}
        testId="filter-sla"
      />
      {hasActiveFilters(filters) && (
        <div className="filter-bar__toggles">
          <button type="button" className="btn btn--ghost btn--small" onClick={() => onChange(EMPTY_FILTERS)}>
            {tCore('common.clearFilters')}
          </button>
        </div>
      )}
    </form>
  );
}
