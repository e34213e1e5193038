/** Nelder–Mead simplex minimisation (Nelder & Mead 1965) with the standard coefficients; deterministic. */
export function nelderMead(
  f: (x: number[]) => number,
  start: number[],
  options: { maxEvaluations?: number; step?: number } = {},
): { x: number[]; value: number } {
  const n = start.length;
  const maxEvaluations = options.maxEvaluations ?? 200 * n;
  const step = options.step ?? 0.5;
  let simplex = [
    start,
    ...start.map((_, i) => start.map((value, j) => (i === j ? value + step : value))),
  ].map((x) => ({ x, value: f(x) }));
  let evaluations = simplex.length;
  while (evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.value - b.value);
    // The simplex has n + 1 points and every point n coordinates; a zero-dimensional one has no second-worst point.
    const best = simplex[0];
    const worst = simplex[n];
    if (!best || !worst) throw new Error('nelderMead: the simplex lost a point');
    if (Math.abs(worst.value - best.value) < 1e-10 * (Math.abs(best.value) + 1e-10)) break;
    const secondWorst = simplex[n - 1];
    if (!secondWorst) throw new Error('nelderMead: nothing to minimise over (no coordinates)');
    const centroid = start.map(
      (_, j) => simplex.slice(0, n).reduce((sum, point) => sum + (point.x[j] ?? NaN), 0) / n,
    );
    const along = (t: number) => centroid.map((c, j) => c + t * ((worst.x[j] ?? NaN) - c));
    const reflected = along(-1);
    const reflectedValue = f(reflected);
    evaluations++;
    if (reflectedValue < best.value) {
      const expanded = along(-2);
      const expandedValue = f(expanded);
      evaluations++;
      simplex[n] =
        expandedValue < reflectedValue
          ? { x: expanded, value: expandedValue }
          : { x: reflected, value: reflectedValue };
    } else if (reflectedValue < secondWorst.value) {
      simplex[n] = { x: reflected, value: reflectedValue };
    } else {
      const contracted = along(0.5);
      const contractedValue = f(contracted);
      evaluations++;
      if (contractedValue < worst.value) simplex[n] = { x: contracted, value: contractedValue };
      else {
        simplex = simplex.map((point, i) =>
          i === 0
            ? point
            : (() => {
                const x = point.x.map((value, j) => {
                  const anchor = best.x[j] ?? NaN;
                  return anchor + 0.5 * (value - anchor);
                });
                evaluations++;
                return { x, value: f(x) };
              })(),
        );
      }
    }
  }
  simplex.sort((a, b) => a.value - b.value);
  const [winner] = simplex;
  if (!winner) throw new Error('nelderMead: the simplex is empty');
  return { x: winner.x, value: winner.value };
}
