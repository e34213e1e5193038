import { Type } from 'typebox';
import { Strict } from '../../../core/index.js';
import { flightEnds, type FlightEnd } from './flights.contract.js';

/** The request schemas of drone flights. */

export const FlightsQuery = Strict({
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  droneId: Type.Optional(Type.String({ maxLength: 64 })),
});

export const FlightBody = Strict({
  droneId: Type.String({ minLength: 2, maxLength: 64 }),
  purpose: Type.String({
    minLength: 10,
    maxLength: 500,
    description: 'the mission, e.g. "Patrol of the Zhezkazgan illegal-mining area, order 14/2026"',
  }),
  operator: Type.String({ minLength: 2, maxLength: 200, description: 'the unit or pilot flying it' }),
  zoneId: Type.Optional(Type.String({ maxLength: 64 })),
  plannedStart: Type.String({ format: 'date-time' }),
  plannedEnd: Type.String({ format: 'date-time' }),
});

export const EndFlightBody = Strict({
  reason: Type.Unsafe<FlightEnd>({ type: 'string', enum: [...flightEnds] }),
});
