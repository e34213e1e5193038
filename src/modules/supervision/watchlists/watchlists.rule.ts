import { maskIin, maskName, type Severity } from '../../../core/index.js';
import type { Hit, Rule, StoredObservation } from '../pipeline/rule.js';
import type { ListedEntry, WatchlistIndex } from './watchlist-index.js';

const severityFor: Record<ListedEntry['dangerLevel'], Severity> = {
  high: 'critical',
  medium: 'high',
  low: 'medium',
};
const lower: Record<Severity, Severity> = { critical: 'high', high: 'medium', medium: 'low', low: 'low' };
/** Below this recogniser confidence the sighting itself is doubtful, whatever the identifiers say. */
const DOUBTFUL_CONFIDENCE = 0.6;

function personLabel(entry: ListedEntry): string {
  const parts = [
    entry.fullName ? maskName(entry.fullName) : null,
    entry.iin ? `ИИН ${maskIin(entry.iin)}` : null,
  ].filter(Boolean);
  return parts.join(', ') || entry.id;
}

/** Wanted persons and vehicles: every person or vehicle observation is scored against the active watchlist. */
export function watchlistRule(index: WatchlistIndex): Rule {
  return {
    name: 'watchlist',
    async judge(sql, observations) {
      const { matcher, entries } = await index.current(sql);
      if (matcher.size === 0) return [];
      const hits: Hit[] = [];
      for (const observation of observations) {
        if (observation.kind !== 'person' && observation.kind !== 'vehicle') continue;
        const { name, birthDate, iin, plate } = observation.identifiers;
        const identifiers =
          observation.kind === 'vehicle'
            ? { ...(plate ? { plate } : {}) }
            : { ...(name ? { name } : {}), ...(birthDate ? { birthDate } : {}), ...(iin ? { iin } : {}) };
        for (const match of matcher.match(identifiers)) {
          const entry = entries.get(match.entryId);
          if (entry) hits.push(hitFor(observation, entry, match.score, match.reasons));
        }
      }
      return hits;
    },
  };
}

function hitFor(observation: StoredObservation, entry: ListedEntry, score: number, reasons: string[]): Hit {
  const vehicle = entry.kind === 'vehicle';
  const doubtful = observation.confidence !== null && observation.confidence < DOUBTFUL_CONFIDENCE;
  const severity = doubtful ? lower[severityFor[entry.dangerLevel]] : severityFor[entry.dangerLevel];
  const seenBy = `${observation.sourceKind} ${observation.sourceId}`;
  const confidence =
    observation.confidence === null ? '' : `, recogniser confidence ${observation.confidence.toFixed(2)}`;
  return {
    observation,
    rule: vehicle ? 'watchlist_vehicle' : 'watchlist_person',
    subject: {
      type: vehicle ? 'wanted_vehicle' : 'wanted_person',
      id: entry.id,
      label: vehicle ? (entry.plate ?? entry.id) : personLabel(entry),
      personal: vehicle
        ? undefined
        : {
            ...(entry.fullName ? { fullName: entry.fullName } : {}),
            ...(entry.iin ? { iin: entry.iin } : {}),
            ...(entry.birthDate ? { birthDate: entry.birthDate } : {}),
            ...(observation.identifiers.name ? { observedName: observation.identifiers.name } : {}),
            reasons: reasons.join('; '),
          },
    },
    score,
    reasons,
    severity,
    title: vehicle ? `Wanted vehicle seen by ${seenBy}` : `Wanted person seen by ${seenBy}`,
    summary: `${vehicle ? 'Plate' : 'Identity'} match score ${score.toFixed(2)} against watchlist entry ${entry.id} (${entry.warrantBasis}; danger ${entry.dangerLevel}; issued by ${entry.issuingAgency})${confidence}.${vehicle ? ` ${reasons.join('; ')}.` : ' The reasons name the person: reveal them with a stated purpose.'}${doubtful ? ' The sighting itself is doubtful (low recogniser confidence).' : ''} A duty officer decides whether to dispatch.`,
    evidence: {
      entryId: entry.id,
      warrantBasis: entry.warrantBasis,
      issuingAgency: entry.issuingAgency,
      dangerLevel: entry.dangerLevel,
      score,
      ...(vehicle ? { reasons } : { reasonCount: reasons.length }),
      recogniserConfidence: observation.confidence,
      mediaRef: observation.mediaRef,
    },
  };
}
