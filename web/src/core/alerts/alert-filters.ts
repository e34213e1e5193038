import type { Query } from '../../app/api-client';
import type { Alert, AlertStatus, Severity } from '../../app/types';
import { OPEN_STATUSES } from './alert-lifecycle';

// Filters live in the URL (/alerts?region=KZ-75&severity=high) so a view can be bookmarked, shared with a colleague
// and reached from a click on the map.

/** 'open' stands for every status that still needs work; the server takes it as a list of statuses. */
export type StatusFilter = AlertStatus | 'open' | '';

export interface AlertFilters {
  status: StatusFilter;
  severity: Severity | '';
  module: string;
  region: string;
  mine: boolean;
  q: string;
}

export const EMPTY_FILTERS: AlertFilters = {
  status: '',
  severity: '',
  module: '',
  region: '',
  mine: false,
  q: '',
};

export function filtersFromQuery(query: URLSearchParams): AlertFilters {
  return {
    status: (query.get('status') ?? '') as StatusFilter,
    severity: (query.get('severity') ?? '') as Severity | '',
    module: query.get('module') ?? '',
    region: query.get('region') ?? '',
    mine: query.get('assignee') === 'me',
    q: query.get('q') ?? '',
  };
}

/** The filters as they appear in the dashboard's own URL. */
export function filtersToQuery(filters: AlertFilters): Query {
  return {
    status: filters.status,
    severity: filters.severity,
    module: filters.module,
    region: filters.region,
    assignee: filters.mine ? 'me' : '',
    q: filters.q.trim(),
  };
}

/** The filters as GET /api/alerts takes them. */
export function filtersToApiQuery(filters: AlertFilters): Query {
  return { ...filtersToQuery(filters), status: filters.status === 'open' ? OPEN_STATUSES : filters.status };
}

export function hasActiveFilters(filters: AlertFilters): boolean {
  return Object.values(filtersToQuery(filters)).some((v) => v !== '');
}

/**
 * Whether an alert pushed over SSE belongs in the list as currently filtered. Mirrors the server's filters so
 * a live row never appears that a reload would not show. Free text is matched case-insensitively on the fields
 * the user sees.
 */
export function matchesFilters(alert: Alert, filters: AlertFilters, currentUserId: string): boolean {
  if (filters.status === 'open' && !OPEN_STATUSES.includes(alert.status)) return false;
  if (filters.status && filters.status !== 'open' && alert.status !== filters.status) return false;
  if (filters.severity && alert.severity !== filters.severity) return false;
  if (filters.module && alert.module !== filters.module) return false;
  if (filters.region && alert.region !== filters.region) return false;
  if (filters.mine && alert.assignee?.id !== currentUserId) return false;
  const q = filters.q.trim().toLocaleLowerCase();
  if (q) {
    const haystack = [alert.title, alert.summary, alert.subject?.label].join(' ').toLocaleLowerCase();
    if (!haystack.includes(q)) return false;
  }
  return true;
}
