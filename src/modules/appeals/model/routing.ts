import type { RiskLabel } from './labels.js';

/** Ordinary topics (the categories of the public KZgov complaints set) and who answers them. */
export const topics: Record<string, { agency: string; en: string }> = {
  ЖКХ: { agency: 'akimat', en: 'housing and utilities' },
  медицина: { agency: 'health', en: 'health care' },
  дороги: { agency: 'akimat', en: 'roads' },
  образование: { agency: 'education', en: 'education' },
  полиция: { agency: 'police', en: 'police' },
  'общественный транспорт': { agency: 'akimat', en: 'public transport' },
  экология: { agency: 'ecology', en: 'environment' },
  интернет: { agency: 'digital', en: 'internet and communications' },
  соцподдержка: { agency: 'social', en: 'social benefits' },
  коррупция: { agency: 'anticor', en: 'corruption' },
};

/** Where a risk goes first, whatever the ordinary topic: the body that can act on it. */
const riskRoutes: Record<RiskLabel, string> = {
  self_harm: 'police',
  threat: 'police',
  violence: 'police',
  drugs: 'police',
  fraud: 'police',
  corruption: 'anticor',
  bullying: 'education',
};

/** Order of precedence when several risks are present: danger to life first. */
const precedence: RiskLabel[] = [
  'self_harm',
  'threat',
  'violence',
  'drugs',
  'corruption',
  'fraud',
  'bullying',
];

export function routeAppeal(
  labels: readonly RiskLabel[],
  topic: string,
): { agencyKind: string; reason: string } {
  const risk = precedence.find((label) => labels.includes(label));
  if (risk) return { agencyKind: riskRoutes[risk], reason: `risk label ${risk}` };
  return { agencyKind: topics[topic]?.agency ?? 'akimat', reason: `topic ${topics[topic]?.en ?? topic}` };
}
