import { present } from '../../../core/lang/index.js';
import { extractEntities, type Entity } from '../text/entities.js';
import { detectLanguage, type Language } from '../text/language.js';
import { tokenize, type Token } from '../text/normalize.js';
import { ARTIFACT_FORMAT, dequantise, type ModelArtifact } from './artifact.js';
import { calibrate } from './calibration.js';
import {
  pushFeatureHashes,
  sentenceVectors,
  unpackIdf,
  vectorize,
  withStrongestSentence,
  type SparseVector,
} from './features.js';
import { riskLabels, type RiskLabel } from './labels.js';
import { score, type LinearModel } from './linear.js';
import {
  aggravatingSignals,
  defaultRiskThresholds,
  riskLevel,
  type Aggravating,
  type RiskLevel,
  type RiskThresholds,
} from './risk-level.js';
import { routeAppeal } from './routing.js';

export interface Evidence {
  text: string;
  start: number;
  end: number;
  /** The phrase's share of the evidence for the label, 0..1. */
  weight: number;
}

export interface Screening {
  language: Language;
  labels: RiskLabel[];
  scores: Record<RiskLabel, number>;
  riskLevel: RiskLevel;
  explanation: {
    summary: string;
    /** Each label's decision threshold in the model that screened this text. */
    thresholds: Record<RiskLabel, number>;
    labels: Partial<Record<RiskLabel, Evidence[]>>;
    aggravating: Aggravating[];
  };
  entities: Entity[];
  topic: { name: string; probability: number };
  route: { agencyKind: string; reason: string };
  modelVersion: string;
}

/** A model trained on another feature set than this code computes: it cannot screen, and must be retrained. */
export class OutdatedModelError extends Error {
  constructor(
    readonly version: string,
    readonly format: string,
  ) {
    super(`model ${version} has format ${format}; this version of the screener reads ${ARTIFACT_FORMAT}`);
  }
}

/** A loaded model: screening is pure and fast (no I/O), so the CLI, the API and the benchmarks share it. */
export class AppealClassifier {
  private readonly risk: LinearModel;
  private readonly routing: LinearModel;
  private readonly idf: Float32Array;

  constructor(
    readonly artifact: ModelArtifact,
    private readonly thresholds: RiskThresholds = defaultRiskThresholds,
  ) {
    if (artifact.format !== ARTIFACT_FORMAT)
      throw new OutdatedModelError(artifact.version, String(artifact.format));
    this.risk = dequantise(artifact.risk, artifact.buckets);
    this.routing = dequantise(artifact.routing, artifact.buckets);
    this.idf = unpackIdf(artifact.idf);
  }

  /** The label's decision threshold, chosen at training time (see train.ts). */
  threshold(label: RiskLabel): number {
    const index = this.risk.labels.indexOf(label);
    return this.artifact.risk.thresholds[index] ?? this.thresholds.label;
  }

  /** The labels an appeal gets: every label at or over its own threshold. */
  decide(scores: Record<RiskLabel, number>): RiskLabel[] {
    return riskLabels.filter((label) => scores[label] >= this.threshold(label));
  }

  get version(): string {
    return this.artifact.version;
  }

  probabilities(
    tokens: readonly Token[],
    x: SparseVector = vectorize(tokens, this.artifact.buckets, this.idf),
  ): Record<RiskLabel, number> {
    const result = {} as Record<RiskLabel, number>;
    const weights = this.artifact.risk.sentenceWeights;
    // Sentences are vectorised only when some label weighs them (every trained model so far does).
    const sentences = weights.some((weight) => weight > 0)
      ? sentenceVectors(tokens, this.artifact.buckets, this.idf)
      : [];
    riskLabels.forEach((label) => {
      const index = this.risk.labels.indexOf(label);
      if (index < 0) {
        result[label] = 0;
        return;
      }
      const z = withStrongestSentence(
        score(this.risk, x, index),
        sentences.map((sentence) => score(this.risk, sentence, index)),
        weights[index] ?? 0,
      );
      result[label] = calibrate(
        present(this.artifact.risk.platt[index], "a risk label's Platt scaling in the model artifact"),
        z,
      );
    });
    return result;
  }

