import type { DomainEvent, EventListener } from './events.types.js';

/** Where relayed events go: the in-process dispatcher or NATS JetStream. */
export interface EventTransport {
  readonly description: string;
  /** Resolves once the events are durably handed over (JetStream ack, or every local consumer done). */
  publish(events: DomainEvent[]): Promise<{ delivered: string[] }>;
  /** Starts the durable consumers; each event reaches `deliver` at least once per consumer. */
  startConsumers(
    consumers: { name: string; types: readonly string[] }[],
    deliver: (consumer: string, event: DomainEvent) => Promise<void>,
  ): Promise<void>;
  listen(listener: EventListener): void;
  close(): Promise<void>;
}
