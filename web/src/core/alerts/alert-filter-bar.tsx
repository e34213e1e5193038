import { useEffect, useRef, useState } from 'react';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useReferenceData } from '../../app/reference-data';
import { ALERT_STATUSES, SEVERITIES } from '../../app/types';
import { Checkbox, Field } from '../../components/field';
import { EMPTY_FILTERS, hasActiveFilters, type AlertFilters } from './alert-filters';

interface AlertFilterBarProps {
  filters: AlertFilters;
  onChange: (filters: AlertFilters) => void;
}

// Typing in the search box updates the URL (and so the query) only after a pause, not on every key.
const SEARCH_DEBOUNCE_MS = 350;

export function AlertFilterBar({ filters, onChange }: AlertFilterBarProps) {
  const { t, pick } = useI18n();
  const { regions, modules } = useReferenceData();
  const scope = useSession().user.regions;
  const [q, setQ] = useState(filters.q);
  const sent = useRef(filters.q);

  // Follow the URL when it changes from elsewhere (back button, "clear filters"), but not when it merely echoes
  // what was typed, which would drop keys typed since.
  useEffect(() => {
    if (filters.q !== sent.current) setQ(filters.q);
    sent.current = filters.q;
  }, [filters.q]);
  useEffect(() => {
    if (q === filters.q) return;
    const timer = window.setTimeout(() => {
      sent.current = q;
      onChange({ ...filters, q });
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [q, filters, onChange]);

  const moduleIds = modules.map((m) => m.id);
  if (filters.module && !moduleIds.includes(filters.module)) moduleIds.push(filters.module);
  // Only regions the user may see: asking for another one is refused (403), it is not an empty result.
  const sortedRegions = regions
    .filter((r) => scope.includes('*') || scope.includes(r.code))
    .sort((a, b) => pick(a.name).localeCompare(pick(b.name)));

  return (
    <form
      className="filter-bar"
      role="search"
      onSubmit={(e) => e.preventDefault()}
      data-testid="alert-filters"
    >
      <Field label={t('alerts.filter.q')}>
        {({ id }) => (
          <input
            id={id}
            type="search"
            className="input"
            placeholder={t('alerts.filter.qPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            data-testid="filter-q"
          />
        )}
      </Field>
      <Field label={t('alerts.filter.status')}>
        {({ id }) => (
          <select
            id={id}
            className="input"
            value={filters.status}
            onChange={(e) => onChange({ ...filters, status: e.target.value as AlertFilters['status'] })}
            data-testid="filter-status"
          >
            <option value="">{t('common.any')}</option>
            <option value="open">{t('alerts.filter.open')}</option>
            {ALERT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('alerts.filter.severity')}>
        {({ id }) => (
          <select
            id={id}
            className="input"
            value={filters.severity}
            onChange={(e) => onChange({ ...filters, severity: e.target.value as AlertFilters['severity'] })}
            data-testid="filter-severity"
          >
            <option value="">{t('common.any')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('alerts.filter.module')}>
        {({ id }) => (
          <select
            id={id}
            className="input"
            value={filters.module}
            onChange={(e) => onChange({ ...filters, module: e.target.value })}
            data-testid="filter-module"
          >
            <option value="">{t('common.any')}</option>
            {moduleIds.map((mid) => (
              <option key={mid} value={mid}>
                {pick(modules.find((m) => m.id === mid)?.name) || mid}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('alerts.filter.region')}>
        {({ id }) => (
          <select
            id={id}
            className="input"
            value={filters.region}
            onChange={(e) => onChange({ ...filters, region: e.target.value })}
            data-testid="filter-region"
          >
            <option value="">{t('common.any')}</option>
            {sortedRegions.map((r) => (
              <option key={r.code} value={r.code}>
                {pick(r.name)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="filter-bar__toggles">
        <Checkbox
          label={t('alerts.filter.mine')}
          checked={filters.mine}
          onChange={(mine) => onChange({ ...filters, mine })}
          testId="filter-mine"
        />
        {hasActiveFilters(filters) && (
          <button type="button" className="btn btn--ghost btn--small" onClick={() => onChange(EMPTY_FILTERS)}>
            {t('common.clearFilters')}
          </button>
        )}
      </div>
    </form>
  );
}
