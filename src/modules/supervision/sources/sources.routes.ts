import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  actorOf,
  agencyExists,
  auditRequest,
  canSeeRegion,
  present,
  ProblemSchema,
  problems,
  regionScope,
  requireRegion,
  withProblems,
} from '../../../core/index.js';
import type { SupervisionContext } from '../supervision.settings.js';
import { issueSourceCredential, type IssuedCredential } from './device-access.js';
import {
  CredentialIssuedSchema,
  SourceAnswerSchema,
  SourceListSchema,
  SourceRegisteredSchema,
  type DeviceCredential,
} from './sources.contract.js';
import {
  findSourceState,
  insertSource,
  listSources,
  presentSource,
  setSourceActive,
} from './sources.repository.js';
import { RegisterSourceBody, SourceActiveBody, SourceParams } from './sources.schema.js';

/** The source registry: cameras, drones, bracelets, state database feeds and patrol apps, their health and device logins. */
export async function sourceRoutes(app: FastifyInstance, platform: SupervisionContext): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;

  // The device's MQTT login, shown once: the platform keeps only its hash.
  const withBroker = (credential: IssuedCredential): DeviceCredential => ({
    ...credential,
    topic: `${platform.settings.topicPrefix}/${credential.username}`,
  });

  api.get(
    '/api/supervision/sources',
    {
      config: { permission: 'supervision.read' },
      schema: {
        tags: ['supervision'],
        summary: 'Connected sources in your regions with their health and false-match rate',
        response: withProblems({ 200: SourceListSchema }),
      },
    },
    async (request) => ({
      items: (await listSources(db, regionScope(actorOf(request)))).map((row) => presentSource(row)),
    }),
  );

  api.post(
    '/api/supervision/sources',
    {
      config: { permission: 'supervision.configure' },
      schema: {
        tags: ['supervision'],
        summary: 'Register a source (camera, drone, bracelet, state database feed, patrol app)',
        body: RegisterSourceBody,
        response: withProblems({ 201: SourceRegisteredSchema, 409: ProblemSchema }),
      },
    },
    async (request, reply) => {
      requireRegion(actorOf(request), request.body.region);
      if (!(await agencyExists(db, request.body.agencyId))) {
        throw problems.validation(`unknown agency ${request.body.agencyId}`, [
          { field: 'body/agencyId', message: 'unknown agency' },
        ]);
      }
      const { created, credential } = await db.tx(async (sql) => {
        const row = await insertSource(sql, request.body);
        if (!row) throw problems.conflict(`source ${request.body.id} exists`);
        const issued = present(
          await issueSourceCredential(sql, row.id),
          `the credential of source ${row.id}`,
        );
        await auditRequest(sql, request, {
          action: 'supervision.sourceRegistered',
          subjectType: 'source',
          subjectId: row.id,
          region: row.region,
          outcome: 'success',
          details: { kind: row.kind, agencyId: row.agency_id },
        });
        return { created: { ...row, credential_issued_at: new Date(issued.issuedAt) }, credential: issued };
      });
      return reply.code(201).send({
        source: presentSource({ ...created, last_hour: 0, outcomes: 0, false_matches: 0, flight: null }),
        credential: withBroker(credential),
      });
    },
  );

  api.post(
    '/api/supervision/sources/:id/credential',
    {
      config: { permission: 'supervision.configure' },
      schema: {
        tags: ['supervision'],
        summary:
          'Issue a new device password for a source (shown once); the old one stops working and its connections are closed',
        params: SourceParams,
        response: withProblems({ 200: CredentialIssuedSchema }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const credential = await db.tx(async (sql) => {
        const source = await findSourceState(sql, request.params.id);
        if (!source || !canSeeRegion(actor, source.region))
          throw problems.notFound(`source ${request.params.id}`);
        const issued = present(
          await issueSourceCredential(sql, request.params.id),
          `the credential of source ${request.params.id}`,
        );
        await auditRequest(sql, request, {
          action: 'supervision.sourceCredentialIssued',
          subjectType: 'source',
          subjectId: request.params.id,
          region: source.region,
          outcome: 'success',
        });
        return issued;
      });
      (await platform.devices()).disconnect?.(request.params.id);
      return { credential: withBroker(credential) };
    },
  );

  api.patch(
    '/api/supervision/sources/:id',
    {
      config: { permission: 'supervision.configure' },
      schema: {
        tags: ['supervision'],
        summary:
          'Put a source out of service (its messages are refused and its connections closed) or back in',
        params: SourceParams,
        body: SourceActiveBody,
        response: withProblems({ 200: SourceAnswerSchema }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await db.tx(async (sql) => {
        const updated = await setSourceActive(
          sql,
          regionScope(actor),
          request.params.id,
          request.body.active,
        );
        if (!updated) throw problems.notFound(`source ${request.params.id}`);
        await auditRequest(sql, request, {
          action: request.body.active ? 'supervision.sourceActivated' : 'supervision.sourceDeactivated',
          subjectType: 'source',
          subjectId: updated.id,
          region: updated.region,
          outcome: 'success',
        });
        return updated;
      });
      if (!row.active) (await platform.devices()).disconnect?.(row.id);
      const [listed] = (await listSources(db, [row.region])).filter((source) => source.id === row.id);
      return { source: presentSource(present(listed, `source ${row.id}`)) };
    },
  );
}
