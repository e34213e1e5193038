import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { regionScope, requireRegion, systemActor } from '../auth/actor.js';
import { actorOf } from '../http/access.js';
import { problems } from '../http/problems.js';
import { IdParams, RegionCode, Strict, withProblems } from '../http/schemas.js';
import {
  AlertDetailSchema,
  AlertPageSchema,
  AlertSummarySchema,
  AlertViewSchema,
  RaiseResultSchema,
  RevealedSubjectSchema,
} from './alerts.contract.js';
import type { Platform } from '../platform.js';
import type { AlertStream } from './alert-stream.js';
import { alertActions, type AlertAction } from './alert-lifecycle.js';
import {
  alertComments,
  alertHistory,
  findAlert,
  listAlerts,
  summarizeOpenAlerts,
} from './alerts.repository.js';
import { commentOnAlert, raiseAlert, revealSubject, transitionAlert } from './alerts.service.js';
import { alertStatuses, severities } from './alerts.types.js';

const literalUnion = (values: readonly string[]) => Type.Union(values.map((value) => Type.Literal(value)));
const Severity = literalUnion(severities);
const Status = literalUnion(alertStatuses);

const ListQuery = Strict({
  status: Type.Optional(Type.Array(Status, { maxItems: 6 })),
  severity: Type.Optional(Type.Array(Severity, { maxItems: 4 })),
  module: Type.Optional(Type.String({ maxLength: 40 })),
  region: Type.Optional(RegionCode),
  assignee: Type.Optional(Type.Literal('me')),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

const RaiseBody = Strict({
  module: Type.String({ pattern: '^[a-z][a-z0-9_-]{1,39}$' }),
  kind: Type.String({ pattern: '^[a-z][a-z0-9_.-]{1,59}$' }),
  severity: Severity,
  region: RegionCode,
  subject: Strict({
    type: Type.String({ minLength: 1, maxLength: 40 }),
    id: Type.String({ minLength: 1, maxLength: 120 }),
    label: Type.String({ minLength: 1, maxLength: 200 }),
    personal: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 500 }))),
  }),
  title: Type.String({ minLength: 3, maxLength: 200 }),
  summary: Type.String({ minLength: 3, maxLength: 4000 }),
  evidence: Type.Record(Type.String(), Type.Unknown()),
  dedupeKey: Type.Optional(Type.String({ maxLength: 200 })),
  dedupeWindowMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 10080 })),
});

const encodeCursor = (createdAt: string, id: string) =>
  Buffer.from(`${createdAt}|${id}`).toString('base64url');
function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt = '', id = ''] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/.test(id))
    throw problems.validation('invalid cursor', [{ field: 'querystring/cursor', message: 'is invalid' }]);
  return { createdAt, id };
}

const actionBodies: Record<AlertAction, { path: string; body: ReturnType<typeof Strict>; note?: string }> = {
  acknowledge: { path: 'acknowledge', body: Strict({}) },
  assign: { path: 'assign', body: Strict({ assigneeId: Type.String({ format: 'uuid' }) }) },
  resolve: {
    path: 'resolve',
    body: Strict({ outcome: Type.String({ minLength: 3, maxLength: 2000 }) }),
    note: 'outcome',
  },
  false_positive: {
    path: 'false-positive',
    body: Strict({ outcome: Type.String({ minLength: 3, maxLength: 2000 }) }),
    note: 'outcome',
  },
  escalate: {
    path: 'escalate',
    body: Strict({ reason: Type.String({ minLength: 3, maxLength: 2000 }) }),
    note: 'reason',
  },
};

