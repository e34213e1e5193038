import { type ModuleService, Rng } from '../../../core/index.js';
import type { SupervisionContext } from '../supervision.settings.js';
import { demoFlight } from '../demo/demo-flights.js';
import { demoSupervisionWorld } from '../demo/demo-world.js';
import { insertFlight, overlapping } from '../flights/flights.repository.js';
import { countSources } from '../sources/sources.repository.js';
import { mqttSink, type Sink } from './simulate.js';
import { Traffic, type Message } from './traffic.js';

/** About one planted event every few minutes at the default rate: enough for the live map to move, not a flood. */
const PLANTED_SHARE = 0.005;
const TICK_MS = 1000;
const ROTA_EVERY_MS = 60_000;
const FLIGHT_HOURS = 3;

/**
 * The demo world's devices, live: while a demo platform runs, its cameras, drones, bracelets, patrol apps and border
 * post publish the simulator's traffic to the device broker at DEMO_FEED_RATE, through the same intake as real
 * devices, and each is heard from well within its expected interval. Without it the demo's sources would fall silent
 * minutes after start and their silence alarms would fill the inbox. Off in production; it waits until the database
 * holds the demo world (seeded after the platform starts, on first start).
 */
export function demoFeed(platform: SupervisionContext): ModuleService {
  const { config, settings } = platform;
  const world = demoSupervisionWorld(new Rng(config.demoSeed));
  const sources = [...world.cameras, ...world.otherSources];
  // Each source is heard from at least every third of its expected interval; once the feed begins, all at once.
  const lastHeard = new Map(sources.map((source) => [source.id, 0]));
  let timer: NodeJS.Timeout | undefined;
  let sink: Sink | undefined;
  let traffic: Traffic | undefined;
  let busy: Promise<void> | undefined;
  let owed = 0;
  let rotaAt = 0;

  /** The drone units keep their drones up in shifts: a drone whose flight ended is filed for the next one. */
  async function fileFlights(now: Date): Promise<void> {
    if (now.getTime() - rotaAt < ROTA_EVERY_MS) return;
    rotaAt = now.getTime();
    const soon = new Date(now.getTime() + ROTA_EVERY_MS);
    await platform.db.tx(async (sql) => {
      for (const zone of world.zones) {
        if (!(await overlapping(sql, zone.drone.id, now, soon)))
          await insertFlight(sql, demoFlight(zone, now, new Date(now.getTime() + FLIGHT_HOURS * 3_600_000)));
      }
    });
  }

  async function worldSeeded(): Promise<boolean> {
    return (
      (await countSources(
        platform.db,
        sources.map((source) => source.id),
      )) === sources.length
    );
  }

  async function tick(): Promise<void> {
    if (!traffic) {
      if (!(await worldSeeded())) return;
      const startedAt = new Date();
      // The demo devices are the platform's own feed: on the embedded broker they connect with its service login.
      const broker = await platform.devices();
      sink = await mqttSink(broker.url, settings.topicPrefix, {
        closeWithinMs: 2000,
        login: broker.serviceLogin,
      });
      traffic = new Traffic(world, new Rng(config.demoSeed ^ (startedAt.getTime() % 2 ** 31)), {
        plantedShare: PLANTED_SHARE,
        runId: `demo${startedAt.getTime().toString(36)}`,
        startedAt,
      });
      platform.log.info(
        { rate: settings.demoFeedRate },
        'demo feed: the demo world’s devices are sending observations',
      );
    }
    const now = new Date();
    await fileFlights(now);
    owed += (settings.demoFeedRate * TICK_MS) / 1000;
    const messages: Message[] = [];
    for (; owed >= 1; owed--) messages.push(traffic.next(now));
    for (const message of messages) lastHeard.set(message.source, now.getTime());
    for (const source of sources) {
      if (now.getTime() - (lastHeard.get(source.id) ?? 0) < ((source.expectedEverySeconds ?? 300) * 1000) / 3)
        continue;
      const ordinary = traffic.ordinary(source.id, now);
      if (ordinary) messages.push(ordinary);
      lastHeard.set(source.id, now.getTime());
    }
    await sink?.send(messages);
  }

  return {
    name: 'supervision.demo-feed',
    start() {
      if (!config.demo || config.env === 'production' || settings.demoFeedRate === 0)
        return Promise.resolve();
      timer = setInterval(() => {
        busy ??= tick()
          .catch((error: unknown) => platform.log.warn({ err: error }, 'demo feed: publishing failed'))
          .finally(() => (busy = undefined));
      }, TICK_MS);
      timer.unref();
      return Promise.resolve();
    },
    async stop() {
      clearInterval(timer);
      await busy;
      await sink?.close().catch(() => undefined);
      sink = undefined;
    },
  };
}
