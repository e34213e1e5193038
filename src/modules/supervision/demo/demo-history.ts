import type { Rng } from '../../../core/index.js';
import type { Observation } from '../observations/observations.schema.js';
import type { Outcome } from '../supervision.contract.js';
import { harmlessActivities } from './demo-places.js';
import { jitter, offset, type DemoSupervisionWorld, type EntryHistory } from './demo-world.js';

/** A past observation the seeder feeds through the pipeline, with what the dispatched officers later found. */
export interface PastEvent {
  source: string;
  observation: Observation;
  outcome: Outcome | null;
}

export const HISTORY_PREFIX = 'demo-history-';
const DAY = 86_400_000;
const outcomeOf: Partial<Record<EntryHistory, Outcome>> = {
  sighted_detained: 'detained',
  sighted_not_found: 'not_found',
  sighted_false_match: 'false_match',
};

/** A moment `daysAgo` days back at a local (UTC+5) time of day. */
function localTime(now: Date, daysAgo: number, hour: number, minute: number): string {
  const day = new Date(now.getTime() - daysAgo * DAY);
  return new Date(
    Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour - 5, minute),
  ).toISOString();
}

/**
 * Two weeks of what the sources reported and the officers found: sightings of wanted people and vehicles (most
 * ending in a detention, some not found, some false matches), curfew breaches and exclusion-zone approaches, zone
 * incursions and fights, and ordinary passers-by, so the measures, the false-match rates and the map start populated.
 */
export function pastEvents(rng: Rng, world: DemoSupervisionWorld, now: Date): PastEvent[] {
  const events: PastEvent[] = [];
  let n = 0;
  const add = (source: string, observation: Omit<Observation, 'externalId'>, outcome: Outcome | null) => {
    events.push({
      source,
      observation: { externalId: `${HISTORY_PREFIX}${String(++n)}`, ...observation },
      outcome,
    });
  };
  const cameraIn = (city: string) => rng.pick(world.cameras.filter((camera) => camera.city === city));
  const past = () => localTime(now, rng.int(1, 14), rng.int(8, 21), rng.int(0, 59));
  for (const entry of [...world.wantedPersons, ...world.wantedVehicles]) {
    if (!entry.history.startsWith('sighted_')) continue;
    const camera = cameraIn(entry.city);
    const outcome = outcomeOf[entry.history] ?? null;
    const identifiers =
      entry.kind === 'person'
        ? { name: entry.person.fullName, birthDate: entry.person.birthDate }
        : { plate: entry.plate.replace(/\s/g, '') };
    add(
      camera.id,
      {
        observedAt: past(),
        kind: entry.kind,
        location: { ...camera.location, accuracy: 15 },
        identifiers,
        confidence: Number((0.7 + rng.next() * 0.28).toFixed(2)),
        mediaRef: `vms://${camera.id}/clip/${String(n)}`,
      },
      outcome,
    );
  }
  for (const person of world.probationers.slice(0, 14)) {
    const source = `bracelets-${person.region.toLowerCase()}`;
    const exclusion = person.exclusions[0];
    if (person.curfew)
      add(
        source,
        {
          observedAt: localTime(now, rng.int(1, 14), 23, rng.int(30, 59)),
          kind: 'bracelet_ping',
          location: { ...offset(person.home, rng.int(1500, 4000), rng.int(0, 359)), accuracy: 10 },
          identifiers: { device: person.braceletId },
        },
        rng.chance(0.7) ? 'detained' : 'not_found',
      );
    if (exclusion)
      add(
        source,
        {
          observedAt: localTime(now, rng.int(1, 14), 15, rng.int(0, 59)),
          kind: 'bracelet_ping',
          location: { ...offset(exclusion, rng.int(20, 120), rng.int(0, 359)), accuracy: 10 },
          identifiers: { device: person.braceletId },
        },
        rng.chance(0.8) ? 'detained' : 'false_match',
      );
  }
  for (const zone of world.zones) {
    const [lon = 0, lat = 0] = (zone.geometry.coordinates as [number, number][][])[0]?.[0] ?? [];
    const corner = { lon, lat };
    for (let i = 0; i < 4; i++) {
      // Just inside the first corner: every demo polygon is convex there.
      const inside = {
        lat: corner.lat + 0.01 + rng.next() * 0.02,
        lon: corner.lon + 0.02 + rng.next() * 0.02,
      };
      add(
        zone.drone.id,
        {
          observedAt: past(),
          kind: 'activity',
          location: { ...inside, accuracy: 30 },
          attributes: { activity: rng.pick(zone.forbiddenActivities), count: rng.int(1, 6) },
          confidence: Number((0.75 + rng.next() * 0.2).toFixed(2)),
          mediaRef: `drone://${zone.drone.id}/frame/${String(n)}`,
        },
        rng.weighted<Outcome | null>([
          ['detained', 3],
          ['not_found', 2],
          ['false_match', 1],
          [null, 2],
        ]),
      );
    }
    add(
      zone.drone.id,
      {
        observedAt: past(),
        kind: 'activity',
        location: corner,
        attributes: { activity: rng.pick(harmlessActivities) },
        confidence: 0.9,
      },
      null,
    );
  }
  for (const rule of world.orderRules) {
    const camera = cameraIn(rule.city);
    for (let i = 0; i < 2; i++)
      add(
        camera.id,
        {
          observedAt: localTime(now, rng.int(1, 14), 21, rng.int(0, 59)),
          kind: 'activity',
          location: offset(rule, rng.int(0, rule.radiusM / 2), rng.int(0, 359)),
          attributes: { activity: 'fight', count: rng.int(2, 8) },
          confidence: 0.85,
        },
        rng.weighted<Outcome | null>([
          ['detained', 2],
          ['not_found', 2],
          [null, 1],
        ]),
      );
  }
  for (let i = 0; i < 60; i++) {
    const camera = rng.pick(world.cameras);
    add(
      camera.id,
      {
        observedAt: past(),
        kind: 'vehicle',
        location: jitter(rng, camera.location, 0.001),
        identifiers: {
          plate: `${String(rng.int(100, 999))}${rng.pick(['KZA', 'ABE', 'MOT', 'TXY'])}${rng.pick(['01', '02', '17'])}`,
        },
        confidence: 0.8,
      },
      null,
    );
  }
  return events;
}
