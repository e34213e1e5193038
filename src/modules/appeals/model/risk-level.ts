import type { RiskLabel } from './labels.js';

export type RiskLevel = 'critical' | 'high' | 'medium' | 'low';

export interface RiskThresholds {
  /** A label is assigned at or above this calibrated probability. */
  label: number;
  /** Probability of a life-threatening label (violence, threat, self_harm) that is critical by itself. */
  critical: number;
}

// 0.5 on calibrated probabilities is the Bayes decision for equal costs; a missed threat costs more than an extra
// review, which is why life-threatening labels go straight to critical at 0.8 and to high as soon as assigned.
export const defaultRiskThresholds: RiskThresholds = { label: 0.5, critical: 0.8 };

const lifeThreatening: readonly RiskLabel[] = ['violence', 'threat', 'self_harm'];

export interface Aggravating {
  kind: 'minor' | 'weapon' | 'official' | 'repeat';
  phrase: string;
}

// Folded forms (see normalize.ts): Kazakh letters appear as their Russian look-alikes. Word edges are written as
// lookarounds on letters, because \b in JavaScript knows only ASCII letters and never fires on Cyrillic.
const signals: { kind: Aggravating['kind']; pattern: RegExp }[] = [
  {
    kind: 'minor',
    pattern:
      /(?<![\p{L}\d])(реб[её]н\p{L}*|дет(и|ей|ям|ьми)|сын\p{L}*|доч\p{L}*|школьни\p{L}*|ученик\p{L}*|ученица\p{L}*|подрост\p{L}*|малолет\p{L}*|несовершеннолет\p{L}*|бала\p{L}*|оку(шы|шылар)\p{L}*|кызым\p{L}*|улым\p{L}*|\d{1,2}[ -]?(лет|жаста|жастагы))(?![\p{L}\d])/iu,
  },
  {
    kind: 'weapon',
    pattern:
      /(?<![\p{L}\d])(нож\p{L}*|пистолет\p{L}*|ружь\p{L}*|обрез\p{L}*|травмат\p{L}*|оруж\p{L}*|пышак\p{L}*|мылтык\p{L}*|кару\p{L}*|топор\p{L}*|балта\p{L}*)(?![\p{L}\d])/iu,
  },
  {
    kind: 'official',
    pattern:
      /(?<![\p{L}\d])(участков\p{L}*|полицейск\p{L}*|следовател\p{L}*|прокурор\p{L}*|судь[яи]\p{L}*|аким(?:а|у|ом|е)?|начальник\p{L}*|директор\p{L}*|инспектор\p{L}*|чиновник\p{L}*|депутат\p{L}*|командир\p{L}*|учаскелик\p{L}*|тергеуши\p{L}*|басты\p{L}*)(?![\p{L}\d])/iu,
  },
  {
    kind: 'repeat',
    pattern:
      /(?<![\p{L}\d])(снова|опять|повторно|уже не первый|который раз|в который|неоднократно|тагы да|кайтадан|бирнеше рет|талай рет)(?![\p{L}\d])/iu,
  },
];

export function aggravatingSignals(normalized: string): Aggravating[] {
  const found: Aggravating[] = [];
  for (const { kind, pattern } of signals) {
    const match = pattern.exec(normalized);
    if (match) found.push({ kind, phrase: match[0] });
  }
  return found;
}

/**
 * critical: a life-threatening label with high probability, or with a minor or a weapon involved;
 * high: any life-threatening label, or another label aggravated by a minor, a weapon, a named official or repetition;
 * medium: any other label; low: an ordinary appeal.
 */
export function riskLevel(
  probabilities: Record<RiskLabel, number>,
  signalsFound: readonly Aggravating[],
  thresholds: RiskThresholds,
  labelThreshold: (label: RiskLabel) => number = () => thresholds.label,
): RiskLevel {
  const assigned = (Object.keys(probabilities) as RiskLabel[]).filter(
    (label) => probabilities[label] >= labelThreshold(label),
  );
  if (assigned.length === 0) return 'low';
  const severe = assigned.filter((label) => lifeThreatening.includes(label));
  const kinds = new Set(signalsFound.map((signal) => signal.kind));
  if (
    severe.some((label) => probabilities[label] >= thresholds.critical) ||
    (severe.length > 0 && (kinds.has('minor') || kinds.has('weapon')))
  )
    return 'critical';
  if (severe.length > 0 || kinds.size > 0) return 'high';
  return 'medium';
}
