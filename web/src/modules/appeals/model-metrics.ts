import type { AppealsKey } from './i18n';
import type { Prf } from '../../../../src/modules/appeals/models/models.contract.js';

export interface HeadlineMetric {
  id: 'macroF1' | 'anyPrecision' | 'anyRecall' | 'anyF1';
  label: AppealsKey;
  /** Reads the figure from a card's held-out or baseline section. */
  read: (section: { macroF1: number; anyRisk: Prf } | undefined) => number | null;
}

/** The figures an administrator weighs before switching models, all on the held-out split of the model card. */
export const HEADLINE_METRICS: HeadlineMetric[] = [
  { id: 'macroF1', label: 'models.macroF1', read: (c) => c?.macroF1 ?? null },
  { id: 'anyPrecision', label: 'models.anyPrecision', read: (c) => c?.anyRisk.precision ?? null },
  { id: 'anyRecall', label: 'models.anyRecall', read: (c) => c?.anyRisk.recall ?? null },
  { id: 'anyF1', label: 'models.anyF1', read: (c) => c?.anyRisk.f1 ?? null },
];

// Differences smaller than this are noise on a held-out split of a few hundred appeals, not a regression.
export const MATERIAL_DROP = 0.005;

export function delta(candidate: number | null, active: number | null): number | null {
  return candidate === null || active === null ? null : candidate - active;
}
