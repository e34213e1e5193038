/**
 * A value the surrounding code guarantees (the row an insert returned, the first of a non-empty list), with an error
 * naming it if the guarantee is ever broken, instead of a `!` that would let `undefined` travel on.
 */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`${what} is missing`);
  return value;
}
