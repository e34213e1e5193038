import type { Match } from '../matcher.js';
import type { SyntheticObservation } from './dataset.js';

export interface Quality {
  observations: number;
  planted: number;
  /** Planted observations whose entry is among the matches. */
  found: number;
  alerts: number;
  truePositives: number;
  precision: number;
  recall: number;
  /** Planted observations by how they were written: count and how many were found (variant labels up to the first comma). */
  byVariant: Record<string, { planted: number; found: number }>;
  /** A few alerts on the wrong entry, and planted observations missed, for reading. */
  falseExamples: { observation: SyntheticObservation; matches: Match[] }[];
  missedExamples: { observation: SyntheticObservation; matches: Match[] }[];
}

/** Precision of the alerts and recall of the planted observations, given each observation's matches. */
export function evaluateMatches(
  observations: readonly SyntheticObservation[],
  matchesOf: (observation: SyntheticObservation) => Match[],
): Quality {
  const quality: Quality = {
    observations: 0,
    planted: 0,
    found: 0,
    alerts: 0,
    truePositives: 0,
    precision: 1,
    recall: 1,
    byVariant: {},
    falseExamples: [],
    missedExamples: [],
  };
  for (const observation of observations) {
    const matches = matchesOf(observation);
    quality.observations++;
    quality.alerts += matches.length;
    const hit = observation.truth !== null && matches.some((match) => match.entryId === observation.truth);
    if (hit) quality.truePositives++;
    if (matches.length > (hit ? 1 : 0) && quality.falseExamples.length < 10)
      quality.falseExamples.push({ observation, matches });
    if (observation.truth === null) continue;
    quality.planted++;
    if (hit) quality.found++;
    else if (quality.missedExamples.length < 10) quality.missedExamples.push({ observation, matches });
    const label = observation.variant.split(',')[0] ?? observation.variant;
    const row = (quality.byVariant[label] ??= { planted: 0, found: 0 });
    row.planted++;
    if (hit) row.found++;
  }
  quality.precision = quality.alerts === 0 ? 1 : quality.truePositives / quality.alerts;
  quality.recall = quality.planted === 0 ? 1 : quality.found / quality.planted;
  return quality;
}