  screen(text: string): Screening {
    const tokens = tokenize(text);
    const x = vectorize(tokens, this.artifact.buckets, this.idf);
    const scores = this.probabilities(tokens, x);
    const labels = this.decide(scores);
    const normalized = tokens.map((token) => token.norm).join(' ');
    const aggravating = aggravatingSignals(normalized);
    const level = riskLevel(scores, aggravating, this.thresholds, (label) => this.threshold(label));
    const evidence: Partial<Record<RiskLabel, Evidence[]>> = {};
    for (const label of labels) evidence[label] = this.evidenceFor(text, tokens, x, label);
    const topic = this.topic(x);
    return {
      language: detectLanguage(text).language,
      labels,
      scores: Object.fromEntries(
        riskLabels.map((label) => [label, Number(scores[label].toFixed(4))]),
      ) as Record<RiskLabel, number>,
      riskLevel: level,
      explanation: {
        summary: summarize(labels, scores, evidence, aggravating, level),
        thresholds: Object.fromEntries(riskLabels.map((label) => [label, this.threshold(label)])) as Record<
          RiskLabel,
          number
        >,
        labels: evidence,
        aggravating,
      },
      entities: extractEntities(text),
      topic,
      route: routeAppeal(labels, topic.name),
      modelVersion: this.artifact.version,
    };
  }

  /** Each token's contribution to the label's score (its word, character n-grams and bigram), merged into phrases. */
  private evidenceFor(text: string, tokens: readonly Token[], x: SparseVector, label: RiskLabel): Evidence[] {
    const index = this.risk.labels.indexOf(label);
    const valueOf = new Map<number, number>();
    x.indices.forEach((slot, i) => valueOf.set(slot, x.values[i] ?? 0));
    const mask = this.artifact.buckets - 1;
    const offset = index * this.artifact.buckets;
    const contributions = tokens.map((_, i) => {
      const hashes: number[] = [];
      pushFeatureHashes(tokens, i, hashes);
      let sum = 0;
      hashes.forEach((hash, k) => {
        const slot = hash & mask;
        // A bigram is shared with the next word: half of it counts for each.
        const share = k === hashes.length - 1 && i < tokens.length - 1 ? 0.5 : 1;
        sum += (this.risk.weights[offset + slot] ?? NaN) * (valueOf.get(slot) ?? 0) * share;
      });
      return sum;
    });
    const positive = contributions.reduce((sum, value) => sum + Math.max(0, value), 0) || 1;
    const strong = new Set(
      contributions
        .map((value, i) => ({ value, i }))
        .filter(({ value }) => value > 0)
        .sort((a, b) => b.value - a.value)
        .slice(0, 6)
        .filter(({ value }) => value / positive >= 0.05)
        .map(({ i }) => i),
    );
    const phrases: Evidence[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (!strong.has(i)) continue;
      let j = i;
      let weight = contributions[i] ?? 0;
      while (strong.has(j + 1)) weight += contributions[++j] ?? 0;
      const { start } = present(tokens[i], 'the first token of a phrase');
      const { end } = present(tokens[j], 'the last token of a phrase');
      phrases.push({
        text: text.slice(start, end),
        start,
        end,
        weight: Number((weight / positive).toFixed(3)),
      });
      i = j;
    }
    return phrases.sort((a, b) => b.weight - a.weight);
  }

  private topic(x: SparseVector): { name: string; probability: number } {
    const scores = this.routing.labels.map((_, index) => score(this.routing, x, index));
    const max = Math.max(...scores);
    const exps = scores.map((value) => Math.exp(value - max));
    const total = exps.reduce((sum, value) => sum + value, 0);
    const best = exps.indexOf(Math.max(...exps));
    // No topic wins (none trained, or NaN scores): best is -1, so 'other' with probability NaN.
    return {
      name: this.routing.labels[best] ?? 'other',
      probability: Number(((exps[best] ?? NaN) / total).toFixed(3)),
    };
  }
}

function summarize(
  labels: RiskLabel[],
  scores: Record<RiskLabel, number>,
  evidence: Partial<Record<RiskLabel, Evidence[]>>,
  aggravating: Aggravating[],
  level: RiskLevel,
): string {
  if (labels.length === 0) return 'No risk label reached its threshold: an ordinary appeal.';
  const parts = labels.map((label) => {
    const phrases = (evidence[label] ?? [])
      .slice(0, 3)
      .map((phrase) => `«${phrase.text}»`)
      .join(', ');
    return `${label} (p = ${scores[label].toFixed(2)})${phrases ? ` from ${phrases}` : ''}`;
  });
  const signals = aggravating.length
    ? `; aggravating: ${aggravating.map((signal) => `${signal.kind} «${signal.phrase}»`).join(', ')}`
    : '';
  return `Risk ${level}: ${parts.join('; ')}${signals}.`;
}
