import { findRegion, present, Rng, type Sql } from '../../../core/index.js';
import { endFlight, insertFlight, plannedEndOf, type NewFlight } from '../flights/flights.repository.js';
import type { DemoZone } from './demo-places.js';
import type { PastEvent } from './demo-history.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const DEMO_UAV_UNIT = 'demo-uav-unit';

const purposeOf = (zone: DemoZone) =>
  zone.kind === 'border_strip'
    ? `Охрана пограничной полосы: ${zone.name}`
    : zone.kind === 'protected_land'
      ? `Патрулирование охраняемой территории: ${zone.name}`
      : `Патрулирование участка незаконной добычи: ${zone.name}`;
const operatorOf = (zone: DemoZone) =>
  `Отряд БПЛА ДП ${findRegion(zone.drone.agencyRegion)?.name.ru ?? zone.drone.agencyRegion}`;

/** A flight over `zone` from `start` to `end`, as its drone unit files it. */
export const demoFlight = (zone: DemoZone, start: Date, end: Date): NewFlight => ({
  droneId: zone.drone.id,
  purpose: purposeOf(zone),
  operator: operatorOf(zone),
  zoneId: zone.id,
  plannedStart: start,
  plannedEnd: end,
  registeredBy: DEMO_UAV_UNIT,
});

/**
 * The drone units' past flights: one around every past detection of their drones (so each historical hit names its
 * flight) and daytime patrols on about a third of the other days of the last month, merged where they overlap.
 */
export function pastFlights(
  zones: readonly DemoZone[],
  events: readonly PastEvent[],
  now: Date,
): NewFlight[] {
  const rng = new Rng(0xf11e ^ events.length);
  const flights: NewFlight[] = [];
  for (const zone of zones) {
    const windows = events
      .filter((event) => event.source === zone.drone.id)
      .map((event) => new Date(event.observation.observedAt).getTime())
      .map((at) => [at - rng.int(30, 90) * 60_000, at + rng.int(30, 120) * 60_000] as [number, number]);
    for (let daysAgo = 1; daysAgo <= 30; daysAgo++) {
      if (!rng.chance(0.33)) continue;
      const start = Math.floor((now.getTime() - daysAgo * DAY) / DAY) * DAY + rng.int(3, 6) * HOUR; // 08:00–11:00 local
      windows.push([start, start + rng.int(2, 4) * HOUR]);
    }
    windows.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const window of windows) {
      const last = merged[merged.length - 1];
      if (last && window[0] <= last[1]) last[1] = Math.max(last[1], window[1]);
      else merged.push([...window]);
    }
    for (const [start, end] of merged)
      if (end < now.getTime() - HOUR) flights.push(demoFlight(zone, new Date(start), new Date(end)));
  }
  return flights;
}

/** Files the past flights before their detections are judged, so the hits name them. */
export async function insertPastFlights(sql: Sql, flights: readonly NewFlight[]): Promise<string[]> {
  const ids: string[] = [];
  for (const flight of flights) ids.push((await insertFlight(sql, flight)).id);
  return ids;
}

/** Lands the past flights (a few were lost), counting what their drones sent, once their detections are judged. */
export async function landPastFlights(sql: Sql, ids: readonly string[]): Promise<void> {
  const rng = new Rng(0x1a9d ^ ids.length);
  for (const id of ids) {
    const plannedEnd = present(await plannedEndOf(sql, id), `the planned end of flight ${id}`);
    await endFlight(
      sql,
      id,
      rng.chance(0.03) ? 'lost' : 'landed',
      new Date(new Date(plannedEnd).getTime() - rng.int(0, 20) * 60_000),
    );
  }
}
