import { backdateAlerts, type Rng, type Sql } from '../../../core/index.js';
import type { SupervisionContext } from '../supervision.settings.js';
import { recordOutcome } from '../supervision.service.js';
import { acceptObservations } from '../observations/observations.service.js';
import { ObservationPipeline } from '../pipeline/observation-pipeline.js';
import { probationRule } from '../probation/probation.rule.js';
import { insertSource } from '../sources/sources.repository.js';
import { WatchlistIndex } from '../watchlists/watchlist-index.js';
import { createEntry } from '../watchlists/watchlists.repository.js';
import { watchlistRule } from '../watchlists/watchlists.rule.js';
import { insertOrderRule, insertZone } from '../zones/zones.repository.js';
import { publicOrderRule, zonesRule } from '../zones/zones.rule.js';
import { insertPastFlights, landPastFlights, pastFlights } from './demo-flights.js';
import { HISTORY_PREFIX, pastEvents } from './demo-history.js';
import { demoSupervisionWorld, type DemoSupervisionWorld } from './demo-world.js';
import {
  backdateDetentions,
  backdateHistory,
  backdateListing,
  closedEntryCounts,
  closeEntryAt,
  countHistoryHits,
  countPendingHistory,
  historyAlerts,
  historyAlertTimes,
  insertDemoProbationer,
} from './demo.repository.js';

export interface DemoSupervisionCounts {
  sources: number;
  wantedPersons: number;
  wantedVehicles: number;
  closedEntries: number;
  closedThroughSystem: number;
  probationers: number;
  zones: number;
  orderRules: number;
  pastObservations: number;
  pastHits: number;
  outcomes: number;
  pastFlights: number;
}

const DAY = 86_400_000;
const DEMO_OFFICER = 'demo-duty-officer';

/**
 * The demo world of digital supervision (see demo-world.ts) with 90 days of history: entries listed and closed (a
 * quarter of wanted persons found, most of them through the system, as the article reports a 24 % fall), and two
 * weeks of observations judged by the real rules with the officers' outcomes. Same rng, same world.
 */
export async function seedDemoSupervision(
  platform: SupervisionContext,
  rng: Rng,
  now = new Date(),
): Promise<DemoSupervisionCounts> {
  const world = demoSupervisionWorld(rng);
  await platform.db.tx((sql) => insertWorld(sql, world, rng));
  const events = pastEvents(rng, world, now);
  const flights = await platform.db.tx(async (sql) => {
    const bySource = new Map<string, typeof events>();
    for (const event of events) bySource.set(event.source, [...(bySource.get(event.source) ?? []), event]);
    for (const [source, items] of bySource)
      await acceptObservations(
        sql,
        'mqtt',
        source,
        items.map((item) => item.observation),
        new Date(now.getTime() - DAY),
      );
    return insertPastFlights(sql, pastFlights(world.zones, events, now));
  });
  await judgeAll(platform);
  await platform.db.tx((sql) => landPastFlights(sql, flights));
  const outcomes = await platform.bus.tx(async (sql) => {
    const alerts = await historyAlerts(sql, HISTORY_PREFIX);
    const alertOf = new Map(alerts.map((row) => [row.external_id, row.alert_id]));
    const done = new Set<string>();
    for (const event of events) {
      const alertId = alertOf.get(event.observation.externalId);
      if (!event.outcome || !alertId || done.has(alertId)) continue;
      done.add(alertId);
      await recordOutcome(
        sql,
        null,
        alertId,
        event.outcome,
        event.outcome === 'false_match' ? 'Проверка на месте: не тот человек' : null,
        DEMO_OFFICER,
      );
    }
    await backdate(sql);
    return done.size;
  });
  const closed = await platform.db.tx((sql) => closeSome(sql, world, rng, now));
  const hits = await countHistoryHits(platform.db, HISTORY_PREFIX);
  return {
    sources: world.cameras.length + world.otherSources.length,
    wantedPersons: world.wantedPersons.length,
    wantedVehicles: world.wantedVehicles.length,
    closedEntries: closed.total,
    closedThroughSystem: closed.throughSystem,
    probationers: world.probationers.length,
    zones: world.zones.length,
    orderRules: world.orderRules.length,
    pastObservations: events.length,
    pastHits: hits,
    outcomes,
    pastFlights: flights.length,
  };
}

async function insertWorld(sql: Sql, world: DemoSupervisionWorld, rng: Rng): Promise<void> {
  for (const source of [...world.cameras, ...world.otherSources]) await insertSource(sql, source);
  for (const entry of [...world.wantedPersons, ...world.wantedVehicles]) {
    await createEntry(sql, entry);
    // Most were listed before the dashboard's 90 days, some during them.
    const ageDays = rng.chance(0.12) ? rng.int(1, 89) : rng.int(91, 900);
    await backdateListing(sql, entry.id, ageDays, rng.int(0, 23));
  }
  for (const person of world.probationers) {
    const checkinDaysAgo = rng.int(0, 12);
    const registeredDaysAgo = rng.int(30, 700);
    await insertDemoProbationer(
      sql,
      person,
      checkinDaysAgo,
      registeredDaysAgo,
      person.exclusions.map((place) => ({ id: rng.uuid(), place })),
    );
  }
  for (const zone of world.zones) await insertZone(sql, zone);
  for (const rule of world.orderRules) await insertOrderRule(sql, { ...rule, minConfidence: 0.6 });
}

/** Judges the past observations with the module's own rules, then waits for any running pipeline to finish its share. */
async function judgeAll(platform: SupervisionContext): Promise<void> {
  const pipeline = new ObservationPipeline(platform, [
    watchlistRule(new WatchlistIndex(platform.db)),
    probationRule(),
    zonesRule(),
    publicOrderRule(),
  ]);
  while ((await platform.bus.tx((sql) => pipeline.judgeBatch(sql))) > 0);
  for (let i = 0; i < 250; i++) {
    if ((await countPendingHistory(platform.db, HISTORY_PREFIX)) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Everything the history produced, moved back to when it happened: hits and alerts just after the observation, outcomes hours later. */
async function backdate(sql: Sql): Promise<void> {
  await backdateHistory(sql, HISTORY_PREFIX);
  const times = await historyAlertTimes(sql, HISTORY_PREFIX);
  await backdateAlerts(
    sql,
    times.flatMap(({ alert_id: id, first_at: firstAt, outcome_at: outcomeAt }) =>
      id ? [{ id, createdAt: firstAt, updatedAt: outcomeAt ?? firstAt }] : [],
    ),
  );
  await backdateDetentions(sql);
}

/** Further closures over the 90 days: detentions through the system (a patrol's check) and cancelled warrants. */
async function closeSome(
  sql: Sql,
  world: DemoSupervisionWorld,
  rng: Rng,
  now: Date,
): Promise<{ total: number; throughSystem: number }> {
  for (const entry of world.wantedPersons.filter((item) => item.history === 'closed')) {
    const reason = rng.weighted([
      ['detained', 5],
      ['cancelled', 2],
      ['found_elsewhere', 3],
    ] as const);
    const at = new Date(now.getTime() - rng.int(1, 89) * DAY - rng.int(0, 23) * 3_600_000);
    await closeEntryAt(sql, entry.id, reason, reason === 'detained' && rng.chance(0.8), at);
  }
  return closedEntryCounts(sql);
}
