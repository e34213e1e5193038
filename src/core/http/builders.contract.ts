import { Type, type TSchema } from 'typebox';

/** Small schema builders every contract uses; like the contracts, they import typebox only. */

/** One of these strings: an enum (one clear error, and a union type). */
export const oneOf = <T extends string>(values: readonly T[], options: { description?: string } = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Timestamp = (description?: string) =>
  Type.String({ format: 'date-time', ...(description ? { description } : {}) });

export const LocalizedTextSchema = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });
