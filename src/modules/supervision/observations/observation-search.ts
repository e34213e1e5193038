import type { RegionScope, Sql } from '../../../core/index.js';
import { canonicalPlate, comparePlates } from '../matching/plates.js';
import { ALERT_THRESHOLD, scorePerson } from '../matching/person-score.js';

export interface ObservationQuery {
  iin?: string | undefined;
  name?: string | undefined;
  birthDate?: string | undefined;
  plate?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** A search reads at most this many stored observations; the retention period keeps the store small. */
const SCAN_LIMIT = 200_000;

/**
 * Finds stored observations of a person or vehicle in the caller's regions, with the same tolerance as live matching
 * (an IIN exactly; a name with transliteration; a plate with look-alike letters). The caller states a purpose and
 * the route audits it; nothing else can read observations.
 */
export async function searchObservations(sql: Sql, scope: RegionScope, query: ObservationQuery, limit = 200) {
  const rows = await sql.query<{ id: string; source_id: string; observed_at: Date; lat: number | null; lon: number | null; kind: string; identifiers: Record<string, string>; confidence: number | null; media_ref: string | null; state: string; region: string }>(
    `select o.id, o.source_id, o.observed_at, o.lat, o.lon, o.kind, o.identifiers, o.confidence, o.media_ref, o.state, s.region
     from observations o join supervision_sources s on s.id = o.source_id
     where ($1::text[] is null or s.region = any($1)) and o.observed_at between coalesce($2::timestamptz, '-infinity') and coalesce($3::timestamptz, 'infinity')
       and (($4::text is not null and o.identifiers->>'iin' = $4) or ($5 and o.identifiers ? 'name') or ($6 and o.identifiers ? 'plate'))
     order by o.observed_at desc limit ${String(SCAN_LIMIT)}`,
    [scope, query.from ?? null, query.to ?? null, query.iin ?? null, Boolean(query.name), Boolean(query.plate)],
  );
  const wanted = query.plate ? canonicalPlate(query.plate) : null;
  const found = [];
  for (const row of rows) {
    const reasons: string[] = [];
    let score = 0;
    if (query.iin && row.identifiers.iin === query.iin) {
      score = 1;
      reasons.push('IIN matches');
    } else if (query.name && row.identifiers.name) {
      const scored = scorePerson({ name: row.identifiers.name, ...(row.identifiers.birthDate ? { birthDate: row.identifiers.birthDate } : {}) }, { fullName: query.name, ...(query.birthDate ? { birthDate: query.birthDate } : {}) });
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
    if (score > 0) found.push({ id: row.id, sourceId: row.source_id, region: row.region, observedAt: new Date(row.observed_at).toISOString(), location: row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon }, kind: row.kind, identifiers: row.identifiers, confidence: row.confidence, mediaRef: row.media_ref, state: row.state, score, reasons });
    if (found.length >= limit) break;
  }
  return { scanned: rows.length, items: found.sort((a, b) => b.score - a.score) };
}
