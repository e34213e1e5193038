import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditRequest, canSeeRegion, maskName, problems, RegionCode, regionScope, requireRegion, Strict } from '../../core/index.js';
import type { SupervisionContext } from './supervision.settings.js';

const Id = Type.String({ pattern: '^[A-Za-z0-9._:-]{1,64}$' });
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'local time HH:MM (UTC+5)' });
const Lat = Type.Number({ minimum: 40.5, maximum: 55.5 });
const Lon = Type.Number({ minimum: 46.4, maximum: 87.4 });
const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 2 });
const Ring = Type.Array(Position, { minItems: 4, maxItems: 5000 });
const PolygonGeometry = Type.Union([
  Strict({ type: Type.Literal('Polygon'), coordinates: Type.Array(Ring, { minItems: 1, maxItems: 50 }) }),
  Strict({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Type.Array(Ring, { minItems: 1, maxItems: 50 }), { minItems: 1, maxItems: 100 }) }),
]);

/** Probation persons and their conditions, restricted zones, and public-order rules. */
export async function configurationRoutes(app: FastifyInstance, platform: SupervisionContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;

  api.post('/api/supervision/probation', {
    config: { permission: 'supervision.probation' },
    schema: {
      tags: ['supervision'],
      summary: 'Register a person on probation with the court’s conditions (curfew at home, places to keep away from, allowed area, check-ins)',
      body: Strict({
        id: Id,
        fullName: Type.String({ minLength: 2, maxLength: 200 }),
        iin: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
        birthDate: Type.Optional(Type.String({ format: 'date' })),
        region: RegionCode,
        braceletId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
        home: Type.Optional(Strict({ lat: Lat, lon: Lon, radiusM: Type.Optional(Type.Integer({ minimum: 20, maximum: 5000 })) })),
        curfew: Type.Optional(Strict({ from: Time, to: Time })),
        allowedRegions: Type.Array(RegionCode, { minItems: 1, maxItems: 20, uniqueItems: true }),
        checkinEveryDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
        silenceMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 1440 })),
        exclusions: Type.Optional(Type.Array(Strict({
          kind: Type.Unsafe<'victim_address' | 'school' | 'other'>({ type: 'string', enum: ['victim_address', 'school', 'other'] }),
          label: Type.String({ minLength: 2, maxLength: 200 }),
          lat: Lat,
          lon: Lon,
          radiusM: Type.Integer({ minimum: 20, maximum: 10_000 }),
        }), { maxItems: 20 })),
      }),
    },
  }, async (request, reply) => {
    const body = request.body;
    requireRegion(request.actor!, body.region);
    if (body.curfew && !body.home) throw problems.validation('a curfew needs a home', [{ field: 'body/home', message: 'required with curfew' }]);
    await db.tx(async (sql) => {
      const inserted = await sql.query(
        `insert into probation_persons (id, full_name, iin, birth_date, region, bracelet_id, home_lat, home_lon, home_radius_m, curfew_from, curfew_to, allowed_regions, checkin_every_days, silence_minutes)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) on conflict do nothing returning id`,
        [body.id, body.fullName, body.iin ?? null, body.birthDate ?? null, body.region, body.braceletId ?? null, body.home?.lat ?? null, body.home?.lon ?? null,
          body.home?.radiusM ?? 150, body.curfew?.from ?? null, body.curfew?.to ?? null, body.allowedRegions, body.checkinEveryDays ?? null, body.silenceMinutes ?? 30],
      );
      if (inserted.length === 0) {
        // Someone outside the caller's regions holds this id: answered as an unknown person is, never confirmed.
        const [held] = await sql.query<{ region: string }>('select region from probation_persons where id = $1', [body.id]);
        if (!held) throw problems.conflict(`bracelet ${body.braceletId ?? ''} is worn by another person on probation`);
        if (!canSeeRegion(request.actor!, held.region)) throw problems.notFound(`probation person ${body.id}`);
        throw problems.conflict(`probation person ${body.id} exists`);
      }
      for (const place of body.exclusions ?? []) {
        await sql.query('insert into probation_exclusions (id, person_id, kind, label, lat, lon, radius_m) values ($1, $2, $3, $4, $5, $6, $7)', [randomUUID(), body.id, place.kind, place.label, place.lat, place.lon, place.radiusM]);
      }
      await auditRequest(sql, request, { action: 'supervision.probationRegistered', subjectType: 'probationer', subjectId: body.id, region: body.region, outcome: 'success', details: { bracelet: Boolean(body.braceletId), exclusions: body.exclusions?.length ?? 0 } });
    });
    return reply.code(201).send({ id: body.id, label: maskName(body.fullName) });
  });

  api.get('/api/supervision/probation', {
    config: { permission: 'supervision.read' },
    schema: { tags: ['supervision'], summary: 'People on probation in your regions (masked), with bracelet health and recent violations' },
  }, async (request) => {
    const rows = await db.query<{ id: string; full_name: string; region: string; bracelet_id: string | null; last_ping_at: Date | null; silent_alerted_at: Date | null; violations: number }>(
      `select p.id, p.full_name, p.region, p.bracelet_id, p.last_ping_at, p.silent_alerted_at,
         (select count(*)::int from supervision_hits h where h.subject_id = p.id and h.rule like 'probation_%' and h.created_at > now() - interval '30 days') as violations
       from probation_persons p where p.status = 'active' and ($1::text[] is null or p.region = any($1)) order by p.id`,
      [regionScope(request.actor!)],
    );
    return { items: rows.map((row) => ({ id: row.id, label: maskName(row.full_name), region: row.region, bracelet: row.bracelet_id !== null, lastPingAt: row.last_ping_at ? new Date(row.last_ping_at).toISOString() : null, braceletSilent: row.silent_alerted_at !== null, violations30d: row.violations })) };
  });

  api.post('/api/supervision/zones', {
    config: { permission: 'supervision.configure' },
    schema: {
      tags: ['supervision'],
      summary: 'Define a restricted zone (illegal mining, protected land, border strip) with the activities forbidden in it',
      body: Strict({
        id: Id,
        name: Type.String({ minLength: 2, maxLength: 200 }),
        kind: Type.Unsafe<'illegal_mining' | 'protected_land' | 'border_strip' | 'other'>({ type: 'string', enum: ['illegal_mining', 'protected_land', 'border_strip', 'other'] }),
        region: RegionCode,
        geometry: PolygonGeometry,
        forbiddenActivities: Type.Array(Type.String({ pattern: '^[a-z_]{2,40}$' }), { minItems: 1, maxItems: 20, uniqueItems: true }),
      }),
    },
  }, async (request, reply) => {
    const body = request.body;
    requireRegion(request.actor!, body.region);
    await db.tx(async (sql) => {
      const inserted = await sql.query(
        `insert into restricted_zones (id, name, kind, region, geometry, forbidden_activities) values ($1, $2, $3, $4, $5, $6) on conflict (id) do nothing returning id`,
        [body.id, body.name, body.kind, body.region, JSON.stringify(body.geometry), body.forbiddenActivities],
      );
      if (inserted.length === 0) throw problems.conflict(`zone ${body.id} exists`);
      await auditRequest(sql, request, { action: 'supervision.zoneDefined', subjectType: 'zone', subjectId: body.id, region: body.region, outcome: 'success', details: { kind: body.kind } });
    });
    return reply.code(201).send({ id: body.id });
  });

  api.get('/api/supervision/zones', {
    config: { permission: 'supervision.read' },
    schema: { tags: ['supervision'], summary: 'Restricted zones in your regions with their incursions in the last 30 days' },
  }, async (request) => {
    const rows = await db.query<{ id: string; name: string; kind: string; region: string; geometry: unknown; forbidden_activities: string[]; incursions: number }>(
      `select z.*, (select count(*)::int from supervision_hits h where h.subject_id = z.id and h.rule = 'zone_incursion' and h.created_at > now() - interval '30 days') as incursions
       from restricted_zones z where z.active and ($1::text[] is null or z.region = any($1)) order by z.id`,
      [regionScope(request.actor!)],
    );
    return { items: rows.map((row) => ({ id: row.id, name: row.name, kind: row.kind, region: row.region, geometry: row.geometry, forbiddenActivities: row.forbidden_activities, incursions30d: row.incursions })) };
  });

  api.post('/api/supervision/public-order-rules', {
    config: { permission: 'supervision.configure' },
    schema: {
      tags: ['supervision'],
      summary: 'Watch a place for fights or crowds during set hours',
      body: Strict({
        id: Id,
        name: Type.String({ minLength: 2, maxLength: 200 }),
        region: RegionCode,
        lat: Lat,
        lon: Lon,
        radiusM: Type.Integer({ minimum: 20, maximum: 5000 }),
        activities: Type.Array(Type.Unsafe<'fight' | 'crowd'>({ type: 'string', enum: ['fight', 'crowd'] }), { minItems: 1, maxItems: 2, uniqueItems: true }),
        from: Time,
        to: Time,
        minConfidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
        minCrowd: Type.Optional(Type.Integer({ minimum: 2, maximum: 100_000 })),
      }),
    },
  }, async (request, reply) => {
    const body = request.body;
    requireRegion(request.actor!, body.region);
    await db.tx(async (sql) => {
      const inserted = await sql.query(
        `insert into public_order_rules (id, name, region, lat, lon, radius_m, activities, from_time, to_time, min_confidence, min_crowd)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict (id) do nothing returning id`,
        [body.id, body.name, body.region, body.lat, body.lon, body.radiusM, body.activities, body.from, body.to, body.minConfidence ?? 0.6, body.minCrowd ?? 50],
      );
      if (inserted.length === 0) throw problems.conflict(`rule ${body.id} exists`);
      await auditRequest(sql, request, { action: 'supervision.ruleDefined', subjectType: 'public_order_rule', subjectId: body.id, region: body.region, outcome: 'success' });
    });
    return reply.code(201).send({ id: body.id });
  });
}
