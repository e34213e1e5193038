import { Type, type TSchema } from 'typebox';
import { problemIds } from './problems.js';
import { regionCodes } from '../geo/regions.js';
import './formats.js';

export const Uuid = Type.String({ format: 'uuid' });
/** A real calendar day, YYYY-MM-DD. */
export const CalendarDate = (options: { description?: string } = {}) =>
  Type.String({ format: 'date', ...options });
/** A real month (YYYY-MM), or a real day (YYYY-MM-DD). */
export const Period = (options: { description?: string } = {}) =>
  Type.String({ format: 'period', pattern: '^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$', ...options });
// An enum rather than a union of literals: one clear error ("must be one of …") instead of twenty.
export const RegionCode = Type.Unsafe<string>({
  type: 'string',
  enum: [...regionCodes],
  description: 'ISO 3166-2 region code, e.g. KZ-75',
});
/** A region code, or '*' for national scope. */
export const RegionScopeItem = Type.Unsafe<string>({
  type: 'string',
  enum: ['*', ...regionCodes],
  description: 'a region code, or * for the whole country',
});
export const LocaleSchema = Type.Union([Type.Literal('kk'), Type.Literal('ru'), Type.Literal('en')]);
export const Localized = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ examples: problemIds.map((id) => `/api/problems/${id}`) }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { description: 'RFC 9457 problem details' },
);

/** Standard error responses for the OpenAPI document. */
export function withProblems(responses: Record<number, TSchema>): Record<number, TSchema> {
  return { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, ...responses };
}

export const Strict = <T extends Record<string, TSchema>>(properties: T) =>
  Type.Object(properties, { additionalProperties: false });
