/**
 * A deterministic synthetic panel for the speed table, shaped like regional crime counts: groups of regions whose
 * monthly counts sum to a national total, so reconciliation has real work to do. Each region has a level, a linear
 * trend, a multiplicative yearly season and negative-binomial noise (Poisson with a gamma-distributed rate, the usual
 * model of over-dispersed crime counts); the last regions of every group are small intermittent counts, mostly zero.
 * Every group has the same make-up, so the first few groups (the statsmodels sample) look like the whole panel.
 */

export interface SyntheticGroup {
  id: string;
  total: number[];
  parts: { id: string; values: number[]; intermittent: boolean }[];
}

/** Mulberry32 (Tommy Ettinger): a small, fast, seedable generator; the panel is identical on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function sampler(seed: number) {
  const uniform = random(seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * uniform();
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  /** Marsaglia & Tsang (2000), for shape ≥ 1. */
  const gamma = (shape: number) => {
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      const v = (1 + c * x) ** 3;
      if (v > 0 && Math.log(1 - uniform()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  /** Knuth's product method for small rates; the normal approximation above 30, where it is close. */
  const poisson = (rate: number) => {
    if (rate > 30) return Math.max(0, Math.round(rate + Math.sqrt(rate) * normal()));
    const limit = Math.exp(-rate);
    let count = 0;
    for (let product = uniform(); product > limit; product *= uniform()) count++;
    return count;
  };
  return { between, gamma, poisson };
}

export function syntheticPanel(options: {
  groups: number;
  partsPerGroup: number;
  intermittentPerGroup: number;
  length: number;
  seed: number;
}): SyntheticGroup[] {
  const { between, gamma, poisson } = sampler(options.seed);
  return Array.from({ length: options.groups }, (_, g) => {
    const parts = Array.from({ length: options.partsPerGroup }, (_, p) => {
      const intermittent = p >= options.partsPerGroup - options.intermittentPerGroup;
      const level = intermittent ? between(0.15, 1.2) : Math.exp(between(Math.log(5), Math.log(400)));
      const slope = between(-0.004, 0.006);
      const amplitude = between(0.05, 0.35);
      const second = between(0, 0.1);
      const phase = between(0, 12);
      const dispersion = between(8, 40);
      const values = Array.from({ length: options.length }, (_, t) => {
        const season =
          1 +
          amplitude * Math.sin((2 * Math.PI * (t + phase)) / 12) +
          second * Math.cos((4 * Math.PI * t) / 12);
        const mean = level * Math.max(0.05, 1 + slope * t) * season;
        return poisson((mean * gamma(dispersion)) / dispersion);
      });
      return {
        id: `g${String(g).padStart(3, '0')}/r${String(p + 1).padStart(2, '0')}`,
        values,
        intermittent,
      };
    });
    const total = Array.from({ length: options.length }, (_, t) =>
      parts.reduce((sum, part) => sum + (part.values[t] ?? NaN), 0),
    );
    return { id: `g${String(g).padStart(3, '0')}`, total, parts };
  });
}

/** The panel as a flat list, each group's total first and then its parts: the order the forecasts come back in. */
export function flatten(
  groups: readonly SyntheticGroup[],
  length: number,
): { id: string; values: number[]; m: number }[] {
  return groups.flatMap((group) => [
    { id: `${group.id}/total`, values: group.total.slice(0, length), m: 12 },
    ...group.parts.map((part) => ({ id: part.id, values: part.values.slice(0, length), m: 12 })),
  ]);
}
