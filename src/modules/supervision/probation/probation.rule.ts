import { maskName, type Sql } from '../../../core/index.js';
import { breachesOf, ProbationRoster, type ProbationPerson } from './conditions.js';
import type { Hit, Rule, StoredObservation } from '../pipeline/rule.js';
import {
  exclusionsOf,
  probationersFor,
  recordCheckins,
  recordPings,
  type ExclusionRow,
  type PersonRow,
} from './probation.repository.js';

const subjectOf = (person: ProbationPerson) => ({
  type: 'probationer',
  id: person.id,
  label: maskName(person.fullName),
  personal: { fullName: person.fullName, ...(person.iin ? { iin: person.iin } : {}) },
});

const personOf = (row: PersonRow, exclusions: readonly ExclusionRow[]): ProbationPerson => ({
  id: row.id,
  fullName: row.full_name,
  iin: row.iin,
  region: row.region,
  braceletId: row.bracelet_id,
  home: row.home_lat !== null && row.home_lon !== null ? { lat: row.home_lat, lon: row.home_lon } : null,
  homeRadiusM: row.home_radius_m,
  curfew: row.curfew_from && row.curfew_to ? { from: row.curfew_from, to: row.curfew_to } : null,
  allowedRegions: row.allowed_regions,
  exclusions: exclusions
    .filter((place) => place.person_id === row.id)
    .map((place) => ({
      kind: place.kind,
      label: place.label,
      lat: place.lat,
      lon: place.lon,
      radiusM: place.radius_m,
    })),
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
      await checkIn(
        sql,
        sightings.filter((item) => item.attributes.event === 'checkin'),
      );
      const rows = await probationersFor(
        sql,
        pings.map((item) => item.identifiers.device),
        sightings.map((item) => item.identifiers.iin),
      );
      if (rows.length === 0) return [];
      const exclusions = await exclusionsOf(
        sql,
        rows.map((row) => row.id),
      );
      await keepAlive(sql, pings, rows);
      const roster = new ProbationRoster(rows.map((row) => personOf(row, exclusions)));
      const hits: Hit[] = [];
      for (const observation of [...pings, ...sightings]) {
        const { device, iin } = observation.identifiers;
        const person =
          observation.kind === 'bracelet_ping'
            ? device && roster.wearing(device)
            : iin && roster.identifiedBy(iin);
        const { lat, lon } = observation;
        if (person && lat !== null && lon !== null) hits.push(...judge(observation, person, { lat, lon }));
      }
      return hits;
    },
  };
}

/** A patrol app's check-in (a person observation with event "checkin" and the IIN) fulfils the reporting duty. */
async function checkIn(sql: Sql, checkins: readonly StoredObservation[]): Promise<void> {
  if (checkins.length === 0) return;
  await recordCheckins(
    sql,
    checkins.map((item) => item.identifiers.iin),
    checkins.map((item) => item.observedAt),
  );
}

/** A bracelet that pinged is alive: each known one's latest ping of the batch is recorded. */
async function keepAlive(
  sql: Sql,
  pings: readonly StoredObservation[],
  people: readonly PersonRow[],
): Promise<void> {
  const latest = new Map<string, Date>();
  for (const ping of pings) {
    const { device } = ping.identifiers;
    if (!device) continue;
    const previous = latest.get(device);
    if (!previous || previous < ping.observedAt) latest.set(device, ping.observedAt);
  }
  const known = [...latest].filter(([device]) => people.some((person) => person.bracelet_id === device));
  if (known.length === 0) return;
  await recordPings(
    sql,
    known.map(([device]) => device),
    known.map(([, at]) => at),
  );
}

function judge(
  observation: StoredObservation,
  person: ProbationPerson,
  at: { lat: number; lon: number },
): Hit[] {
  const by =
    observation.kind === 'bracelet_ping'
      ? `bracelet ${observation.identifiers.device ?? ''}`
      : `a sighting by ${observation.sourceKind} ${observation.sourceId}`;
  return breachesOf(person, { lat: at.lat, lon: at.lon, observedAt: observation.observedAt, by }).map(
    (breach): Hit => ({
      observation,
      rule: breach.rule,
      subject: subjectOf(person),
      score: 1,
      reasons: [breach.reason],
      severity: breach.rule === 'probation_exclusion' ? 'high' : 'medium',
      title: breach.title,
      summary: `${breach.reason} Checked against the court's conditions; an officer verifies before any action.`,
      evidence: breach.evidence,
    }),
  );
}
