import { fnv1a, type SparseVector } from './features.js';
import { riskLabels, type RiskLabel } from './labels.js';
import { sigmoid, score, trainLinear, defaultLinearOptions } from './linear.js';
import { hasRiskLabels, type Example } from './corpus.js';

/** The plain baseline: bag of lower-cased words, no folding, no character n-grams, no calibration. */
function bagOfWords(text: string, buckets: number): SparseVector {
  const counts = new Map<number, number>();
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const slot = fnv1a(match[0]) & (buckets - 1);
    counts.set(slot, (counts.get(slot) ?? 0) + 1);
  }
  const sorted = [...counts].sort(([a], [b]) => a - b);
  const indices = Int32Array.from(sorted, ([slot]) => slot);
  const values = Float32Array.from(sorted, ([, count]) => count);
  const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0)) || 1;
  return { indices, values: values.map((value) => value / norm) };
}

export function trainBaseline(examples: readonly Example[], buckets = 1 << 17) {
  const usable = examples.filter(hasRiskLabels);
  const model = trainLinear(
    usable.map((example) => bagOfWords(example.text, buckets)),
    usable.map((example) => Uint8Array.from(riskLabels, (label) => (example.labels.includes(label) ? 1 : 0))),
    [...riskLabels],
    { ...defaultLinearOptions, buckets },
  );
  return (text: string): Record<RiskLabel, number> => {
    const x = bagOfWords(text, buckets);
    return Object.fromEntries(
      riskLabels.map((label, index) => [label, sigmoid(score(model, x, index))]),
    ) as Record<RiskLabel, number>;
  };
}
