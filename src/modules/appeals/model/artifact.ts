import type { Platt } from './calibration.js';
import type { LinearModel } from './linear.js';

/**
 * The format of the artifacts this code can score: it changes whenever the features change (2 added word stems and
 * stem bigrams), because weights learnt on other features would score nonsense.
 */
export const ARTIFACT_FORMAT = 'qadagalau-appeals/2';

/** A trained model as stored in the database and shipped in the package: weights quantised to int8 per label. */
export interface ModelArtifact {
  format: typeof ARTIFACT_FORMAT;
  version: string;
  createdAt: string;
  buckets: number;
  /** Inverse document frequency per slot, packed (features.ts). */
  idf: string;
  /** Per label: Platt scaling, the strongest sentence's weight (features.ts withStrongestSentence), the threshold. */
  risk: QuantisedLinear & {
    platt: Platt[];
    sentenceWeights: number[];
    thresholds: number[];
  };
  routing: QuantisedLinear;
  card: Record<string, unknown>;
}

export interface QuantisedLinear {
  labels: string[];
  bias: number[];
  /** Per label: the scale and the int8 weights, base64. */
  weights: { scale: number; data: string }[];
}

export function quantise(model: LinearModel): QuantisedLinear {
  return {
    labels: model.labels,
    bias: Array.from(model.bias),
    weights: model.labels.map((_, label) => {
      const slice = model.weights.subarray(label * model.buckets, (label + 1) * model.buckets);
      let max = 0;
      for (const weight of slice) max = Math.max(max, Math.abs(weight));
      const scale = max / 127 || 1;
      const bytes = Int8Array.from(slice, (weight) => Math.round(weight / scale));
      return { scale, data: Buffer.from(bytes.buffer).toString('base64') };
    }),
  };
}

export function dequantise(stored: QuantisedLinear, buckets: number): LinearModel {
  const weights = new Float32Array(stored.labels.length * buckets);
  stored.weights.forEach(({ scale, data }, label) => {
    const raw = Buffer.from(data, 'base64');
    const values = new Int8Array(raw.buffer, raw.byteOffset, raw.length);
    // A short (corrupt) weight table reads as NaN weights, not as zeros that would pass for a trained model.
    for (let i = 0; i < buckets; i++) weights[label * buckets + i] = (values[i] ?? NaN) * scale;
  });
  return { labels: stored.labels, buckets, weights, bias: Float32Array.from(stored.bias) };
}
