import { Type, type Static } from 'typebox';

/** What the drone-flight routes answer. Imports typebox only. */
export const flightStatuses = ['planned', 'in_flight', 'ended', 'cancelled'] as const;
export const endReasons = ['landed', 'cancelled', 'lost', 'planned_end'] as const;
/** How a person may end a flight; `planned_end` is the platform's, when the planned end passes. */
export const flightEnds = ['landed', 'cancelled', 'lost'] as const;

const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Moment = Type.String({ format: 'date-time' });

export type FlightStatus = (typeof flightStatuses)[number];
export type EndReason = (typeof endReasons)[number];
export type FlightEnd = (typeof flightEnds)[number];

export const FlightSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  droneId: Type.String(),
  droneName: Nullable(Type.String()),
  region: Nullable(Type.String()),
  purpose: Type.String(),
  operator: Type.String(),
  zoneId: Nullable(Type.String()),
  plannedStart: Moment,
  plannedEnd: Moment,
  endedAt: Nullable(Moment),
  endReason: Nullable(oneOf(endReasons)),
  status: oneOf(flightStatuses),
  observations: Type.Integer({ description: 'what the drone sent during the flight' }),
  hits: Type.Integer({ description: 'how many of those observations hit' }),
  registeredBy: Type.String(),
});
export type Flight = Static<typeof FlightSchema>;

export const FlightListSchema = Type.Object({ items: Type.Array(FlightSchema) });
export type FlightList = Static<typeof FlightListSchema>;

export const FlightAnswerSchema = Type.Object({ flight: FlightSchema });
export type FlightAnswer = Static<typeof FlightAnswerSchema>;
