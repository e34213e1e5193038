import mqtt from 'mqtt';
import { type DeviceLogin, Rng } from '../../../core/index.js';
import { observationTopic } from '../observations/mqtt-intake.js';
import { demoSupervisionWorld } from '../demo/demo-world.js';
import type { TruthEvent } from './planted.js';
import { Traffic, type Message } from './traffic.js';

/** Where the traffic goes: the device broker, or the HTTP intake. */
export interface Sink {
  send(messages: readonly Message[]): Promise<void>;
  close(): Promise<void>;
}

export interface SimulationOptions {
  /** Observations a second. */
  rate: number;
  durationSeconds: number;
  /** The demo world's seed (DEMO_SEED): the simulator rebuilds the same world to know whom to plant. */
  seed: number;
  /** Share of observations that are planted events (default 0.05). */
  plantedShare?: number;
  /** Prefix of the external ids, unique per run so that a rerun is not taken for resent messages. */
  runId?: string;
  onTruth?: (event: TruthEvent) => void;
}

export interface SimulationResult {
  sent: number;
  planted: number;
  seconds: number;
  startedAt: Date;
}

const TICK_MS = 50;
/** Unacknowledged QoS 1 publishes allowed at once: beyond it the loop waits for PUBACKs rather than queue in memory. */
const MAX_IN_FLIGHT = 500;

/** Publishes at a steady rate in ticks of 50 ms and returns once everything is sent (and, for MQTT, acknowledged). */
export async function simulate(options: SimulationOptions, sink: Sink): Promise<SimulationResult> {
  const startedAt = new Date();
  const world = demoSupervisionWorld(new Rng(options.seed));
  const traffic = new Traffic(world, new Rng(options.seed ^ 0x5eed), {
    plantedShare: options.plantedShare ?? 0.05,
    runId: options.runId ?? `sim${startedAt.getTime().toString(36)}`,
    startedAt,
  });
  const total = Math.round(options.rate * options.durationSeconds);
  const start = performance.now();
  let sent = 0;
  let planted = 0;
  try {
    while (sent < total) {
      const due = Math.min(
        total,
        Math.max(sent + 1, Math.floor(((performance.now() - start) / 1000) * options.rate)),
      );
      const batch: Message[] = [];
      for (; sent < due; sent++) {
        const message = traffic.next();
        batch.push(message);
        if (message.truth) {
          planted++;
          options.onTruth?.(message.truth);
        }
      }
      await sink.send(batch);
      const wait = Math.min(TICK_MS, (sent / options.rate) * 1000 - (performance.now() - start));
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  } finally {
    await sink.close();
  }
  return { sent, planted, seconds: (performance.now() - start) / 1000, startedAt };
}

/** One message per observation on the source's topic, QoS 1, with at most MAX_IN_FLIGHT awaiting their PUBACK. */
/**
 * `closeWithinMs` bounds how long close() waits for outstanding acknowledgements before dropping the connection: the
 * simulator waits for every one, the demo feed must not hold up the platform's shutdown.
 */
export async function mqttSink(
  url: string,
  topicPrefix = 'qadagalau/observations',
  options: { closeWithinMs?: number; login?: DeviceLogin | undefined } = {},
): Promise<Sink> {
  const client = await mqtt
    .connectAsync(url, {
      clientId: `qadagalau-simulator-${Math.random().toString(36).slice(2, 10)}`,
      clean: true,
      protocolVersion: 4,
      ...options.login,
    })
    .catch((error: unknown) => {
      if ((error as { code?: number }).code === 4 || (error as { code?: number }).code === 5) {
        throw new Error(
          'the broker refused the simulator’s credentials: give an API key holding observations.ingest (--api-key or QADAGALAU_API_KEY); the embedded broker lets in only registered sources and API keys',
        );
      }
      throw error;
    });
  const inFlight = new Set<Promise<unknown>>();
  let failure: Error | undefined;
  return {
    async send(messages) {
      for (const message of messages) {
        if (failure) throw failure;
        const publish: Promise<unknown> = client
          .publishAsync(observationTopic(topicPrefix, message.source), JSON.stringify(message.observation), {
            qos: 1,
          })
          .catch((error: unknown) => {
            failure = error instanceof Error ? error : new Error(String(error));
          });
        inFlight.add(publish);
        void publish.finally(() => inFlight.delete(publish));
        if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
      }
    },
    async close() {
      const acknowledged = Promise.all(inFlight).then(() => true);
      const within = options.closeWithinMs;
      const settled =
        within === undefined
          ? await acknowledged
          : await Promise.race([
              acknowledged,
              new Promise<false>((resolve) => setTimeout(() => resolve(false), within).unref()),
            ]);
      await client.endAsync(!settled);
      if (failure) throw failure;
    },
  };
}

/** What posts one source's batch to `POST /api/observations` and returns the HTTP status (fetch, or inject in tests). */
export type Poster = (body: {
  source: string;
  observations: unknown[];
}) => Promise<{ status: number; text: string }>;

/** Each tick's observations grouped by source, one request per source. */
export function httpSink(post: Poster): Sink {
  return {
    async send(messages) {
      const bySource = new Map<string, unknown[]>();
      for (const message of messages)
        bySource.set(message.source, [...(bySource.get(message.source) ?? []), message.observation]);
      const responses = await Promise.all(
        [...bySource].map(([source, observations]) => post({ source, observations })),
      );
      const failed = responses.find((response) => response.status >= 300);
      if (failed)
        throw new Error(`the intake answered ${String(failed.status)}: ${failed.text.slice(0, 300)}`);
    },
    close: () => Promise.resolve(),
  };
}

export function fetchPoster(baseUrl: string, apiKey: string): Poster {
  return async (body) => {
    const response = await fetch(new URL('/api/observations', baseUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  };
}
