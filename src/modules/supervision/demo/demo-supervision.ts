import type { Rng, Sql } from '../../../core/index.js';
import type { SupervisionContext } from '../supervision.settings.js';
import { acceptObservations } from '../observations/observations.service.js';
import { ObservationPipeline } from '../pipeline/observation-pipeline.js';
import { probationRule } from '../probation/probation.rule.js';
import { insertSource } from '../sources/sources.repository.js';
import { WatchlistIndex } from '../watchlists/watchlist-index.js';
import { watchlistRule } from '../watchlists/watchlist.rule.js';
import { createEntry, recordOutcome } from '../watchlists/watchlist.service.js';
import { publicOrderRule, zonesRule } from '../zones/zones.rule.js';
import { insertPastFlights, landPastFlights, pastFlights } from './demo-flights.js';
import { HISTORY_PREFIX, pastEvents } from './demo-history.js';
import { demoSupervisionWorld, type DemoSupervisionWorld } from './demo-world.js';

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
export async function seedDemoSupervision(platform: SupervisionContext, rng: Rng, now = new Date()): Promise<DemoSupervisionCounts> {
  const world = demoSupervisionWorld(rng);
  await platform.db.tx((sql) => insertWorld(sql, world, rng));
  const events = pastEvents(rng, world, now);
  const flights = await platform.db.tx(async (sql) => {
    const bySource = new Map<string, typeof events>();
    for (const event of events) bySource.set(event.source, [...(bySource.get(event.source) ?? []), event]);
    for (const [source, items] of bySource) await acceptObservations(sql, 'mqtt', source, items.map((item) => item.observation), new Date(now.getTime() - DAY));
    return insertPastFlights(sql, pastFlights(world.zones, events, now));
  });
  await judgeAll(platform);
  await platform.db.tx((sql) => landPastFlights(sql, flights));
  const outcomes = await platform.bus.tx(async (sql) => {
    const alerts = await sql.query<{ external_id: string; alert_id: string }>(
      `select o.external_id, h.alert_id from supervision_hits h join observations o on o.id = h.observation_id where o.external_id like $1 and h.alert_id is not null`, [`${HISTORY_PREFIX}%`],
    );
    const alertOf = new Map(alerts.map((row) => [row.external_id, row.alert_id]));
    const done = new Set<string>();
    for (const event of events) {
      const alertId = alertOf.get(event.observation.externalId);
      if (!event.outcome || !alertId || done.has(alertId)) continue;
      done.add(alertId);
      await recordOutcome(sql, null, alertId, event.outcome, event.outcome === 'false_match' ? 'Проверка на месте: не тот человек' : null, DEMO_OFFICER);
    }
    await backdate(sql);
    return done.size;
  });
  const closed = await platform.db.tx((sql) => closeSome(sql, world, rng, now));
  const [hits] = await platform.db.query<{ n: number }>(`select count(*)::int as n from supervision_hits h join observations o on o.id = h.observation_id where o.external_id like $1`, [`${HISTORY_PREFIX}%`]);
  return {
    sources: world.cameras.length + world.otherSources.length, wantedPersons: world.wantedPersons.length, wantedVehicles: world.wantedVehicles.length,
    closedEntries: closed.total, closedThroughSystem: closed.throughSystem, probationers: world.probationers.length, zones: world.zones.length,
    orderRules: world.orderRules.length, pastObservations: events.length, pastHits: hits?.n ?? 0, outcomes, pastFlights: flights.length,
  };
}

