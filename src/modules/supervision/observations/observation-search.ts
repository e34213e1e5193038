import type { RegionScope, Sql } from '../../../core/index.js';
import { canonicalPlate, comparePlates } from '../matching/plates.js';
import { ALERT_THRESHOLD, scorePerson } from '../matching/person-score.js';
import type { FoundObservation, ObservationSearchResult } from './observations.contract.js';
import { observationsToSearch } from './observations.repository.js';

export interface ObservationQuery {
  iin?: string | undefined;
  name?: string | undefined;
  birthDate?: string | undefined;
  plate?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * Finds stored observations of a person or vehicle in the caller's regions, with the same tolerance as live matching
 * (an IIN exactly; a name with transliteration; a plate with look-alike letters). The caller states a purpose and
 * the route audits it; nothing else can read observations.
 */
export async function searchObservations(
  sql: Sql,
  scope: RegionScope,
  query: ObservationQuery,
  limit = 200,
): Promise<ObservationSearchResult> {
  const rows = await observationsToSearch(sql, scope, {
    from: query.from ?? null,
    to: query.to ?? null,
    iin: query.iin ?? null,
    withName: Boolean(query.name),
    withPlate: Boolean(query.plate),
  });
  const wanted = query.plate ? canonicalPlate(query.plate) : null;
  const found: FoundObservation[] = [];
  for (const row of rows) {
    const reasons: string[] = [];
    let score = 0;
    if (query.iin && row.identifiers.iin === query.iin) {
      score = 1;
      reasons.push('IIN matches');
    } else if (query.name && row.identifiers.name) {
      const scored = scorePerson(
        {
          name: row.identifiers.name,
          ...(row.identifiers.birthDate ? { birthDate: row.identifiers.birthDate } : {}),
        },
        { fullName: query.name, ...(query.birthDate ? { birthDate: query.birthDate } : {}) },
      );
      if (scored.score >= (query.birthDate ? ALERT_THRESHOLD : 0.6)) {
        score = scored.score;
        reasons.push(...scored.reasons);
      }
    } else if (wanted && row.identifiers.plate) {
      const compared = comparePlates(row.identifiers.plate, wanted);
      if (compared) {
        score = compared.score;
        reasons.push(...compared.reasons);
      }
    }
    if (score > 0)
      found.push({
        id: row.id,
        sourceId: row.source_id,
        region: row.region,
        observedAt: new Date(row.observed_at).toISOString(),
        location: row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon },
        kind: row.kind,
        identifiers: row.identifiers,
        confidence: row.confidence,
        mediaRef: row.media_ref,
        state: row.state,
        score,
        reasons,
      });
    if (found.length >= limit) break;
  }
  return { scanned: rows.length, items: found.sort((a, b) => b.score - a.score) };
}
