/**
 * The SQL predicate that keeps a query inside a caller's regions: `column` is a region code column, `$index` the
 * RegionScope parameter (null for national scope, else a text[] of region codes). Always pass the scope, null or not,
 * so a query's parameters do not depend on who asks.
 */
export function inRegionScope(column: string, index: number): string {
  if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/.test(column))
    throw new Error(`not a column name: ${column}`);
  return `($${String(index)}::text[] is null or ${column} = any($${String(index)}::text[]))`;
}
