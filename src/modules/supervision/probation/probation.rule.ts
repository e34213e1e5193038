import { maskName } from '../../../core/alerts/mask.js';
import { distanceMetres } from '../../../core/geo/geometry.js';
import { regionAt } from '../../../core/geo/point-in-region.js';
import type { Sql } from '../../../core/db/db.js';
import { localClock, withinWindow } from '../pipeline/local-time.js';
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

const subjectOf = (person: PersonRow) => ({
  type: 'probationer',
  id: person.id,
  label: maskName(person.full_name),
  personal: { fullName: person.full_name, ...(person.iin ? { iin: person.iin } : {}) },
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
      const people = await sql.query<PersonRow>(
        `select id, full_name, iin, region, bracelet_id, home_lat, home_lon, home_radius_m, to_char(curfew_from, 'HH24:MI') as curfew_from,
           to_char(curfew_to, 'HH24:MI') as curfew_to, allowed_regions
         from probation_persons where status = 'active' and (bracelet_id = any($1::text[]) or iin = any($2::text[]))`,
        [pings.map((item) => item.identifiers.device), sightings.map((item) => item.identifiers.iin)],
      );
      if (people.length === 0) return [];
      const exclusions = await sql.query<ExclusionRow>('select person_id, kind, label, lat, lon, radius_m from probation_exclusions where person_id = any($1)', [people.map((person) => person.id)]);
      await recordPings(sql, pings, people);
      const byBracelet = new Map(people.filter((person) => person.bracelet_id).map((person) => [person.bracelet_id!, person]));
      const byIin = new Map(people.filter((person) => person.iin).map((person) => [person.iin!, person]));
      const hits: Hit[] = [];
      for (const observation of [...pings, ...sightings]) {
        const person = observation.kind === 'bracelet_ping' ? byBracelet.get(observation.identifiers.device!) : byIin.get(observation.identifiers.iin!);
        if (person && observation.lat !== null && observation.lon !== null) hits.push(...judge(observation, person, exclusions.filter((item) => item.person_id === person.id)));
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

function judge(observation: StoredObservation, person: PersonRow, exclusions: readonly ExclusionRow[]): Hit[] {
  const lat = observation.lat!;
  const lon = observation.lon!;
  const how = observation.kind === 'bracelet_ping' ? `bracelet ${observation.identifiers.device ?? ''}` : `a sighting by ${observation.sourceKind} ${observation.sourceId}`;
  const at = `${localClock(observation.observedAt)} local time`;
  const hits: Hit[] = [];
  const hit = (rule: string, title: string, summary: string, evidence: Record<string, unknown>): Hit => ({
    observation, rule, subject: subjectOf(person), score: 1, reasons: [summary], severity: rule === 'probation_exclusion' ? 'high' : 'medium', title, summary: `${summary} Checked against the court's conditions; an officer verifies before any action.`, evidence,
  });
  if (person.curfew_from && person.curfew_to && person.home_lat !== null && person.home_lon !== null && withinWindow(observation.observedAt, person.curfew_from, person.curfew_to)) {
    const away = distanceMetres(lat, lon, person.home_lat, person.home_lon);
    if (away > person.home_radius_m) {
      hits.push(hit('probation_curfew', 'Curfew breach (probation)', `Located ${String(Math.round(away))} m from home at ${at} by ${how}; curfew ${person.curfew_from}–${person.curfew_to}, home radius ${String(person.home_radius_m)} m.`, { distanceFromHomeM: Math.round(away), curfew: `${person.curfew_from}–${person.curfew_to}`, at }));
    }
  }
  for (const place of exclusions) {
    const distance = distanceMetres(lat, lon, place.lat, place.lon);
    if (distance <= place.radius_m) {
      hits.push(hit('probation_exclusion', `Inside an exclusion zone: ${place.kind === 'victim_address' ? 'victim’s address' : place.kind}`, `Located ${String(Math.round(distance))} m from ${place.label} (must keep ${String(place.radius_m)} m away) at ${at} by ${how}.`, { place: place.label, kind: place.kind, distanceM: Math.round(distance), radiusM: place.radius_m, at }));
    }
  }
  const region = regionAt(lon, lat);
  if (region && !person.allowed_regions.includes(region)) {
    hits.push(hit('probation_area', 'Outside the allowed area (probation)', `Located in ${region}, outside the allowed ${person.allowed_regions.join(', ')}, at ${at} by ${how}.`, { region, allowed: person.allowed_regions, at }));
  }
  return hits;
}
