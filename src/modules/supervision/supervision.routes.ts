import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditRequest, canSeeRegion, IdParams, maskIin, maskName, problems, RegionCode, regionScope, requireRegion, Strict } from '../../core/index.js';
import type { SupervisionContext } from './supervision.settings.js';
import { recentAlertLocations, supervisionMeasures } from './measures.js';
import { acceptObservations, isDataError } from './observations/observations.service.js';
import { searchObservations } from './observations/observation-search.js';
import type { ObservationPipeline } from './pipeline/observation-pipeline.js';
import { insertSource, listSources, presentSource, setSourceActive, sourceKinds, type SourceKind } from './sources/sources.repository.js';
import { issueSourceCredential } from './sources/device-access.js';
import { closeEntry, createEntry, listEntries, presentEntry, recordOutcome, outcomes, type Outcome } from './watchlists/watchlist.service.js';

const SourceId = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{1,63}$', description: 'e.g. cam-almaty-0042' });

export async function supervisionRoutes(app: FastifyInstance, platform: SupervisionContext, pipeline: ObservationPipeline): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db, bus } = platform;

  // The device's MQTT login, shown once: the platform keeps only its hash.
  const withBroker = (credential: { username: string; password: string; issuedAt: string }) => ({
    ...credential,
    topic: `${platform.settings.topicPrefix}/${credential.username}`,
  });

  api.post('/api/observations', {
    config: { permission: 'observations.ingest' },
    schema: {
      tags: ['supervision'],
      summary: 'Take in up to 1,000 observations of one source; idempotent on (source, externalId); bad ones go to the dead-letter table with the reason',
      body: Strict({ source: SourceId, observations: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 1000 }) }),
    },
  }, async (request) => {
    const actor = request.actor!;
    const [source] = await db.query<{ region: string }>('select region from supervision_sources where id = $1', [request.body.source]);
    if (source && !canSeeRegion(actor, source.region)) throw problems.regionForbidden(source.region);
    const result = await db.tx(async (sql) => {
      const accepted = await acceptObservations(sql, 'http', request.body.source, request.body.observations);
      // One entry per batch, not per observation: who sent how many for which source.
      await auditRequest(sql, request, {
        action: 'observations.ingested',
        subjectType: 'source',
        subjectId: request.body.source,
        region: source?.region,
        outcome: 'success',
        details: { accepted: accepted.accepted, duplicates: accepted.duplicates, rejected: accepted.rejected.length },
      });
      return accepted;
    }).catch((error: unknown) => {
      // Text the schema allows but the database cannot hold (a lone surrogate in an attribute): the batch is refused whole.
      if (isDataError(error)) throw problems.validation(`an observation holds data the database cannot store (${(error as Error).message}); nothing was stored`);
      throw error;
    });
    if (result.accepted) pipeline.kick();
    return result;
  });

  api.get('/api/supervision/measures', {
    config: { permission: 'supervision.read' },
    schema: { tags: ['supervision'], summary: 'Wanted-list size over time and share closed through the system; hits, violations and incursions by week; false matches by rule', querystring: Strict({ days: Type.Optional(Type.Integer({ minimum: 7, maximum: 730 })) }) },
  }, async (request) => supervisionMeasures(db, regionScope(request.actor!), request.query.days ?? 90));

  api.get('/api/supervision/live', {
    config: { permission: 'supervision.read' },
    schema: { tags: ['supervision'], summary: 'Alerts of the last hours with their locations, and the sources, for the live map', querystring: Strict({ hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 168 })) }) },
  }, async (request) => {
    const scope = regionScope(request.actor!);
    const alerts = await recentAlertLocations(db, scope, request.query.hours ?? 24);
    return {
      alerts: alerts.map((row) => ({
        id: row.id, kind: row.kind, severity: row.severity, status: row.status, region: row.region, subjectId: row.subject_id, label: row.subject_label,
        location: row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon }, createdAt: new Date(row.created_at).toISOString(),
        outcome: row.outcome, outcomeAt: row.outcome_at ? new Date(row.outcome_at).toISOString() : null,
      })),
      sources: (await listSources(db, scope)).map((row) => presentSource(row)),
    };
  });

  api.post('/api/supervision/observations/search', {
    config: { permission: 'supervision.search' },
    schema: {
      tags: ['supervision'],
      summary: 'Search stored observations for a person or vehicle; requires a stated purpose, and the search is audited',
      body: Strict({
        purpose: Type.String({ minLength: 10, maxLength: 500, description: 'why, e.g. the case or warrant number' }),
        iin: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
        name: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
        birthDate: Type.Optional(Type.String({ format: 'date' })),
        plate: Type.Optional(Type.String({ minLength: 2, maxLength: 16 })),
        from: Type.Optional(Type.String({ format: 'date-time' })),
        to: Type.Optional(Type.String({ format: 'date-time' })),
      }),
    },
  }, async (request) => {
    const { purpose, ...query } = request.body;
    if (!query.iin && !query.name && !query.plate) throw problems.validation('search for an IIN, a name or a plate', [{ field: 'body/iin', message: 'one of iin, name, plate is required' }]);
    return db.tx(async (sql) => {
      const result = await searchObservations(sql, regionScope(request.actor!), query);
      // The log records who looked for whom and why; what was searched for is masked, like everywhere else.
      await auditRequest(sql, request, {
        action: 'supervision.observationsSearched', subjectType: 'observation_search', outcome: 'success', purpose,
        details: { iin: query.iin ? maskIin(query.iin) : null, name: query.name ? maskName(query.name) : null, plate: query.plate ?? null, found: result.items.length },
      });
      return result;
    });
  });

  api.get('/api/supervision/sources', {
    config: { permission: 'supervision.read' },
    schema: { tags: ['supervision'], summary: 'Connected sources in your regions with their health and false-match rate' },
  }, async (request) => ({ items: (await listSources(db, regionScope(request.actor!))).map((row) => presentSource(row)) }));

  api.post('/api/supervision/sources', {
    config: { permission: 'supervision.configure' },
    schema: {
      tags: ['supervision'],
      summary: 'Register a source (camera, drone, bracelet, state database feed, patrol app)',
      body: Strict({
        id: SourceId,
        kind: Type.Unsafe<SourceKind>({ type: 'string', enum: [...sourceKinds] }),
        name: Type.String({ minLength: 2, maxLength: 200 }),
        agencyId: Type.String({ minLength: 1, maxLength: 64 }),
        region: RegionCode,
        location: Type.Optional(Strict({ lat: Type.Number({ minimum: 40.5, maximum: 55.5 }), lon: Type.Number({ minimum: 46.4, maximum: 87.4 }) })),
        directionDeg: Type.Optional(Type.Number({ minimum: 0, maximum: 360 })),
        expectedEverySeconds: Type.Optional(Type.Integer({ minimum: 10, maximum: 7 * 86_400 })),
      }),
    },
  }, async (request, reply) => {
    requireRegion(request.actor!, request.body.region);
    if ((await db.query('select 1 from agencies where id = $1', [request.body.agencyId])).length === 0) {
      throw problems.validation(`unknown agency ${request.body.agencyId}`, [{ field: 'body/agencyId', message: 'unknown agency' }]);
    }
    const { created, credential } = await db.tx(async (sql) => {
      const row = await insertSource(sql, request.body);
      if (!row) throw problems.conflict(`source ${request.body.id} exists`);
      const issued = (await issueSourceCredential(sql, row.id))!;
      await auditRequest(sql, request, { action: 'supervision.sourceRegistered', subjectType: 'source', subjectId: row.id, region: row.region, outcome: 'success', details: { kind: row.kind, agencyId: row.agency_id } });
      return { created: { ...row, credential_issued_at: new Date(issued.issuedAt) }, credential: issued };
    });
    return reply.code(201).send({ source: presentSource({ ...created, last_hour: 0, outcomes: 0, false_matches: 0, flight: null }), credential: withBroker(credential) });
  });

  api.post('/api/supervision/sources/:id/credential', {
    config: { permission: 'supervision.configure' },
    schema: {
      tags: ['supervision'],
      summary: 'Issue a new device password for a source (shown once); the old one stops working and its connections are closed',
      params: Strict({ id: SourceId }),
    },
  }, async (request) => {
    const credential = await db.tx(async (sql) => {
      const [source] = await sql.query<{ region: string }>('select region from supervision_sources where id = $1', [request.params.id]);
      if (!source || !canSeeRegion(request.actor!, source.region)) throw problems.notFound(`source ${request.params.id}`);
      const issued = (await issueSourceCredential(sql, request.params.id))!;
      await auditRequest(sql, request, { action: 'supervision.sourceCredentialIssued', subjectType: 'source', subjectId: request.params.id, region: source.region, outcome: 'success' });
      return issued;
    });
    (await platform.devices()).disconnect?.(request.params.id);
    return { credential: withBroker(credential) };
  });

  api.patch('/api/supervision/sources/:id', {
    config: { permission: 'supervision.configure' },
    schema: {
      tags: ['supervision'],
      summary: 'Put a source out of service (its messages are refused and its connections closed) or back in',
      params: Strict({ id: SourceId }),
      body: Strict({ active: Type.Boolean() }),
    },
  }, async (request) => {
    const row = await db.tx(async (sql) => {
      const updated = await setSourceActive(sql, regionScope(request.actor!), request.params.id, request.body.active);
      if (!updated) throw problems.notFound(`source ${request.params.id}`);
      await auditRequest(sql, request, { action: request.body.active ? 'supervision.sourceActivated' : 'supervision.sourceDeactivated', subjectType: 'source', subjectId: updated.id, region: updated.region, outcome: 'success' });
      return updated;
    });
    if (!row.active) (await platform.devices()).disconnect?.(row.id);
    const [listed] = (await listSources(db, [row.region])).filter((source) => source.id === row.id);
    return { source: presentSource(listed!) };
  });

  api.get('/api/supervision/watchlist', {
    config: { permission: 'supervision.read' },
    schema: {
      tags: ['supervision'],
      summary: 'Watchlist entries in your regions, personal data masked',
      querystring: Strict({ status: Type.Optional(Type.Unsafe<'active' | 'closed'>({ type: 'string', enum: ['active', 'closed'] })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
    },
  }, async (request) => ({ items: (await listEntries(db, regionScope(request.actor!), request.query.status ?? 'active', request.query.limit ?? 100)).map(presentEntry) }));

  api.post('/api/supervision/watchlist', {
    config: { permission: 'supervision.watchlist' },
    schema: {
      tags: ['supervision'],
      summary: 'Put a wanted person or vehicle on the watchlist (the wanted-persons register’s feed, or an officer)',
      body: Strict({
        id: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._:-]{1,64}$' })),
        kind: Type.Unsafe<'person' | 'vehicle'>({ type: 'string', enum: ['person', 'vehicle'] }),
        iin: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
        fullName: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
        birthDate: Type.Optional(Type.String({ format: 'date' })),
        plate: Type.Optional(Type.String({ minLength: 2, maxLength: 16 })),
        warrantBasis: Type.String({ minLength: 3, maxLength: 300 }),
        issuingAgency: Type.String({ minLength: 2, maxLength: 200 }),
        dangerLevel: Type.Unsafe<'low' | 'medium' | 'high'>({ type: 'string', enum: ['low', 'medium', 'high'] }),
        region: RegionCode,
      }),
    },
  }, async (request, reply) => {
    const body = request.body;
    requireRegion(request.actor!, body.region);
    if (body.kind === 'person' && !body.fullName && !body.iin) throw problems.validation('a person needs a name or an IIN', [{ field: 'body/fullName', message: 'required without iin' }]);
    if (body.kind === 'vehicle' && !body.plate) throw problems.validation('a vehicle needs a plate', [{ field: 'body/plate', message: 'required' }]);
    const entry = await db.tx(async (sql) => {
      const created = await createEntry(sql, { ...body, id: body.id ?? `W-${randomUUID().slice(0, 8)}` });
      await auditRequest(sql, request, { action: 'supervision.watchlistAdded', subjectType: 'watchlist_entry', subjectId: created.id, region: body.region, outcome: 'success', details: { kind: body.kind, dangerLevel: body.dangerLevel } });
      return created;
    });
    return reply.code(201).send({ entry: presentEntry(entry) });
  });

  api.post('/api/supervision/watchlist/:id/close', {
    config: { permission: 'supervision.watchlist' },
    schema: {
      tags: ['supervision'],
      summary: 'Close a watchlist entry (detained, cancelled, found elsewhere)',
      params: Strict({ id: Type.String({ maxLength: 64 }) }),
      body: Strict({ reason: Type.Unsafe<'detained' | 'cancelled' | 'found_elsewhere'>({ type: 'string', enum: ['detained', 'cancelled', 'found_elsewhere'] }) }),
    },
  }, async (request) => {
    const entry = await db.tx(async (sql) => {
      const closed = await closeEntry(sql, regionScope(request.actor!), request.params.id, request.body.reason, false);
      if (!closed) throw problems.notFound(`watchlist entry ${request.params.id}`);
      await auditRequest(sql, request, { action: 'supervision.watchlistClosed', subjectType: 'watchlist_entry', subjectId: closed.id, region: closed.region, outcome: 'success', details: { reason: request.body.reason } });
      return closed;
    });
    return { entry: presentEntry(entry) };
  });

  api.post('/api/supervision/alerts/:id/outcome', {
    config: { permission: 'supervision.dispatch' },
    schema: {
      tags: ['supervision'],
      summary: 'Record what the dispatched officers found: detained, not found, or a false match (feeds the source’s false-match rate)',
      params: IdParams,
      body: Strict({ outcome: Type.Unsafe<Outcome>({ type: 'string', enum: [...outcomes] }), note: Type.Optional(Type.String({ maxLength: 1000 })) }),
    },
  }, async (request) => {
    const actor = request.actor!;
    const result = await bus.tx(async (sql) => {
      const recorded = await recordOutcome(sql, regionScope(actor), request.params.id, request.body.outcome, request.body.note ?? null, actor.name);
      if (!recorded) throw problems.notFound(`supervision alert ${request.params.id}`);
      await auditRequest(sql, request, { action: 'supervision.outcome', subjectType: 'alert', subjectId: request.params.id, region: recorded.region, outcome: 'success', details: { outcome: request.body.outcome, hits: recorded.hits, closedEntry: recorded.closedEntry } });
      return recorded;
    });
    return result;
  });
}
