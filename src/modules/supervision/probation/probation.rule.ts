import { maskName, type Sql } from '../../../core/index.js';
import { breachesOf, ProbationRoster, type ProbationPerson } from './conditions.js';
import type { Hit, Rule, StoredObservation } from '../pipeline/rule.js';

interface PersonRow {
  id: string;
  full_name: string;
  iin: string | null;
  region: string;
  bracelet_id: string | null;
  home_lat: number | null;
  home_lon: number | null;
  home_radius_m: number;
  curfew_from: string | null;
  curfew_to: string | null;
  allowed_regions: string[];
}

interface ExclusionRow {
  person_id: string;
  kind: string;
  label: string;
  lat: number;
  lon: number;
  radius_m: number;
}

const subjectOf = (person: ProbationPerson) => ({
  type: 'probationer',
  id: person.id,
  label: maskName(person.fullName),
  personal: { fullName: person.fullName, ...(person.iin ? { iin: person.iin } : {}) },
});

const personOf = (row: PersonRow, exclusions: readonly ExclusionRow[]): ProbationPerson => ({
  id: row.id, fullName: row.full_name, iin: row.iin, region: row.region, braceletId: row.bracelet_id,
  home: row.home_lat !== null && row.home_lon !== null ? { lat: row.home_lat, lon: row.home_lon } : null, homeRadiusM: row.home_radius_m,
  curfew: row.curfew_from && row.curfew_to ? { from: row.curfew_from, to: row.curfew_to } : null, allowedRegions: row.allowed_regions,
  exclusions: exclusions.filter((place) => place.person_id === row.id).map((place) => ({ kind: place.kind, label: place.label, lat: place.lat, lon: place.lon, radiusM: place.radius_m })),
});

/**
 * Probation conditions, checked on every bracelet ping and on every sighting of a person on probation identified by
 * IIN: the curfew at home, the places to keep away from, and the allowed area. A ping also records that the bracelet
 * is alive (the silence job watches for the opposite).
 */
export function probationRule(): Rule {
  return {
    name: 'probation',
    async judge(sql, observations) {
      const pings = observations.filter((item) => item.kind === 'bracelet_ping' && item.identifiers.device);
      const sightings = observations.filter((item) => item.kind === 'person' && item.identifiers.iin);
      if (pings.length === 0 && sightings.length === 0) return [];
      await recordCheckins(sql, sightings.filter((item) => item.attributes.event === 'checkin'));
      const rows = await sql.query<PersonRow>(
        `select id, full_name, iin, region, bracelet_id, home_lat, home_lon, home_radius_m, to_char(curfew_from, 'HH24:MI') as curfew_from,
           to_char(curfew_to, 'HH24:MI') as curfew_to, allowed_regions
         from probation_persons where status = 'active' and (bracelet_id = any($1::text[]) or iin = any($2::text[]))`,
        [pings.map((item) => item.identifiers.device), sightings.map((item) => item.identifiers.iin)],
      );
      if (rows.length === 0) return [];
      const exclusions = await sql.query<ExclusionRow>('select person_id, kind, label, lat, lon, radius_m from probation_exclusions where person_id = any($1)', [rows.map((row) => row.id)]);
      await recordPings(sql, pings, rows);
      const roster = new ProbationRoster(rows.map((row) => personOf(row, exclusions)));
      const hits: Hit[] = [];
      for (const observation of [...pings, ...sightings]) {
        const person = observation.kind === 'bracelet_ping' ? roster.wearing(observation.identifiers.device!) : roster.identifiedBy(observation.identifiers.iin!);
        if (person && observation.lat !== null && observation.lon !== null) hits.push(...judge(observation, person));
      }
      return hits;
    },
  };
}

/** A patrol app's check-in (a person observation with event "checkin" and the IIN) fulfils the reporting duty. */
async function recordCheckins(sql: Sql, checkins: readonly StoredObservation[]): Promise<void> {
  if (checkins.length === 0) return;
  await sql.query(
    `update probation_persons p set last_checkin_at = greatest(coalesce(p.last_checkin_at, t.at), t.at)
     from unnest($1::text[], $2::timestamptz[]) as t(iin, at) where p.iin = t.iin`,
    [checkins.map((item) => item.identifiers.iin), checkins.map((item) => item.observedAt)],
  );
}

async function recordPings(sql: Sql, pings: readonly StoredObservation[], people: readonly PersonRow[]): Promise<void> {
  const latest = new Map<string, Date>();
  for (const ping of pings) {
    const previous = latest.get(ping.identifiers.device!);
    if (!previous || previous < ping.observedAt) latest.set(ping.identifiers.device!, ping.observedAt);
  }
  const known = [...latest].filter(([device]) => people.some((person) => person.bracelet_id === device));
  if (known.length === 0) return;
  await sql.query(
    `update probation_persons p set last_ping_at = greatest(coalesce(p.last_ping_at, t.at), t.at), silent_alerted_at = null
     from unnest($1::text[], $2::timestamptz[]) as t(device, at) where p.bracelet_id = t.device`,
    [known.map(([device]) => device), known.map(([, at]) => at)],
  );
}

function judge(observation: StoredObservation, person: ProbationPerson): Hit[] {
  const by = observation.kind === 'bracelet_ping' ? `bracelet ${observation.identifiers.device ?? ''}` : `a sighting by ${observation.sourceKind} ${observation.sourceId}`;
  return breachesOf(person, { lat: observation.lat!, lon: observation.lon!, observedAt: observation.observedAt, by }).map((breach): Hit => ({
    observation, rule: breach.rule, subject: subjectOf(person), score: 1, reasons: [breach.reason], severity: breach.rule === 'probation_exclusion' ? 'high' : 'medium',
    title: breach.title, summary: `${breach.reason} Checked against the court's conditions; an officer verifies before any action.`, evidence: breach.evidence,
  }));
}
