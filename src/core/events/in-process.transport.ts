import type { DomainEvent, EventListener } from './events.types.js';
import type { EventTransport } from './transport.js';

type Deliver = (consumer: string, event: DomainEvent) => Promise<void>;

/**
 * Single-process delivery: publishing runs every interested consumer before the relay marks the event published,
 * so a crash in between means a redelivery (which consumers skip), never a loss.
 */
export function inProcessTransport(
  onError: (error: unknown, consumer: string, event: DomainEvent) => void,
): EventTransport {
  let consumers: { name: string; types: readonly string[] }[] = [];
  let deliver: Deliver | undefined;
  const listeners: EventListener[] = [];
  // Listeners hear events after the durable consumers, and a failing one affects neither them nor the others.
  const broadcast = (event: DomainEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        onError(error, 'listener', event);
      }
    }
  };
  return {
    description: 'in-process event bus',
    async publish(events) {
      const delivered: string[] = [];
      for (const event of events) {
        let ok = true;
        for (const consumer of consumers.filter((candidate) => candidate.types.includes(event.type))) {
          try {
            await deliver?.(consumer.name, event);
          } catch (error) {
            ok = false;
            onError(error, consumer.name, event);
          }
        }
        if (ok) delivered.push(event.id);
        broadcast(event);
      }
      return { delivered };
    },
    async startConsumers(list, deliverFn) {
      consumers = list;
      deliver = deliverFn;
      return Promise.resolve();
    },
    listen(listener) {
      listeners.push(listener);
    },
    close: () => Promise.resolve(),
  };
}
