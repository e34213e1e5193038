import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import './formats.js';
import { unsafeTextAt } from './input-guard.js';
import type { FieldError } from './problems.js';

/** Checks the items of a batch one by one, so that one bad item is refused alone, with its reasons. */
export interface ItemChecker<T> {
  check(value: unknown): value is T;
  /** Why an item is refused: one error per field, text no column can hold included. */
  errors(value: unknown): FieldError[];
}

/**
 * A validator for batch items declared `Type.Unknown()` in the route schema. The server-wide text guard leaves such
 * items to it (the route names the array in `config.batchOf`): it refuses what the route's schema would, plus NUL
 * characters and unpaired surrogates.
 */
export function itemChecker<T extends TSchema>(schema: T): ItemChecker<Static<T>> {
  const compiled = Compile(schema);
  const unsafe = (value: unknown) => unsafeTextAt(value, '');
  return {
    check: (value): value is Static<T> => unsafe(value) === undefined && compiled.Check(value),
    errors(value) {
      const field = unsafe(value);
      if (field !== undefined)
        return [{ field: field || '/', message: 'must not contain NUL characters or unpaired surrogates' }];
      const seen = new Set<string>();
      return [...compiled.Errors(value)].flatMap((error) => {
        if (seen.has(error.instancePath)) return [];
        seen.add(error.instancePath);
        return [{ field: error.instancePath || '/', message: error.message }];
      });
    },
  };
}
