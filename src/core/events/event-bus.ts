import type { Db, Sql } from '../db/db.js';
import type { DomainEvent, EventHandler, EventListener } from './events.types.js';
import { claimEvent, markPublished, readUnpublished } from './outbox.repository.js';
import type { EventTransport } from './transport.js';

export interface EventBusOptions {
  db: Db;
  transport: EventTransport;
  pollMs: number;
  onError: (error: unknown, context: string) => void;
}

const BATCH = 500;

/**
 * Relays the outbox to the transport and runs durable handlers idempotently. A crash between commit and publish
 * leaves the event in the outbox for the next relay; a crash after publish means a redelivery that the
 * processed_events claim turns into a no-op, because the claim commits with the handler's own writes.
 */
export class EventBus {
  private readonly handlers: EventHandler[] = [];
  private timer: NodeJS.Timeout | undefined;
  private relaying: Promise<number> | undefined;
  private again = false;
  private closed = false;

  constructor(private readonly options: EventBusOptions) {}

  get description(): string {
    return this.options.transport.description;
  }

  register(handler: EventHandler): void {
    this.handlers.push(handler);
  }

  /**
   * Hears every relayed event (dashboards' live streams). A listener is not part of the durable path: one that
   * throws is logged and the relay goes on, so it can neither stall the outbox nor make it redeliver.
   */
  listen(listener: EventListener): void {
    this.options.transport.listen((event) => {
      try {
        listener(event);
      } catch (error) {
        this.options.onError(error, 'event listener');
      }
    });
  }

  async start(): Promise<void> {
    await this.options.transport.startConsumers(
      this.handlers.map((handler) => ({ name: handler.name, types: handler.types })),
      (consumer, event) => this.deliver(consumer, event),
    );
    const tick = () => {
      if (this.closed) return;
      this.kick();
      this.timer = setTimeout(tick, this.options.pollMs);
      this.timer.unref();
    };
    tick();
  }

  /** Asks the relay to run now (after a commit that emitted events). */
  kick(): void {
    if (this.closed) return;
    if (this.relaying) {
      this.again = true;
      return;
    }
    this.relaying = this.relayAll().finally(() => {
      this.relaying = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Relays until the outbox is empty; resolves with the number of events published. */
  async flush(): Promise<number> {
    await this.relaying;
    return this.relayAll();
  }

  /** Runs work in a transaction and relays its events as soon as it commits. */
  async tx<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    const result = await this.options.db.tx(work);
    this.kick();
    return result;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.relaying?.catch(() => 0);
    await this.options.transport.close();
  }

  private async relayAll(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const events = await readUnpublished(this.options.db, BATCH);
        if (events.length === 0 || this.closed) break;
        const { delivered } = await this.options.transport.publish(events);
        const published = events.filter((event) => delivered.includes(event.id));
        await markPublished(
          this.options.db,
          published.map((event) => event.seq),
        );
        total += published.length;
        if (published.length < events.length) break;
      }
    } catch (error) {
      this.options.onError(error, 'outbox relay');
    }
    return total;
  }

  private async deliver(consumer: string, event: DomainEvent): Promise<void> {
    const handler = this.handlers.find((candidate) => candidate.name === consumer);
    if (!handler) return;
    await this.options.db.tx(async (sql) => {
      if (!(await claimEvent(sql, consumer, event.id))) return;
      await handler.handle(event, sql);
    });
    this.kick();
  }
}
