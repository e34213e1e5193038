import { demoPerson, distanceMetres, type Rng } from '../../../core/index.js';
import { personName } from '../matching/synthetic/dataset.js';
import { randomPlate } from '../matching/synthetic/plates.js';
import { withinWindow } from '../pipeline/local-time.js';
import type { Observation } from '../observations/observations.schema.js';
import { harmlessActivities, type DemoZone } from '../demo/demo-places.js';
import {
  jitter,
  offset,
  stillWanted,
  type DemoCamera,
  type DemoSupervisionWorld,
  type Probationer,
} from '../demo/demo-world.js';
import {
  curfewSpot,
  harmlessSpot,
  insideZone,
  lastTime,
  misreadPlate,
  nameParts,
  nearZone,
  outsideSpot,
  type PlantedKind,
  type TruthEvent,
} from './planted.js';

export interface Message {
  source: string;
  observation: Observation;
  truth?: TruthEvent;
}

type Noise = 'person' | 'vehicle' | 'ping' | 'drone' | 'street_activity' | 'checkin' | 'duplicate';
const noiseMix: [Noise, number][] = [
  ['person', 40],
  ['vehicle', 26],
  ['ping', 14],
  ['drone', 5],
  ['street_activity', 4],
  ['checkin', 3],
  ['duplicate', 8],
];
const plantedMix: [PlantedKind, number][] = [
  ['watchlist_person', 34],
  ['watchlist_vehicle', 18],
  ['probation_curfew', 12],
  ['probation_exclusion', 10],
  ['probation_area', 5],
  ['zone_incursion', 14],
  ['public_order', 7],
];
const confidence = (rng: Rng, low: number, high: number) =>
  Number((low + rng.next() * (high - low)).toFixed(2));

/**
 * Endless realistic traffic over the demo world: mostly passers-by and ordinary cars at the cities' cameras, bracelet
 * pings that keep to the conditions, drones over and around the restricted zones, harmless street activity and
 * resent messages; and, at the given share, planted events that a rule must catch, each with its truth.
 */
export class Traffic {
  private n = 0;
  private readonly recent: Message[] = [];
  private readonly wantedPlates: Set<string>;

  constructor(
    private readonly world: DemoSupervisionWorld,
    private readonly rng: Rng,
    private readonly options: { plantedShare: number; runId: string; startedAt: Date },
  ) {
    this.wantedPlates = new Set(world.wantedVehicles.map((vehicle) => vehicle.plate.replace(/\s/g, '')));
  }

  next(now = new Date()): Message {
    const message = this.rng.chance(this.options.plantedShare)
      ? this.planted(this.rng.weighted(plantedMix), now)
      : this.noise(this.rng.weighted(noiseMix), now);
    if (!message.truth && message.observation.externalId.startsWith(this.options.runId)) {
      this.recent.push(message);
      if (this.recent.length > 200) this.recent.shift();
    }
    return message;
  }

  private id(): string {
    return `${this.options.runId}-${String(++this.n)}`;
  }

  private camera(city?: string): DemoCamera {
    return this.rng.pick(
      city ? this.world.cameras.filter((camera) => camera.city === city) : this.world.cameras,
    );
  }

  private noise(kind: Noise, now: Date): Message {
    const { rng, world } = this;
    const observedAt = now.toISOString();
    switch (kind) {
      case 'person': {
        const camera = this.camera();
        let person = demoPerson(rng);
        while (world.listedIins.has(person.iin)) person = demoPerson(rng);
        const identifiers = {
          name: personName(nameParts(person), rng).name,
          ...(rng.chance(0.8) ? { birthDate: person.birthDate } : {}),
          ...(rng.chance(0.2) ? { iin: person.iin } : {}),
        };
        return {
          source: camera.id,
          observation: {
            externalId: this.id(),
            observedAt,
            kind: 'person',
            location: { ...camera.location, accuracy: 15 },
            identifiers,
            confidence: confidence(rng, 0.5, 0.97),
            mediaRef: `vms://${camera.id}/${String(this.n)}`,
          },
        };
      }
      case 'vehicle':
        return this.vehicleAt(this.camera(), now);
      case 'ping':
        return this.pingOf(rng.pick(world.probationers), now);
      case 'drone':
        return this.droneOver(rng.pick(world.zones), now);
      case 'street_activity': {
        // Crowds too small to matter at watched places, and scuffles far from any of them.
        const rule = rng.pick(world.orderRules);
        if (rng.chance(0.5))
          return {
            source: this.camera(rule.city).id,
            observation: {
              externalId: this.id(),
              observedAt,
              kind: 'activity',
              location: offset(rule, rng.int(0, rule.radiusM / 2), rng.int(0, 359)),
              attributes: { activity: 'crowd', count: rng.int(5, Math.max(6, rule.minCrowd / 3)) },
              confidence: 0.8,
            },
          };
        let camera = this.camera();
        while (
          world.orderRules.some(
            (item) =>
              distanceMetres(camera.location.lat, camera.location.lon, item.lat, item.lon) <
              item.radiusM + 300,
          )
        )
          camera = this.camera();
        return {
          source: camera.id,
          observation: {
            externalId: this.id(),
            observedAt,
            kind: 'activity',
            location: camera.location,
            attributes: { activity: 'fight', count: 2 },
            confidence: confidence(rng, 0.6, 0.9),
          },
        };
      }
      case 'checkin':
        return this.checkinOf(rng.pick(world.probationers), now);
      case 'duplicate': {
        const previous = this.recent.length ? this.rng.pick(this.recent) : undefined;
        return previous ?? this.noise('person', now);
      }
    }
  }

