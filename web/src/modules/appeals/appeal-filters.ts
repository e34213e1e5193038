import type { Query } from '../../app/api-client';
import type {
  AppealLanguage,
  AppealStatus,
  RiskLabel,
  RiskLevel,
} from '../../../../src/modules/appeals/appeals.contract.js';
import { APPEAL_LANGUAGES, APPEAL_STATUSES, RISK_LABELS, type SlaFilter } from './types';
import { SEVERITIES } from '../../app/types';

// Filters live in the URL (/appeals?risk=critical&risk=high&sla=overdue) so a view can be bookmarked, shared and
// reached from a click on the map or on a label bar.

/** 'open' stands for every status but closed; the server takes it as a list of statuses. */
export type StatusFilter = AppealStatus | 'open' | '';

export interface AppealFilters {
  region: string;
  label: RiskLabel | '';
  risk: RiskLevel[];
  language: AppealLanguage | '';
  status: StatusFilter;
  sla: SlaFilter | '';
}

export const EMPTY_FILTERS: AppealFilters = {
  region: '',
  label: '',
  risk: [],
  language: '',
  status: '',
  sla: '',
};

export const OPEN_STATUSES: readonly AppealStatus[] = APPEAL_STATUSES.filter((s) => s !== 'closed');

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | '' {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : '';
}

/** Unknown values in a hand-edited URL are dropped rather than sent, so they cannot turn the queue into a 400. */
export function filtersFromQuery(query: URLSearchParams): AppealFilters {
  const status = query.get('status');
  return {
    region: /^KZ-\d{2}$/.test(query.get('region') ?? '') ? (query.get('region') ?? '') : '',
    label: oneOf(RISK_LABELS, query.get('label')),
    risk: SEVERITIES.filter((level) => query.getAll('risk').includes(level)),
    language: oneOf(APPEAL_LANGUAGES, query.get('language')),
    status: status === 'open' ? 'open' : oneOf(APPEAL_STATUSES, status),
    sla: oneOf<SlaFilter>(['overdue', 'due_soon'], query.get('sla')),
  };
}

/** The filters as they appear in the dashboard's own URL. */
export function filtersToQuery(filters: AppealFilters): Query {
  return { ...filters };
}

/** The filters as GET /api/appeals takes them. */
export function filtersToApiQuery(filters: AppealFilters): Query {
  return { ...filters, status: filters.status === 'open' ? OPEN_STATUSES : filters.status };
}

export function hasActiveFilters(filters: AppealFilters): boolean {
  return Object.values(filters).some((v) => (Array.isArray(v) ? v.length > 0 : v !== ''));
}
