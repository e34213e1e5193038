import type { Sql } from '../db/db.js';

/**
 * The catalogue of domain events. Modules add theirs by declaration merging:
 * `declare module '../../core/events/events.types.js' { interface DomainEvents { 'appeals.screened': {...} } }`
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEvents {}

export type EventType = Extract<keyof DomainEvents, string>;

/**
 * An event as relayed: a union discriminated by `type`, so that testing `event.type` narrows `event.payload` and
 * nobody casts a payload.
 */
export type DomainEvent<T extends EventType = EventType> = {
  [K in T]: { id: string; type: K; payload: DomainEvents[K]; occurredAt: string };
}[T];

/** A durable consumer: each event is handled once per consumer name, inside a transaction. */
export interface EventHandler<T extends EventType = EventType> {
  /** Stable name; processed events are recorded under it. */
  name: string;
  types: readonly T[];
  // A method, so that a handler of some types is a handler (the bus only ever hands it those types).
  handle(event: DomainEvent<T>, sql: Sql): Promise<void>;
}

/** Declares a handler of the given event types; its `handle` receives their union, already narrowed. */
export function defineHandler<T extends EventType>(handler: EventHandler<T>): EventHandler {
  return handler;
}

/** A broadcast listener: every instance hears every event, best effort (live screens, caches). */
export type EventListener = (event: DomainEvent) => void;
