import { quantise, type ModelArtifact } from './artifact.js';
import { calibrate, fitPlatt } from './calibration.js';
import {
  DEFAULT_BUCKETS,
  hashFeatures,
  inverseDocumentFrequency,
  packIdf,
  unpackIdf,
  weighFeatures,
  type SparseVector,
} from './features.js';
import { riskLabels } from './labels.js';
import { defaultLinearOptions, score, trainLinear, type LinearOptions } from './linear.js';
import { tokenize } from '../text/normalize.js';
import { present } from '../../../core/lang/index.js';
import { hasRiskLabels, type Example } from './corpus.js';

export interface TrainOptions {
  /** Weight of an example in the risk model (default 1). */
  weightOf?: (example: Example) => number;
  buckets?: number;
  folds?: number;
  linear?: Partial<Omit<LinearOptions, 'buckets'>>;
  version?: string;
}

const FOLDS = 4;

/**
 * Trains the risk model (one-vs-rest logistic regressions on hashed word and character n-grams), calibrates each label
 * with Platt scaling on out-of-fold scores, and trains the topic router; returns the artifact to store or ship.
 */
export function trainModel(examples: readonly Example[], options: TrainOptions = {}): ModelArtifact {
  const buckets = options.buckets ?? DEFAULT_BUCKETS;
  const linear: LinearOptions = { ...defaultLinearOptions, ...options.linear, buckets };
  const riskExamples = examples.filter(hasRiskLabels);
  // Each text is tokenised and hashed once; the hashes give the document frequencies and then the weighted vectors.
  const hashed = examples.map((example) => ({ example, hashes: hashFeatures(tokenize(example.text)) }));
  const idf = unpackIdf(
    packIdf(
      inverseDocumentFrequency(
        hashed.map(({ hashes }) => hashes),
        buckets,
      ),
    ),
  );
  const vectorOf = new Map(
    hashed.map(({ example, hashes }) => [example, weighFeatures(hashes, buckets, idf)]),
  );
  const featuresOf = (example: Example) =>
    present(vectorOf.get(example), `the features of example ${example.id}`);
  const xs = riskExamples.map(featuresOf);
  const ys = riskExamples.map((example) =>
    Uint8Array.from(riskLabels, (label) => (example.labels.includes(label) ? 1 : 0)),
  );
  const labels = [...riskLabels];
  // Every example counts the same by default; lowering the public set's weight was measured and cost quality.
  const weightOf = options.weightOf ?? (() => 1);
  const weights = riskExamples.map(weightOf);

  // Out-of-fold scores only need to be honest, not many: on a large corpus two folds calibrate as well as four, in half the time.
  const folds = options.folds ?? (riskExamples.length > 20_000 ? 2 : FOLDS);
  // Per label: the out-of-fold score of every example, and its target.
  const outOfFold = labels.map((_, label) => ({
    scores: new Float64Array(riskExamples.length),
    targets: ys.map((y) => y[label] ?? 0),
  }));
  for (let fold = 0; fold < folds; fold++) {
    const inFold = (index: number) => index % folds === fold;
    const model = trainLinear(
      xs.filter((_, i) => !inFold(i)),
      ys.filter((_, i) => !inFold(i)),
      labels,
      linear,
      weights.filter((_, i) => !inFold(i)),
    );
    xs.forEach((x, i) => {
      if (inFold(i)) outOfFold.forEach(({ scores }, label) => (scores[i] = score(model, x, label)));
    });
  }
  const calibrations = outOfFold.map(({ scores, targets }) => {
    const heldOut = Array.from(scores);
    const platt = fitPlatt(heldOut, targets);
    return {
      platt,
      threshold: bestThreshold(
        heldOut.map((z) => calibrate(platt, z)),
        targets,
      ),
    };
  });
  const risk = trainLinear(xs, ys, labels, linear, weights);

  const routed = examples.filter((example): example is Example & { topic: string } => example.topic !== null);
  const topics = [...new Set(routed.map((example) => example.topic))].sort();
  const routingXs: SparseVector[] = routed.map(featuresOf);
  const routingYs = routed.map((example) =>
    Uint8Array.from(topics, (topic) => (topic === example.topic ? 1 : 0)),
  );
  const routing = trainLinear(routingXs, routingYs, topics, { ...linear, epochs: 8 });

  const createdAt = new Date().toISOString();
  return {
    format: 'qadagalau-appeals/1',
    version: options.version ?? `appeals-${createdAt.slice(0, 19).replace(/[-:T]/g, '')}`,
    createdAt,
    buckets,
    idf: packIdf(idf),
    risk: {
      ...quantise(risk),
      platt: calibrations.map(({ platt }) => platt),
      thresholds: calibrations.map(({ threshold }) => threshold),
    },
    routing: quantise(routing),
    card: { trainingAppeals: riskExamples.length, routingAppeals: routed.length, topics, options: linear },
  };
}

/**
 * The decision threshold of a label: the calibrated probability that maximises F2 on out-of-fold predictions. F2
 * weighs recall twice as much as precision, because a missed report of violence costs more than an extra review;
 * bounded to [0.3, 0.6] so a small fold cannot push it to an extreme.
 */
const BETA2 = 4;

export function bestThreshold(probabilities: readonly number[], targets: readonly number[]): number {
  let best = { threshold: 0.5, score: -1 };
  for (let threshold = 0.3; threshold <= 0.6001; threshold += 0.025) {
    let tp = 0,
      fp = 0,
      fn = 0;
    probabilities.forEach((p, i) => {
      if (p >= threshold && targets[i]) tp++;
      else if (p >= threshold) fp++;
      else if (targets[i]) fn++;
    });
    const score = tp ? ((1 + BETA2) * tp) / ((1 + BETA2) * tp + BETA2 * fn + fp) : 0;
    if (score > best.score) best = { threshold: Number(threshold.toFixed(3)), score };
  }
  return best.threshold;
}
