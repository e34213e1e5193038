import { present } from '../../../core/lang/index.js';
import { sigmoid } from './linear.js';

export interface Platt {
  a: number;
  b: number;
}

/**
 * Platt scaling: p = sigmoid(a·z + b) fitted by Newton's method on held-out scores, with Platt's smoothed targets
 * (Platt 1999) so a perfectly separated fold does not drive the slope to infinity.
 */
export function fitPlatt(scores: readonly number[], targets: readonly number[]): Platt {
  const positives = targets.filter((t) => t === 1).length;
  const negatives = targets.length - positives;
  // Too few positives to fit a slope: keep the model's own sigmoid.
  if (positives < 5 || negatives < 5) return { a: 1, b: 0 };
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  const t = targets.map((target) => (target === 1 ? hi : lo));
  const loss = (a: number, b: number) =>
    scores.reduce((sum, z, i) => {
      const f = a * z + b;
      // log(1 + e^f) - t·f, computed stably
      return sum + (f >= 0 ? f + Math.log1p(Math.exp(-f)) : Math.log1p(Math.exp(f))) - (t[i] ?? NaN) * f;
    }, 0);
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0,
      gb = 0,
      haa = 1e-12,
      hab = 0,
      hbb = 1e-12;
    for (const [i, z] of scores.entries()) {
      const p = sigmoid(a * z + b);
      const d = p - (t[i] ?? NaN);
      const w = Math.max(p * (1 - p), 1e-12);
      ga += d * z;
      gb += d;
      haa += w * z * z;
      hab += w * z;
      hbb += w;
    }
    // Levenberg damping keeps the Newton step sane when the Hessian is nearly singular (Lin, Lin & Weng 2007).
    haa += 1e-3;
    hbb += 1e-3;
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    let step = 1;
    let next = loss(a - step * da, b - step * db);
    while (next > current && step > 1e-6) {
      step /= 2;
      next = loss(a - step * da, b - step * db);
    }
    if (next > current) break;
    a -= step * da;
    b -= step * db;
    const improvement = current - next;
    current = next;
    if (improvement < 1e-9) break;
  }
  // A calibration must keep the order of scores: a non-positive slope means the fit failed.
  return a > 0 && Number.isFinite(b) ? { a, b } : { a: 1, b: 0 };
}

export const calibrate = (platt: Platt, z: number) => sigmoid(platt.a * z + platt.b);

/** Expected calibration error over ten equal-width bins, with the bins for the model card. */
export function calibrationReport(probabilities: readonly number[], targets: readonly number[]) {
  const bins = Array.from({ length: 10 }, () => ({ count: 0, predicted: 0, observed: 0 }));
  probabilities.forEach((p, i) => {
    const bin = present(
      bins[Math.min(9, Math.floor(p * 10))],
      'the calibration bin of a probability (below 0, or NaN?)',
    );
    bin.count += 1;
    bin.predicted += p;
    bin.observed += targets[i] ?? NaN;
  });
  const total = probabilities.length || 1;
  const ece =
    bins.reduce((sum, bin) => sum + (bin.count ? Math.abs(bin.predicted - bin.observed) : 0), 0) / total;
  return {
    ece,
    bins: bins.map((bin, index) => ({
      range: [index / 10, (index + 1) / 10],
      count: bin.count,
      meanPredicted: bin.count ? bin.predicted / bin.count : null,
      observedRate: bin.count ? bin.observed / bin.count : null,
    })),
  };
}
