import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  actorOf,
  auditRequest,
  canSeeRegion,
  IdParams,
  present,
  ProblemSchema,
  problems,
  regionScope,
  withProblems,
} from '../../../core/index.js';
import type { SupervisionContext } from '../supervision.settings.js';
import { findSourceState } from '../sources/sources.repository.js';
import { zoneExists } from '../zones/zones.repository.js';
import { FlightAnswerSchema, FlightListSchema } from './flights.contract.js';
import {
  endFlight,
  findFlightToEnd,
  insertFlight,
  listFlights,
  overlapping,
  presentFlight,
} from './flights.repository.js';
import { EndFlightBody, FlightBody, FlightsQuery } from './flights.schema.js';

const MAX_FLIGHT_HOURS = 24;

/** Drone flights: filed before (or as) the drone goes up, with a stated purpose; ended when it lands. */
export async function flightRoutes(app: FastifyInstance, platform: SupervisionContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;

  api.get(
    '/api/supervision/flights',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags: ['supervision'],
        summary:
          'Drone flights in your regions: purpose, operator, times, and what each drone sent and how much of it hit',
        querystring: FlightsQuery,
        response: withProblems({ 200: FlightListSchema }),
      },
    },
    async (request) => {
      const now = new Date();
      const rows = await listFlights(db, regionScope(actorOf(request)), {
        days: request.query.days ?? 30,
        droneId: request.query.droneId,
        now,
      });
      return { items: rows.map((row) => presentFlight(row, now)) };
    },
  );

  api.post(
    '/api/supervision/flights',
    {
      config: { permission: 'supervision.flights' },
      schema: {
        tags: ['supervision'],
        summary:
          'File a drone flight: which drone, why, who flies it, over which zone, and when (at most 24 hours)',
        body: FlightBody,
        response: withProblems({ 201: FlightAnswerSchema, 409: ProblemSchema }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const body = request.body;
      const start = new Date(body.plannedStart);
      const end = new Date(body.plannedEnd);
      if (end <= start)
        throw problems.validation('a flight ends after it starts', [
          { field: 'body/plannedEnd', message: 'must be after plannedStart' },
        ]);
      if (end.getTime() - start.getTime() > MAX_FLIGHT_HOURS * 3_600_000)
        throw problems.validation(`a flight lasts at most ${String(MAX_FLIGHT_HOURS)} hours`, [
          { field: 'body/plannedEnd', message: 'too long' },
        ]);
      if (end <= new Date())
        throw problems.validation('a flight is filed before it ends', [
          { field: 'body/plannedEnd', message: 'must be in the future' },
        ]);
      const flight = await db.tx(async (sql) => {
        const drone = await findSourceState(sql, body.droneId);
        if (!drone || !canSeeRegion(actor, drone.region))
          throw problems.validation(`unknown drone ${body.droneId}`, [
            { field: 'body/droneId', message: 'unknown' },
          ]);
        if (drone.kind !== 'drone')
          throw problems.validation(`${body.droneId} is a ${drone.kind}, not a drone`, [
            { field: 'body/droneId', message: 'not a drone' },
          ]);
        if (!drone.active)
          throw problems.validation(`${body.droneId} is out of service`, [
            { field: 'body/droneId', message: 'out of service' },
          ]);
        if (body.zoneId && !(await zoneExists(sql, body.zoneId))) {
          throw problems.validation(`unknown zone ${body.zoneId}`, [
            { field: 'body/zoneId', message: 'unknown' },
          ]);
        }
        const clash = await overlapping(sql, body.droneId, start, end);
        if (clash)
          throw problems.conflict(
            `${body.droneId} is already filed to fly ${new Date(clash.planned_start).toISOString()} – ${new Date(clash.planned_end).toISOString()}`,
          );
        const created = await insertFlight(sql, {
          ...body,
          plannedStart: start,
          plannedEnd: end,
          registeredBy: actor.name,
        });
        await auditRequest(sql, request, {
          action: 'supervision.flightFiled',
          subjectType: 'flight',
          subjectId: created.id,
          region: drone.region,
          outcome: 'success',
          purpose: body.purpose,
          details: { droneId: body.droneId, zoneId: body.zoneId ?? null },
        });
        return { ...created, region: drone.region };
      });
      return reply.code(201).send({ flight: presentFlight(flight) });
    },
  );

  api.post(
    '/api/supervision/flights/:id/end',
    {
      config: { permission: 'supervision.flights' },
      schema: {
        tags: ['supervision'],
        summary:
          'Record that a flight ended: landed, cancelled (before it started) or lost; its tally is kept',
        params: IdParams,
        body: EndFlightBody,
        response: withProblems({ 200: FlightAnswerSchema, 409: ProblemSchema }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const flight = await db.tx(async (sql) => {
        const found = await findFlightToEnd(sql, request.params.id);
        if (!found || !canSeeRegion(actor, found.region))
          throw problems.notFound(`flight ${request.params.id}`);
        if (found.ended_at) throw problems.invalidTransition('the flight has ended already');
        // A cancelled flight counts as never flown; one that has started lands or is lost.
        const started = new Date(found.planned_start) <= new Date();
        if (started && request.body.reason === 'cancelled')
          throw problems.invalidTransition('the flight has started: it ends as landed or lost');
        if (!started && request.body.reason !== 'cancelled')
          throw problems.invalidTransition('the flight has not started: it can only be cancelled');
        const ended = present(
          await endFlight(sql, request.params.id, request.body.reason, new Date()),
          `flight ${request.params.id} as ended`,
        );
        await auditRequest(sql, request, {
          action: 'supervision.flightEnded',
          subjectType: 'flight',
          subjectId: ended.id,
          region: found.region,
          outcome: 'success',
          details: { reason: ended.end_reason },
        });
        return { ...ended, region: found.region };
      });
      return { flight: presentFlight(flight) };
    },
  );
}
