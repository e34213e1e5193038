import type { Db } from '../db/db.js';
import { EventBus } from './event-bus.js';
import { inProcessTransport } from './in-process.transport.js';
import { natsTransport } from './nats.transport.js';

export { EventBus } from './event-bus.js';
export { emitEvent, emitEvents, type EventInput } from './outbox.repository.js';
export {
  defineHandler,
  type DomainEvent,
  type DomainEvents,
  type EventHandler,
  type EventListener,
  type EventType,
} from './events.types.js';

export interface OpenBusOptions {
  db: Db;
  natsUrl?: string | undefined;
  natsStream: string;
  ackWaitMs: number;
  pollMs: number;
  onError: (error: unknown, context: string) => void;
}

export async function openEventBus(options: OpenBusOptions): Promise<EventBus> {
  const report = (error: unknown, consumer: string) => options.onError(error, `event consumer ${consumer}`);
  const transport = options.natsUrl
    ? await natsTransport({
        url: options.natsUrl,
        stream: options.natsStream,
        ackWaitMs: options.ackWaitMs,
        onError: report,
      })
    : inProcessTransport(report);
  return new EventBus({ db: options.db, transport, pollMs: options.pollMs, onError: options.onError });
}
