/** Nelder–Mead simplex minimisation (Nelder & Mead 1965) with the standard coefficients; deterministic. */
export function nelderMead(f: (x: number[]) => number, start: number[], options: { maxEvaluations?: number; step?: number } = {}): { x: number[]; value: number } {
  const n = start.length;
  const maxEvaluations = options.maxEvaluations ?? 200 * n;
  const step = options.step ?? 0.5;
  let simplex = [start, ...start.map((_, i) => start.map((value, j) => (i === j ? value + step : value)))].map((x) => ({ x, value: f(x) }));
  let evaluations = simplex.length;
  while (evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.value - best.value) < 1e-10 * (Math.abs(best.value) + 1e-10)) break;
    const centroid = start.map((_, j) => simplex.slice(0, n).reduce((sum, point) => sum + point.x[j]!, 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (worst.x[j]! - c));
    const reflected = along(-1);
    const reflectedValue = f(reflected);
    evaluations++;
    if (reflectedValue < best.value) {
      const expanded = along(-2);
      const expandedValue = f(expanded);
      evaluations++;
      simplex[n] = expandedValue < reflectedValue ? { x: expanded, value: expandedValue } : { x: reflected, value: reflectedValue };
    } else if (reflectedValue < simplex[n - 1]!.value) {
      simplex[n] = { x: reflected, value: reflectedValue };
    } else {
      const contracted = along(0.5);
      const contractedValue = f(contracted);
      evaluations++;
      if (contractedValue < worst.value) simplex[n] = { x: contracted, value: contractedValue };
      else {
        simplex = simplex.map((point, i) => (i === 0 ? point : (() => {
          const x = point.x.map((value, j) => best.x[j]! + 0.5 * (value - best.x[j]!));
          evaluations++;
          return { x, value: f(x) };
        })()));
      }
    }
  }
  simplex.sort((a, b) => a.value - b.value);
  return { x: simplex[0]!.x, value: simplex[0]!.value };
}