  /**
   * Something ordinary from one given source, for a device that must be heard from regularly (a camera's passing
   * car, a bracelet's ping, a drone's flight, a patrol's check-in, a border post's document check); undefined when the
   * world gives the source nothing to see.
   */
  ordinary(sourceId: string, now = new Date()): Message | undefined {
    const { world, rng } = this;
    const camera = world.cameras.find((item) => item.id === sourceId);
    if (camera) return this.vehicleAt(camera, now);
    const zone = world.zones.find((item) => item.drone.id === sourceId);
    if (zone) return this.droneOver(zone, now, true);
    const wearers = world.probationers.filter(
      (person) => `bracelets-${person.region.toLowerCase()}` === sourceId,
    );
    if (wearers.length) return this.pingOf(rng.pick(wearers), now);
    const supervised = world.probationers.filter((person) => `patrol-${person.city}` === sourceId);
    if (supervised.length) return this.checkinOf(rng.pick(supervised), now);
    if (world.otherSources.some((source) => source.id === sourceId && source.kind === 'state_db'))
      return this.documentCheck(sourceId, now);
    return undefined;
  }

  private vehicleAt(camera: DemoCamera, now: Date): Message {
    const { rng } = this;
    let plate = randomPlate(rng);
    while (this.wantedPlates.has(plate.replace(/\s/g, ''))) plate = randomPlate(rng);
    return {
      source: camera.id,
      observation: {
        externalId: this.id(),
        observedAt: now.toISOString(),
        kind: 'vehicle',
        location: camera.location,
        identifiers: { plate: rng.chance(0.6) ? plate.replace(/\s/g, '') : plate },
        confidence: confidence(rng, 0.6, 0.99),
      },
    };
  }

  private pingOf(person: Probationer, now: Date): Message {
    const { rng } = this;
    const atHome = person.curfew !== null && withinWindow(now, person.curfew.from, person.curfew.to);
    const spot = harmlessSpot(person, rng, atHome || rng.chance(0.5));
    return {
      source: `bracelets-${person.region.toLowerCase()}`,
      observation: {
        externalId: this.id(),
        observedAt: now.toISOString(),
        kind: 'bracelet_ping',
        location: { ...spot, accuracy: 10 },
        identifiers: { device: person.braceletId },
        attributes: { battery: rng.int(15, 100) },
      },
    };
  }

  /** Over a zone, drones see harmless work inside it and forbidden-looking work just outside it; `harmless` keeps to the first. */
  private droneOver(zone: DemoZone, now: Date, harmless = false): Message {
    const { rng } = this;
    const harmlessInside = harmless || rng.chance(0.4);
    const location = harmlessInside ? insideZone(zone, rng) : nearZone(zone, this.world.zones, rng);
    const activity = harmlessInside ? rng.pick(harmlessActivities) : rng.pick(zone.forbiddenActivities);
    return {
      source: zone.drone.id,
      observation: {
        externalId: this.id(),
        observedAt: now.toISOString(),
        kind: 'activity',
        location: { ...location, accuracy: 30 },
        attributes: { activity, count: rng.int(1, 5) },
        confidence: confidence(rng, 0.6, 0.95),
      },
    };
  }

  private checkinOf(person: Probationer, now: Date): Message {
    return {
      source: `patrol-${person.city}`,
      observation: {
        externalId: this.id(),
        observedAt: now.toISOString(),
        kind: 'person',
        location: harmlessSpot(person, this.rng, true),
        identifiers: { iin: person.person.iin, name: person.person.fullName },
        attributes: { event: 'checkin' },
        confidence: 1,
      },
    };
  }

  /** A passer-by's documents checked at a post: read from the document, so exact. */
  private documentCheck(sourceId: string, now: Date): Message {
    let person = demoPerson(this.rng);
    while (this.world.listedIins.has(person.iin)) person = demoPerson(this.rng);
    return {
      source: sourceId,
      observation: {
        externalId: this.id(),
        observedAt: now.toISOString(),
        kind: 'person',
        identifiers: { iin: person.iin, name: person.fullName, birthDate: person.birthDate },
        attributes: { event: 'document_check' },
        confidence: 1,
      },
    };
  }

