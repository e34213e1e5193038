import {
  AckPolicy,
  connect,
  DeliverPolicy,
  type ConsumerMessages,
  type JetStreamClient,
  type NatsConnection,
} from 'nats';
import type { DomainEvent, EventListener } from './events.types.js';
import type { EventTransport } from './transport.js';

export interface NatsOptions {
  url: string;
  stream: string;
  ackWaitMs: number;
  onError: (error: unknown, consumer: string, event: DomainEvent | undefined) => void;
}

type Deliver = (consumer: string, event: DomainEvent) => Promise<void>;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * JetStream delivery for several instances: events are published with their id as the message id (JetStream drops
 * duplicates inside its window), each consumer is a durable pull consumer with explicit acks, and an event whose
 * handler fails is redelivered after a delay.
 */
export async function natsTransport(
  options: NatsOptions,
): Promise<EventTransport & { connection: NatsConnection }> {
  const nc = await connect({ servers: options.url, name: 'qadagalau' });
  const subjectPrefix = `qg.${options.stream}`;
  const jsm = await nc.jetstreamManager();
  const streamConfig = { name: options.stream, subjects: [`${subjectPrefix}.>`] };
  try {
    await jsm.streams.info(options.stream);
  } catch {
    await jsm.streams.add(streamConfig);
  }
  const js: JetStreamClient = nc.jetstream();
  const running: ConsumerMessages[] = [];
  const subjectOf = (type: string) => `${subjectPrefix}.${type}`;

  async function drain(messages: ConsumerMessages, consumer: string, deliver: Deliver): Promise<void> {
    for await (const message of messages) {
      let event: DomainEvent | undefined;
      try {
        event = JSON.parse(decoder.decode(message.data)) as DomainEvent;
        await deliver(consumer, event);
        message.ack();
      } catch (error) {
        options.onError(error, consumer, event);
        message.nak(Math.min(60_000, 1000 * 2 ** Math.min(message.info.deliveryCount, 6)));
      }
    }
  }

  return {
    connection: nc,
    description: `NATS JetStream at ${new URL(options.url).host} (stream ${options.stream})`,
    async publish(events) {
      const acks = await Promise.all(
        events.map((event) =>
          js.publish(subjectOf(event.type), encoder.encode(JSON.stringify(event)), { msgID: event.id }),
        ),
      );
      return { delivered: events.filter((_, index) => acks[index] !== undefined).map((event) => event.id) };
    },
    async startConsumers(consumers, deliver) {
      // NATS 2.9 filters a consumer on one subject, so each handler gets one durable consumer per event type.
      for (const consumer of consumers) {
        for (const type of consumer.types) {
          const durable = `${consumer.name}__${type}`.replace(/[^\w-]/g, '_');
          try {
            await jsm.consumers.info(options.stream, durable);
          } catch {
            await jsm.consumers.add(options.stream, {
              durable_name: durable,
              ack_policy: AckPolicy.Explicit,
              deliver_policy: DeliverPolicy.All,
              filter_subject: subjectOf(type),
              ack_wait: options.ackWaitMs * 1_000_000,
            });
          }
          const messages = await (
            await js.consumers.get(options.stream, durable)
          ).consume({ max_messages: 256 });
          running.push(messages);
          // Closing the connection ends the iteration with an error; that is the expected way out, not news.
          void drain(messages, consumer.name, deliver).catch((error: unknown) => {
            if (!nc.isClosed() && !nc.isDraining()) options.onError(error, consumer.name, undefined);
          });
        }
      }
    },
    listen(listener: EventListener) {
      // Core NATS subscribers see JetStream publications too: every instance hears every event.
      const subscription = nc.subscribe(`${subjectPrefix}.>`);
      void (async () => {
        for await (const message of subscription) {
          try {
            listener(JSON.parse(decoder.decode(message.data)) as DomainEvent);
          } catch (error) {
            options.onError(error, 'listener', undefined);
          }
        }
      })();
    },
    async close() {
      for (const messages of running) messages.stop();
      await nc.drain();
    },
  };
}

/** Removes a stream (tests use one stream each). */
export async function deleteStream(url: string, stream: string): Promise<void> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.streams.delete(stream).catch(() => false);
  } finally {
    await nc.close();
  }
}
