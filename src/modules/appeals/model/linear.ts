import type { SparseVector } from './features.js';

export interface LinearOptions {
  buckets: number;
  epochs: number;
  learningRate: number;
  /** L2 penalty, applied as weight decay on the features an example touches. */
  l2: number;
  seed: number;
  /** Class weights: 'balanced' (each class half the loss) or 'sqrt' (positives up-weighted by the square root of the imbalance). */
  balance: 'balanced' | 'sqrt';
}

export const defaultLinearOptions: Omit<LinearOptions, 'buckets'> = { epochs: 12, learningRate: 0.5, l2: 2e-2, seed: 1, balance: 'balanced' };

/** One-vs-rest logistic regressions sharing the features: weights[label * buckets + slot]. */
export interface LinearModel {
  labels: string[];
  buckets: number;
  weights: Float32Array;
  bias: Float32Array;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function score(model: LinearModel, x: SparseVector, label: number): number {
  const offset = label * model.buckets;
  let z = model.bias[label]!;
  for (let i = 0; i < x.indices.length; i++) z += model.weights[offset + x.indices[i]!]! * x.values[i]!;
  return z;
}

function shuffled(count: number, seed: number): Int32Array {
  const order = Int32Array.from({ length: count }, (_, index) => index);
  let state = seed >>> 0;
  for (let i = count - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * Stochastic gradient descent with AdaGrad step sizes on the logistic loss, positives weighted by the inverse of their
 * frequency (each risk label is rare among appeals), deterministic for a seed.
 */
export function trainLinear(xs: readonly SparseVector[], ys: readonly Uint8Array[], labels: string[], options: LinearOptions, exampleWeights?: readonly number[]): LinearModel {
  const { buckets } = options;
  const model: LinearModel = { labels, buckets, weights: new Float32Array(labels.length * buckets), bias: new Float32Array(labels.length) };
  const squaredGradients = new Float32Array(labels.length * buckets);
  const biasSquared = new Float32Array(labels.length);
  const positives = labels.map((_, label) => ys.reduce((sum, y) => sum + y[label]!, 0));
  // "Balanced" class weights, as scikit-learn's class_weight='balanced': each class carries half of the loss.
  const balanced = options.balance === 'balanced';
  const positiveWeight = positives.map((count) => (count === 0 ? 1 : balanced ? xs.length / (2 * count) : Math.min(10, Math.sqrt((xs.length - count) / count))));
  const negativeWeight = positives.map((count) => (count === xs.length || !balanced ? 1 : xs.length / (2 * (xs.length - count))));
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const order = shuffled(xs.length, options.seed + epoch);
    for (const index of order) {
      const x = xs[index]!;
      const y = ys[index]!;
      for (let label = 0; label < labels.length; label++) {
        const target = y[label]!;
        const weight = (target ? positiveWeight[label]! : negativeWeight[label]!) * (exampleWeights?.[index] ?? 1);
        const gradient = (sigmoid(score(model, x, label)) - target) * weight;
        if (Math.abs(gradient) < 1e-4) continue;
        const offset = label * buckets;
        for (let i = 0; i < x.indices.length; i++) {
          const slot = offset + x.indices[i]!;
          const g = gradient * x.values[i]! + options.l2 * model.weights[slot]!;
          squaredGradients[slot]! += g * g;
          model.weights[slot]! -= (options.learningRate * g) / Math.sqrt(squaredGradients[slot]! + 1e-8);
        }
        biasSquared[label]! += gradient * gradient;
        model.bias[label]! -= (options.learningRate * gradient) / Math.sqrt(biasSquared[label]! + 1e-8);
      }
    }
  }
  return model;
}
