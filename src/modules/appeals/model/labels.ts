export const riskLabels = [
  'violence',
  'threat',
  'self_harm',
  'corruption',
  'bullying',
  'fraud',
  'drugs',
] as const;
export type RiskLabel = (typeof riskLabels)[number];

export const isRiskLabel = (value: string): value is RiskLabel =>
  (riskLabels as readonly string[]).includes(value);
