import { AckPolicy, connect, DeliverPolicy, type ConsumerMessages, type NatsConnection } from 'nats';
import type { ModuleService } from '../../../core/index.js';
import type { SupervisionContext } from '../supervision.settings.js';
import { IntakeBatcher } from './intake-batcher.js';

/** Sources on NATS publish to `qgobs.<NATS_STREAM>.<source id>`; a JetStream stream keeps them until taken in. */
export const observationSubject = (stream: string, sourceId: string) => `qgobs.${stream}.${sourceId}`;
export const observationStream = (stream: string) => `${stream}_OBSERVATIONS`;
const DURABLE = 'observation-intake';
const MAX_IN_FLIGHT = 256;

/**
 * Takes observations in from NATS when NATS_URL is set: a durable JetStream pull consumer shared by every instance,
 * each message acknowledged only after its observations (or dead letter) are committed, and retried with backoff when
 * the database refuses. Messages waiting at the same time are stored together. Like MQTT, redeliveries are harmless.
 */
export function natsIntake(platform: SupervisionContext, onAccepted: () => void): ModuleService {
  let connection: NatsConnection | undefined;
  let messages: ConsumerMessages | undefined;
  const url = platform.config.natsUrl;
  const stream = observationStream(platform.config.natsStream);
  const prefix = `qgobs.${platform.config.natsStream}.`;

  const batcher = new IntakeBatcher(platform.db, 'nats', platform.log, onAccepted);

  /** Up to MAX_IN_FLIGHT messages wait for their commit at once, stored together; each is acknowledged after its own. */
  async function drain(feed: ConsumerMessages): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    for await (const message of feed) {
      const sourceId = message.subject.startsWith(prefix) ? message.subject.slice(prefix.length) : '';
      const stored = batcher
        .store({ sourceId, topic: message.subject, payload: Buffer.from(message.data) })
        .then(
          () => message.ack(),
          (error: unknown) => {
            platform.log.error({ err: error }, 'storing a NATS observation failed; it will be redelivered');
            message.nak(Math.min(30_000, 500 * 2 ** Math.min(message.info.deliveryCount, 6)));
          },
        );
      inFlight.add(stored);
      void stored.finally(() => inFlight.delete(stored));
      if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  return {
    name: 'supervision.nats-intake',
    async start() {
      if (!url) return;
      connection = await connect({ servers: url, name: 'qadagalau-observations' });
      const jsm = await connection.jetstreamManager();
      try {
        await jsm.streams.info(stream);
      } catch {
        await jsm.streams.add({ name: stream, subjects: [`${prefix}>`] });
      }
      try {
        await jsm.consumers.info(stream, DURABLE);
      } catch {
        await jsm.consumers.add(stream, {
          durable_name: DURABLE,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          ack_wait: 30_000_000_000,
        });
      }
      messages = await (
        await connection.jetstream().consumers.get(stream, DURABLE)
      ).consume({ max_messages: 256 });
      // The loop ends when the connection closes at stop; an error then is expected, not news.
      void drain(messages).catch((error: unknown) => {
        if (connection && !connection.isClosed())
          platform.log.error({ err: error }, 'NATS observation intake stopped');
      });
    },
    async stop() {
      messages?.stop();
      await batcher.stop();
      await messages?.closed().catch(() => undefined);
      await connection?.drain().catch(() => undefined);
    },
  };
}