async function insertWorld(sql: Sql, world: DemoSupervisionWorld, rng: Rng): Promise<void> {
  for (const source of [...world.cameras, ...world.otherSources]) await insertSource(sql, source);
  for (const entry of [...world.wantedPersons, ...world.wantedVehicles]) {
    await createEntry(sql, entry);
    // Most were listed before the dashboard's 90 days, some during them.
    const ageDays = rng.chance(0.12) ? rng.int(1, 89) : rng.int(91, 900);
    await sql.query(`update watchlist_entries set created_at = now() - make_interval(days => $2, hours => $3) where id = $1`, [entry.id, ageDays, rng.int(0, 23)]);
  }
  for (const person of world.probationers) {
    await sql.query(
      `insert into probation_persons (id, full_name, iin, birth_date, region, bracelet_id, home_lat, home_lon, home_radius_m, curfew_from, curfew_to, allowed_regions, checkin_every_days, silence_minutes, last_checkin_at, last_ping_at, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now() - make_interval(days => $15), now(), now() - make_interval(days => $16)) on conflict (id) do nothing`,
      [person.id, person.person.fullName, person.person.iin, person.person.birthDate, person.region, person.braceletId, person.home.lat, person.home.lon, person.home.radiusM,
        person.curfew?.from ?? null, person.curfew?.to ?? null, person.allowedRegions, person.checkinEveryDays, person.silenceMinutes, rng.int(0, 12), rng.int(30, 700)],
    );
    for (const place of person.exclusions) {
      await sql.query('insert into probation_exclusions (id, person_id, kind, label, lat, lon, radius_m) values ($1, $2, $3, $4, $5, $6, $7) on conflict (id) do nothing', [rng.uuid(), person.id, place.kind, place.label, place.lat, place.lon, place.radiusM]);
    }
  }
  for (const zone of world.zones) {
    await sql.query(`insert into restricted_zones (id, name, kind, region, geometry, forbidden_activities) values ($1, $2, $3, $4, $5, $6) on conflict (id) do nothing`, [zone.id, zone.name, zone.kind, zone.region, JSON.stringify(zone.geometry), zone.forbiddenActivities]);
  }
  for (const rule of world.orderRules) {
    await sql.query(
      `insert into public_order_rules (id, name, region, lat, lon, radius_m, activities, from_time, to_time, min_confidence, min_crowd) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0.6, $10) on conflict (id) do nothing`,
      [rule.id, rule.name, rule.region, rule.lat, rule.lon, rule.radiusM, rule.activities, rule.from, rule.to, rule.minCrowd],
    );
  }
}

/** Judges the past observations with the module's own rules, then waits for any running pipeline to finish its share. */
async function judgeAll(platform: SupervisionContext): Promise<void> {
  const pipeline = new ObservationPipeline(platform, [watchlistRule(new WatchlistIndex(platform.db)), probationRule(), zonesRule(), publicOrderRule()]);
  while ((await platform.bus.tx((sql) => pipeline.judgeBatch(sql))) > 0);
  for (let i = 0; i < 250; i++) {
    const [pending] = await platform.db.query<{ n: number }>(`select count(*)::int as n from observations where state = 'pending' and external_id like $1`, [`${HISTORY_PREFIX}%`]);
    if (!pending?.n) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Everything the history produced, moved back to when it happened: hits and alerts just after the observation, outcomes hours later. */
async function backdate(sql: Sql): Promise<void> {
  await sql.query(`update observations set received_at = observed_at + interval '2 seconds' where external_id like $1`, [`${HISTORY_PREFIX}%`]);
  await sql.query(
    `update supervision_hits h set created_at = o.observed_at + interval '3 seconds',
       outcome_at = case when h.outcome is null then null else o.observed_at + make_interval(hours => 1 + (abs(hashtext(h.id::text)) % 6)) end
     from observations o where o.id = h.observation_id and o.external_id like $1`, [`${HISTORY_PREFIX}%`],
  );
  await sql.query(
    `update alerts a set created_at = t.first_at, updated_at = coalesce(t.outcome_at, t.first_at)
     from (select h.alert_id, min(h.created_at) as first_at, max(h.outcome_at) as outcome_at from supervision_hits h join observations o on o.id = h.observation_id
           where o.external_id like $1 group by h.alert_id) t where a.id = t.alert_id`, [`${HISTORY_PREFIX}%`],
  );
  await sql.query(
    `update watchlist_entries e set closed_at = t.outcome_at, created_at = least(e.created_at, t.outcome_at - interval '30 days')
     from (select subject_id, max(outcome_at) as outcome_at from supervision_hits where outcome = 'detained' and rule like 'watchlist_%' group by subject_id) t
     where e.id = t.subject_id and e.closed_through_system`,
  );
}

/** Further closures over the 90 days: detentions through the system (a patrol's check) and cancelled warrants. */
async function closeSome(sql: Sql, world: DemoSupervisionWorld, rng: Rng, now: Date): Promise<{ total: number; throughSystem: number }> {
  for (const entry of world.wantedPersons.filter((item) => item.history === 'closed')) {
    const reason = rng.weighted([['detained', 5], ['cancelled', 2], ['found_elsewhere', 3]] as const);
    const at = new Date(now.getTime() - rng.int(1, 89) * DAY - rng.int(0, 23) * 3_600_000);
    await sql.query(
      `update watchlist_entries set status = 'closed', closed_reason = $2, closed_through_system = $3, closed_at = $4, created_at = least(created_at, $4::timestamptz - interval '20 days') where id = $1`,
      [entry.id, reason, reason === 'detained' && rng.chance(0.8), at],
    );
  }
  const [row] = await sql.query<{ total: number; through: number }>(`select count(*)::int as total, count(*) filter (where closed_through_system)::int as through from watchlist_entries where status = 'closed'`);
  return { total: row?.total ?? 0, throughSystem: row?.through ?? 0 };
}
