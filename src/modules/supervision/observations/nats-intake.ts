import { AckPolicy, connect, DeliverPolicy, type ConsumerMessages, type NatsConnection } from 'nats';
import type { ModuleService } from '../../../core/modules/manifest.js';
import type { Platform } from '../../../core/platform.js';
import { acceptObservations, deadLetter, parseMessage } from './observations.service.js';

/** Sources on NATS publish to `qgobs.<NATS_STREAM>.<source id>`; a JetStream stream keeps them until taken in. */
export const observationSubject = (stream: string, sourceId: string) => `qgobs.${stream}.${sourceId}`;
export const observationStream = (stream: string) => `${stream}_OBSERVATIONS`;
const DURABLE = 'observation-intake';

/**
 * Takes observations in from NATS when NATS_URL is set: a durable JetStream pull consumer shared by every instance,
 * each message acknowledged only after its observations (or dead letter) are committed, and retried with backoff when
 * the database refuses. Like MQTT, redeliveries are harmless.
 */
export function natsIntake(platform: Platform, onAccepted: () => void): ModuleService {
  let connection: NatsConnection | undefined;
  let messages: ConsumerMessages | undefined;
  const url = platform.config.natsUrl;
  const stream = observationStream(platform.config.natsStream);
  const prefix = `qgobs.${platform.config.natsStream}.`;

  async function drain(feed: ConsumerMessages): Promise<void> {
    for await (const message of feed) {
      const sourceId = message.subject.startsWith(prefix) ? message.subject.slice(prefix.length) : '';
      try {
        const parsed = parseMessage(Buffer.from(message.data));
        await platform.db.tx(async (sql) => {
          if ('error' in parsed) await deadLetter(sql, 'nats', sourceId || null, parsed.error, Buffer.from(message.data));
          else await acceptObservations(sql, 'nats', sourceId, parsed.items);
        });
        message.ack();
        onAccepted();
      } catch (error) {
        platform.log.error({ err: error }, 'storing a NATS observation failed; it will be redelivered');
        message.nak(Math.min(30_000, 500 * 2 ** Math.min(message.info.redeliveryCount, 6)));
      }
    }
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
        await jsm.consumers.add(stream, { durable_name: DURABLE, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, ack_wait: 30_000_000_000 });
      }
      messages = await (await connection.jetstream().consumers.get(stream, DURABLE)).consume({ max_messages: 256 });
      // The loop ends when the connection closes at stop; an error then is expected, not news.
      void drain(messages).catch((error: unknown) => {
        if (connection && !connection.isClosed()) platform.log.error({ err: error }, 'NATS observation intake stopped');
      });
    },
    async stop() {
      messages?.stop();
      await messages?.closed().catch(() => undefined);
      await connection?.drain().catch(() => undefined);
    },
  };
}