export async function alertRoutes(
  app: FastifyInstance,
  platform: Omit<Platform, 'log'>,
  stream: AlertStream,
): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db, bus } = platform;

  api.get(
    '/api/alerts',
    {
      config: { permission: 'alerts.read' },
      schema: {
        tags: ['alerts'],
        summary: 'The alert inbox, newest first, within your regions',
        querystring: ListQuery,
        response: withProblems({ 200: AlertPageSchema }),
      },
    },
    async (request) => {
      const { query } = request;
      const actor = actorOf(request);
      if (query.region) requireRegion(actor, query.region);
      const limit = query.limit ?? 50;
      const items = await listAlerts(db, regionScope(actor), {
        status: query.status,
        severity: query.severity,
        module: query.module,
        region: query.region,
        assigneeId: query.assignee === 'me' ? actor.id : undefined,
        text: query.q,
        before: query.cursor ? decodeCursor(query.cursor) : undefined,
        limit,
      });
      const last = items[items.length - 1];
      return {
        items,
        nextCursor: items.length === limit && last ? encodeCursor(last.createdAt, last.id) : null,
      };
    },
  );

  api.get(
    '/api/alerts/summary',
    {
      config: { permission: 'alerts.read' },
      schema: {
        tags: ['alerts'],
        summary: 'Open alerts counted by region, severity, module and status',
        response: withProblems({ 200: AlertSummarySchema }),
      },
    },
    (request) => summarizeOpenAlerts(db, regionScope(actorOf(request))),
  );

  api.get(
    '/api/alerts/stream',
    {
      config: { permission: 'alerts.read', stream: true },
      schema: {
        tags: ['alerts'],
        summary: 'Live alerts as Server-Sent Events (alert.created, alert.updated)',
      },
    },
    (request, reply) => {
      const actor = actorOf(request);
      reply.hijack();
      stream.attach(actor, reply.raw);
    },
  );

  api.get(
    '/api/alerts/:id',
    {
      config: { permission: 'alerts.read' },
      schema: {
        tags: ['alerts'],
        summary: 'One alert with its history and comments',
        params: IdParams,
        response: withProblems({ 200: AlertDetailSchema }),
      },
    },
    async (request) => {
      const alert = await findAlert(db, regionScope(actorOf(request)), request.params.id);
      if (!alert) throw problems.notFound(`alert ${request.params.id}`);
      return {
        ...alert,
        history: await alertHistory(db, alert.id),
        comments: await alertComments(db, alert.id),
      };
    },
  );

  api.post(
    '/api/alerts',
    {
      config: { permission: 'alerts.create' },
      schema: {
        tags: ['alerts'],
        summary: 'Raise an alert (integrations); deduplicated by dedupeKey',
        body: RaiseBody,
        response: withProblems({ 200: RaiseResultSchema, 201: RaiseResultSchema }),
      },
    },
    async (request, reply) => {
      const result = await bus.tx((sql) =>
        raiseAlert(sql, request.actor ?? systemActor, request.body, request.id),
      );
      return reply.code(result.deduplicated ? 200 : 201).send(result);
    },
  );

  for (const action of alertActions) {
    const { path, body, note } = actionBodies[action];
    api.post(
      `/api/alerts/:id/${path}`,
      {
        config: { permission: 'alerts.act' },
        schema: {
          tags: ['alerts'],
          summary: `Alert lifecycle: ${action.replace('_', ' ')}`,
          params: IdParams,
          body,
          response: withProblems({ 200: AlertViewSchema }),
        },
      },
      async (request) => {
        const fields = request.body as Record<string, string | undefined>;
        return bus.tx((sql) =>
          transitionAlert(
            sql,
            actorOf(request),
            request.params.id,
            {
              action,
              assigneeId: fields['assigneeId'],
              note: note ? fields[note] : undefined,
              assignableRoles: platform.permissions.assignableRoles(),
            },
            request.id,
          ),
        );
      },
    );
  }

  api.post(
    '/api/alerts/:id/comments',
    {
      config: { permission: 'alerts.act' },
      schema: {
        tags: ['alerts'],
        summary: 'Comment on an alert',
        params: IdParams,
        body: Strict({ body: Type.String({ minLength: 1, maxLength: 4000 }) }),
        response: withProblems({ 201: AlertViewSchema }),
      },
    },
    async (request, reply) => {
      const alert = await bus.tx((sql) =>
        commentOnAlert(sql, actorOf(request), request.params.id, request.body.body, request.id),
      );
      return reply.code(201).send(alert);
    },
  );

  api.post(
    '/api/alerts/:id/reveal',
    {
      config: { permission: 'alerts.reveal' },
      schema: {
        tags: ['alerts'],
        summary: 'Reveal the personal data behind an alert’s subject; the stated purpose is audited',
        params: IdParams,
        body: Strict({ purpose: Type.String({ minLength: 10, maxLength: 500 }) }),
        response: withProblems({ 200: RevealedSubjectSchema }),
      },
    },
    async (request) => {
      const subject = await db.tx((sql) =>
        revealSubject(sql, actorOf(request), request.params.id, request.body.purpose.trim(), request.id),
      );
      return { subject };
    },
  );
}
