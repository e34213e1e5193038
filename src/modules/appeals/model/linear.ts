import { present } from '../../../core/lang/index.js';
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

export const defaultLinearOptions: Omit<LinearOptions, 'buckets'> = {
  epochs: 12,
  learningRate: 0.5,
  l2: 2e-2,
  seed: 1,
  balance: 'balanced',
};

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
  const { indices, values } = x;
  // A label or a slot the model lacks reads as NaN, so a mismatched vector spoils the score instead of counting as 0.
  let z = model.bias[label] ?? NaN;
  for (let i = 0; i < indices.length; i++)
    z += (model.weights[offset + (indices[i] ?? 0)] ?? NaN) * (values[i] ?? NaN);
  return z;
}

function shuffled(count: number, seed: number): Int32Array {
  const order = Int32Array.from({ length: count }, (_, index) => index);
  let state = seed >>> 0;
  for (let i = count - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    const swapped = order[j] ?? 0;
    order[j] = order[i] ?? 0;
    order[i] = swapped;
  }
  return order;
}

/**
 * Stochastic gradient descent with AdaGrad step sizes on the logistic loss, positives weighted by the inverse of their
 * frequency (each risk label is rare among appeals), deterministic for a seed.
 */
export function trainLinear(
  xs: readonly SparseVector[],
  ys: readonly Uint8Array[],
  labels: string[],
  options: LinearOptions,
  exampleWeights?: readonly number[],
): LinearModel {
  const { buckets } = options;
  const model: LinearModel = {
    labels,
    buckets,
    weights: new Float32Array(labels.length * buckets),
    bias: new Float32Array(labels.length),
  };
  const squaredGradients = new Float32Array(labels.length * buckets);
  const biasSquared = new Float32Array(labels.length);
  if (ys.some((y) => y.length < labels.length))
    throw new Error(`trainLinear: every target row needs one entry for each of the ${labels.length} labels`);
  const positives = labels.map((_, label) => ys.reduce((sum, y) => sum + (y[label] ?? 0), 0));
  // "Balanced" class weights, as scikit-learn's class_weight='balanced': each class carries half of the loss.
  const balanced = options.balance === 'balanced';
  const positiveWeight = positives.map((count) =>
    count === 0
      ? 1
      : balanced
        ? xs.length / (2 * count)
        : Math.min(10, Math.sqrt((xs.length - count) / count)),
  );
  const negativeWeight = positives.map((count) =>
    count === xs.length || !balanced ? 1 : xs.length / (2 * (xs.length - count)),
  );
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const order = shuffled(xs.length, options.seed + epoch);
    for (const index of order) {
      const x = present(xs[index], 'a training example');
      const y = present(ys[index], 'the targets of a training example');
      const { indices, values } = x;
      for (let label = 0; label < labels.length; label++) {
        const target = y[label] ?? 0;
        const weight =
          ((target ? positiveWeight[label] : negativeWeight[label]) ?? 1) * (exampleWeights?.[index] ?? 1);
        const gradient = (sigmoid(score(model, x, label)) - target) * weight;
        if (Math.abs(gradient) < 1e-4) continue;
        const offset = label * buckets;
        for (let i = 0; i < indices.length; i++) {
          const slot = offset + (indices[i] ?? 0);
          const current = model.weights[slot] ?? 0;
          const g = gradient * (values[i] ?? NaN) + options.l2 * current;
          // The step divides by the sum as stored in float32, so it is rounded as the store rounds it.
          const squared = Math.fround((squaredGradients[slot] ?? 0) + g * g);
          squaredGradients[slot] = squared;
          model.weights[slot] = current - (options.learningRate * g) / Math.sqrt(squared + 1e-8);
        }
        const biasSquaredSum = Math.fround((biasSquared[label] ?? 0) + gradient * gradient);
        biasSquared[label] = biasSquaredSum;
        model.bias[label] =
          (model.bias[label] ?? 0) - (options.learningRate * gradient) / Math.sqrt(biasSquaredSum + 1e-8);
      }
    }
  }
  return model;
}
