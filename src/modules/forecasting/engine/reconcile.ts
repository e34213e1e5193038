/**
 * Ordinary least squares reconciliation (Hyndman et al. 2011) for a two-level hierarchy, a total and its parts:
 * the projection of the base forecasts onto the coherent subspace. For this structure it has a closed form: the gap
 * between the total's forecast and the sum of the parts is shared equally by the n parts and the total (n + 1 ways).
 * Parts are kept non-negative (counts), with the total recomputed as their sum.
 */
export function reconcileTotal(
  total: readonly number[],
  parts: readonly (readonly number[])[],
): { total: number[]; parts: number[][] } {
  const n = parts.length;
  const reconciledParts = parts.map((part) => [...part]);
  // Every part is as long as the total; a shorter one gets NaN where it ends, as its missing entries always did.
  total.forEach((value, i) => {
    const gap = value - parts.reduce((sum, part) => sum + (part[i] ?? NaN), 0);
    for (const part of reconciledParts) part[i] = Math.max(0, (part[i] ?? NaN) + gap / (n + 1));
  });
  return {
    total: total.map((_, i) => reconciledParts.reduce((sum, part) => sum + (part[i] ?? NaN), 0)),
    parts: reconciledParts,
  };
}
