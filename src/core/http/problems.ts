import { problemTitles, type ProblemId } from '../i18n/problem-messages.js';
import type { Locale } from '../i18n/i18n.js';

const statuses: Record<ProblemId, number> = {
  validation: 400,
  unauthenticated: 401,
  'invalid-credentials': 401,
  forbidden: 403,
  'region-forbidden': 403,
  csrf: 403,
  'not-found': 404,
  conflict: 409,
  'invalid-transition': 409,
  'payload-too-large': 413,
  'uri-too-long': 414,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  'not-ready': 503,
  internal: 500,
};

export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem: a stable `type` id, the HTTP status, and a localised title. */
export class Problem extends Error {
  readonly status: number;
  constructor(
    readonly id: ProblemId,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? id);
    this.status = statuses[id];
  }

  toJSON(locale: Locale, instance?: string): Record<string, unknown> {
    return {
      type: problemType(this.id),
      title: problemTitles[this.id][locale],
      status: this.status,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...(instance === undefined ? {} : { instance }),
      ...(this.errors === undefined ? {} : { errors: this.errors }),
    };
  }
}

export const problemType = (id: ProblemId): string => `/api/problems/${id}`;
export const problemIds = Object.keys(statuses) as ProblemId[];
export const problemStatus = (id: ProblemId): number => statuses[id];
export const isProblemId = (id: string): id is ProblemId => Object.hasOwn(statuses, id);

export const problems = {
  validation: (detail: string, errors?: FieldError[]) => new Problem('validation', detail, errors),
  unauthenticated: () => new Problem('unauthenticated'),
  invalidCredentials: () => new Problem('invalid-credentials'),
  forbidden: (detail?: string) => new Problem('forbidden', detail),
  regionForbidden: (region: string) => new Problem('region-forbidden', `region ${region}`),
  csrf: () => new Problem('csrf'),
  notFound: (what: string) => new Problem('not-found', what),
  conflict: (detail: string) => new Problem('conflict', detail),
  invalidTransition: (detail: string) => new Problem('invalid-transition', detail),
  notReady: (detail: string) => new Problem('not-ready', detail),
};
