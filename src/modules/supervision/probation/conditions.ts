import { distanceMetres, regionAt } from '../../../core/index.js';
import { localClock, withinWindow } from '../pipeline/local-time.js';

/** A place a person on probation must keep away from (a victim's address, a school), as a circle. */
export interface ExclusionPlace {
  kind: string;
  label: string;
  lat: number;
  lon: number;
  radiusM: number;
}

/** A person on probation with the court's conditions, as the rules need them. */
export interface ProbationPerson {
  id: string;
  fullName: string;
  iin: string | null;
  region: string;
  braceletId: string | null;
  home: { lat: number; lon: number } | null;
  homeRadiusM: number;
  curfew: { from: string; to: string } | null;
  allowedRegions: readonly string[];
  exclusions: readonly ExclusionPlace[];
}

/** Where a person was located, when, and by what (for the explanation). */
export interface Position {
  lat: number;
  lon: number;
  observedAt: Date;
  /** e.g. "bracelet BR-00412", "a sighting by camera cam-almaty-0042" */
  by: string;
}

export type BreachRule = 'probation_curfew' | 'probation_exclusion' | 'probation_area';

export interface Breach {
  rule: BreachRule;
  title: string;
  /** The facts checked, in words an officer can verify against the court's order. */
  reason: string;
  evidence: Record<string, unknown>;
}

/**
 * Every condition a position breaks: away from home during the curfew (UTC+5 local time), inside a place to keep away
 * from, or outside the allowed regions. Pure: the live rule and the matching benchmark call the same function.
 */
export function breachesOf(person: ProbationPerson, position: Position): Breach[] {
  const { lat, lon } = position;
  // Written out only for a breach: most positions break nothing, and this runs for every one of them.
  const at = () => `${localClock(position.observedAt)} local time`;
  const breaches: Breach[] = [];
  if (
    person.curfew &&
    person.home &&
    withinWindow(position.observedAt, person.curfew.from, person.curfew.to)
  ) {
    const away = distanceMetres(lat, lon, person.home.lat, person.home.lon);
    if (away > person.homeRadiusM) {
      const curfew = `${person.curfew.from}–${person.curfew.to}`;
      breaches.push({
        rule: 'probation_curfew',
        title: 'Curfew breach (probation)',
        reason: `Located ${String(Math.round(away))} m from home at ${at()} by ${position.by}; curfew ${curfew}, home radius ${String(person.homeRadiusM)} m.`,
        evidence: { distanceFromHomeM: Math.round(away), curfew, at: at() },
      });
    }
  }
  for (const place of person.exclusions) {
    const distance = distanceMetres(lat, lon, place.lat, place.lon);
    if (distance <= place.radiusM) {
      breaches.push({
        rule: 'probation_exclusion',
        title: `Inside an exclusion zone: ${place.kind === 'victim_address' ? 'victim’s address' : place.kind}`,
        reason: `Located ${String(Math.round(distance))} m from ${place.label} (must keep ${String(place.radiusM)} m away) at ${at()} by ${position.by}.`,
        evidence: {
          place: place.label,
          kind: place.kind,
          distanceM: Math.round(distance),
          radiusM: place.radiusM,
          at: at(),
        },
      });
    }
  }
  const region = regionAt(lon, lat);
  if (region && !person.allowedRegions.includes(region)) {
    breaches.push({
      rule: 'probation_area',
      title: 'Outside the allowed area (probation)',
      reason: `Located in ${region}, outside the allowed ${person.allowedRegions.join(', ')}, at ${at()} by ${position.by}.`,
      evidence: { region, allowed: person.allowedRegions, at: at() },
    });
  }
  return breaches;
}

/** The persons on probation by bracelet and by IIN: how a ping or an identified sighting finds its person. */
export class ProbationRoster {
  private readonly bracelets = new Map<string, ProbationPerson>();
  private readonly iins = new Map<string, ProbationPerson>();

  constructor(persons: Iterable<ProbationPerson>) {
    for (const person of persons) {
      if (person.braceletId) this.bracelets.set(person.braceletId, person);
      if (person.iin) this.iins.set(person.iin, person);
    }
  }

  wearing(device: string): ProbationPerson | undefined {
    return this.bracelets.get(device);
  }

  identifiedBy(iin: string): ProbationPerson | undefined {
    return this.iins.get(iin);
  }
}