  private planted(kind: PlantedKind, now: Date): Message {
    const { rng, world } = this;
    const externalId = this.id();
    const truth = (source: string, subject: string, variant: string, observedAt: Date): TruthEvent => ({
      source,
      externalId,
      kind,
      subject,
      variant,
      observedAt: observedAt.toISOString(),
      startedAt: this.options.startedAt.toISOString(),
    });
    const message = (
      source: string,
      observation: Omit<Observation, 'externalId'>,
      subject: string,
      variant: string,
    ): Message => ({
      source,
      observation: { externalId, ...observation },
      truth: truth(source, subject, variant, new Date(observation.observedAt)),
    });
    switch (kind) {
      case 'watchlist_person': {
        const entry = rng.pick(world.wantedPersons.filter(stillWanted));
        const camera = this.camera(entry.city);
        const { name, variant } = personName(nameParts(entry.person), rng);
        const withIin = entry.iin !== undefined && rng.chance(0.2);
        return message(
          camera.id,
          {
            observedAt: now.toISOString(),
            kind: 'person',
            location: { ...camera.location, accuracy: 15 },
            identifiers: {
              name,
              birthDate: entry.person.birthDate,
              ...(withIin ? { iin: entry.person.iin } : {}),
            },
            confidence: confidence(rng, 0.7, 0.98),
            mediaRef: `vms://${camera.id}/${String(this.n)}`,
          },
          entry.id,
          withIin ? `${variant}, with IIN` : variant,
        );
      }
      case 'watchlist_vehicle': {
        const entry = rng.pick(world.wantedVehicles.filter(stillWanted));
        const camera = this.camera(entry.city);
        const { plate, variant } = misreadPlate(entry.plate, rng);
        return message(
          camera.id,
          {
            observedAt: now.toISOString(),
            kind: 'vehicle',
            location: camera.location,
            identifiers: { plate },
            confidence: confidence(rng, 0.7, 0.98),
          },
          entry.id,
          variant,
        );
      }
      case 'probation_curfew': {
        const person = rng.pick(world.probationers.filter((item) => item.curfew));
        const curfew = person.curfew ?? { from: '22:00', to: '06:00' };
        const at = lastTime(now, curfew.from, curfew.to, true, rng);
        return message(
          `bracelets-${person.region.toLowerCase()}`,
          {
            observedAt: at.toISOString(),
            kind: 'bracelet_ping',
            location: { ...curfewSpot(person, rng), accuracy: 10 },
            identifiers: { device: person.braceletId },
          },
          person.id,
          `curfew ${curfew.from}–${curfew.to}`,
        );
      }
      case 'probation_exclusion': {
        const person = rng.pick(world.probationers.filter((item) => item.exclusions.length > 0));
        const place = rng.pick(person.exclusions);
        const at = person.curfew ? lastTime(now, person.curfew.from, person.curfew.to, false, rng) : now;
        return message(
          `bracelets-${person.region.toLowerCase()}`,
          {
            observedAt: at.toISOString(),
            kind: 'bracelet_ping',
            location: { ...offset(place, rng.int(0, place.radiusM * 0.7), rng.int(0, 359)), accuracy: 10 },
            identifiers: { device: person.braceletId },
          },
          person.id,
          place.kind,
        );
      }
      case 'probation_area': {
        for (const person of [...world.probationers].sort(() => rng.next() - 0.5)) {
          const spot = outsideSpot(person, rng);
          if (!spot) continue;
          const at = person.curfew ? lastTime(now, person.curfew.from, person.curfew.to, false, rng) : now;
          return message(
            `bracelets-${person.region.toLowerCase()}`,
            {
              observedAt: at.toISOString(),
              kind: 'bracelet_ping',
              location: { ...spot, accuracy: 25 },
              identifiers: { device: person.braceletId },
            },
            person.id,
            'outside the allowed regions',
          );
        }
        return this.planted('probation_curfew', now);
      }
      case 'zone_incursion': {
        const zone = rng.pick(world.zones);
        const activity = rng.pick(zone.forbiddenActivities);
        return message(
          zone.drone.id,
          {
            observedAt: now.toISOString(),
            kind: 'activity',
            location: { ...insideZone(zone, rng), accuracy: 30 },
            attributes: { activity, count: rng.int(1, 8) },
            confidence: confidence(rng, 0.7, 0.97),
            mediaRef: `drone://${zone.drone.id}/${String(this.n)}`,
          },
          zone.id,
          activity,
        );
      }
      case 'public_order': {
        const rule = rng.pick(world.orderRules.filter((item) => item.activities.includes('fight')));
        const at = lastTime(now, rule.from, rule.to, true, rng);
        const camera = this.camera(rule.city);
        return message(
          camera.id,
          {
            observedAt: at.toISOString(),
            kind: 'activity',
            location: jitter(rng, offset(rule, rng.int(0, rule.radiusM / 2), rng.int(0, 359)), 0),
            attributes: { activity: 'fight', count: rng.int(2, 10) },
            confidence: confidence(rng, 0.7, 0.95),
          },
          rule.id,
          'fight',
        );
      }
    }
  }
}
