import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditRequest, canSeeRegion, IdParams, problems, regionScope, Strict } from '../../../core/index.js';
import type { SupervisionContext } from '../supervision.settings.js';
import { endFlight, insertFlight, listFlights, overlapping, presentFlight } from './flights.repository.js';

const MAX_FLIGHT_HOURS = 24;

/** Drone flights: filed before (or as) the drone goes up, with a stated purpose; ended when it lands. */
export async function flightRoutes(app: FastifyInstance, platform: SupervisionContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;

  api.get('/api/supervision/flights', {
    config: { permission: 'supervision.read' },
    schema: {
      tags: ['supervision'],
      summary: 'Drone flights in your regions: purpose, operator, times, and what each drone sent and how much of it hit',
      querystring: Strict({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })), droneId: Type.Optional(Type.String({ maxLength: 64 })) }),
    },
  }, async (request) => {
    const now = new Date();
    const rows = await listFlights(db, regionScope(request.actor!), { days: request.query.days ?? 30, droneId: request.query.droneId, now });
    return { items: rows.map((row) => presentFlight(row, now)) };
  });

  api.post('/api/supervision/flights', {
    config: { permission: 'supervision.flights' },
    schema: {
      tags: ['supervision'],
      summary: 'File a drone flight: which drone, why, who flies it, over which zone, and when (at most 24 hours)',
      body: Strict({
        droneId: Type.String({ minLength: 2, maxLength: 64 }),
        purpose: Type.String({ minLength: 10, maxLength: 500, description: 'the mission, e.g. "Patrol of the Zhezkazgan illegal-mining area, order 14/2026"' }),
        operator: Type.String({ minLength: 2, maxLength: 200, description: 'the unit or pilot flying it' }),
        zoneId: Type.Optional(Type.String({ maxLength: 64 })),
        plannedStart: Type.String({ format: 'date-time' }),
        plannedEnd: Type.String({ format: 'date-time' }),
      }),
    },
  }, async (request, reply) => {
    const body = request.body;
    const start = new Date(body.plannedStart);
    const end = new Date(body.plannedEnd);
    if (end <= start) throw problems.validation('a flight ends after it starts', [{ field: 'body/plannedEnd', message: 'must be after plannedStart' }]);
    if (end.getTime() - start.getTime() > MAX_FLIGHT_HOURS * 3_600_000) throw problems.validation(`a flight lasts at most ${String(MAX_FLIGHT_HOURS)} hours`, [{ field: 'body/plannedEnd', message: 'too long' }]);
    if (end <= new Date()) throw problems.validation('a flight is filed before it ends', [{ field: 'body/plannedEnd', message: 'must be in the future' }]);
    const flight = await db.tx(async (sql) => {
      const [drone] = await sql.query<{ kind: string; region: string; active: boolean }>('select kind, region, active from supervision_sources where id = $1', [body.droneId]);
      if (!drone || !canSeeRegion(request.actor!, drone.region)) throw problems.validation(`unknown drone ${body.droneId}`, [{ field: 'body/droneId', message: 'unknown' }]);
      if (drone.kind !== 'drone') throw problems.validation(`${body.droneId} is a ${drone.kind}, not a drone`, [{ field: 'body/droneId', message: 'not a drone' }]);
      if (!drone.active) throw problems.validation(`${body.droneId} is out of service`, [{ field: 'body/droneId', message: 'out of service' }]);
      if (body.zoneId && (await sql.query('select 1 from restricted_zones where id = $1', [body.zoneId])).length === 0) {
        throw problems.validation(`unknown zone ${body.zoneId}`, [{ field: 'body/zoneId', message: 'unknown' }]);
      }
      const clash = await overlapping(sql, body.droneId, start, end);
      if (clash) throw problems.conflict(`${body.droneId} is already filed to fly ${new Date(clash.planned_start).toISOString()} – ${new Date(clash.planned_end).toISOString()}`);
      const created = await insertFlight(sql, { ...body, plannedStart: start, plannedEnd: end, registeredBy: request.actor!.name });
      await auditRequest(sql, request, { action: 'supervision.flightFiled', subjectType: 'flight', subjectId: created.id, region: drone.region, outcome: 'success', purpose: body.purpose, details: { droneId: body.droneId, zoneId: body.zoneId ?? null } });
      return { ...created, region: drone.region };
    });
    return reply.code(201).send({ flight: presentFlight(flight) });
  });

  api.post('/api/supervision/flights/:id/end', {
    config: { permission: 'supervision.flights' },
    schema: {
      tags: ['supervision'],
      summary: 'Record that a flight ended: landed, cancelled (before it started) or lost; its tally is kept',
      params: IdParams,
      body: Strict({ reason: Type.Unsafe<'landed' | 'cancelled' | 'lost'>({ type: 'string', enum: ['landed', 'cancelled', 'lost'] }) }),
    },
  }, async (request) => {
    const flight = await db.tx(async (sql) => {
      const [found] = await sql.query<{ region: string; ended_at: Date | null; planned_start: Date }>(
        'select s.region, f.ended_at, f.planned_start from drone_flights f join supervision_sources s on s.id = f.drone_id where f.id = $1', [request.params.id]);
      if (!found || !canSeeRegion(request.actor!, found.region)) throw problems.notFound(`flight ${request.params.id}`);
      if (found.ended_at) throw problems.invalidTransition('the flight has ended already');
      // A cancelled flight counts as never flown; one that has started lands or is lost.
      const started = new Date(found.planned_start) <= new Date();
      if (started && request.body.reason === 'cancelled') throw problems.invalidTransition('the flight has started: it ends as landed or lost');
      if (!started && request.body.reason !== 'cancelled') throw problems.invalidTransition('the flight has not started: it can only be cancelled');
      const ended = (await endFlight(sql, request.params.id, request.body.reason, new Date()))!;
      await auditRequest(sql, request, { action: 'supervision.flightEnded', subjectType: 'flight', subjectId: ended.id, region: found.region, outcome: 'success', details: { reason: ended.end_reason } });
      return { ...ended, region: found.region };
    });
    return { flight: presentFlight(flight) };
  });
}
