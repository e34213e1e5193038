/**
 * The catalogue of domain events. Modules add theirs by declaration merging:
 * `declare module '../../core/events/events.types.js' { interface DomainEvents { 'appeals.screened': {...} } }`
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEvents {}

export type EventType = Extract<keyof DomainEvents, string>;

export interface DomainEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  payload: DomainEvents[T];
  occurredAt: string;
}

/** A durable consumer: each event is handled once per consumer name, inside a transaction. */
export interface EventHandler {
  /** Stable name; processed events are recorded under it. */
  name: string;
  types: EventType[];
  handle: (event: DomainEvent, sql: import('../db/db.js').Sql) => Promise<void>;
}

/** A broadcast listener: every instance hears every event, best effort (live screens, caches). */
export type EventListener = (event: DomainEvent) => void;
