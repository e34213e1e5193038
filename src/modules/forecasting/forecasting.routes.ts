import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  actorOf,
  auditRequest,
  IdParams,
  type Platform,
  problems,
  regionScope,
  withProblems,
} from '../../core/index.js';
import { dynamicsOf } from './analysis/dynamics.js';
import { forecastSlice, type ForecastCache } from './analysis/slice-forecast.js';
import { findAnomaly, listAnomalies } from './anomalies/anomalies.repository.js';
import { listDecisions, presentAnomaly, recordDecision } from './anomalies/decisions.service.js';
import {
  AnomalyDetailSchema,
  AnomaliesViewSchema,
  CatalogueSchema,
  DecisionLogViewSchema,
  DecisionRecordedSchema,
  DeparturesViewSchema,
  DynamicsViewSchema,
  ForecastViewSchema,
  MapViewSchema,
  type AnomalyDetail,
  type AnomaliesView,
  type DecisionLogView,
  type DecisionRecorded,
  type DynamicsView,
} from './forecasting.contract.js';
import {
  AnomaliesQuery,
  DecisionBody,
  DecisionsQuery,
  DeparturesQuery,
  ForecastQuery,
  MapQuery,
  SliceQuery,
} from './forecasting.schema.js';
import {
  catalogueView,
  departures,
  forecastCsv,
  forecastView,
  horizonFor,
  regionMap,
} from './forecasting.service.js';
import { sliceFrom } from './series/slice.js';

export async function forecastingRoutes(
  app: FastifyInstance,
  platform: Platform,
  cache: ForecastCache,
): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db, bus } = platform;

  api.get(
    '/api/forecasting/catalogue',
    {
      config: { permission: 'forecasting.read' },
      schema: {
        tags: ['forecasting'],
        summary:
          'Areas (regions with districts and population) and categories (chapters with articles), and the data range',
        response: withProblems({ 200: CatalogueSchema }),
      },
    },
    () => catalogueView(db),
  );

  api.get(
    '/api/forecasting/dynamics',
    {
      config: { permission: 'forecasting.read' },
      schema: {
        tags: ['forecasting'],
        summary:
          'Counts, rates per 10,000, month-on-month and year-on-year change and shares for a slice, with its history and the next level down',
        querystring: SliceQuery,
        response: withProblems({ 200: DynamicsViewSchema }),
      },
    },
    (request): Promise<DynamicsView> => dynamicsOf(db, sliceFrom(request.query)),
  );

  api.get(
    '/api/forecasting/forecast',
    {
      config: { permission: 'forecasting.read' },
      schema: {
        tags: ['forecasting'],
        summary:
          'Forecast of a slice with 80 % and 95 % intervals, reconciled with the levels above; says which model won and why',
        querystring: ForecastQuery,
        response: withProblems({ 200: ForecastViewSchema }),
      },
    },
    (request) => {
      const slice = sliceFrom(request.query);
      return forecastView(db, actorOf(request), slice, horizonFor(slice, request.query.horizon), cache);
    },
  );

  api.get(
    '/api/forecasting/export.csv',
    {
      config: { permission: 'forecasting.read' },
      schema: {
        tags: ['forecasting'],
        summary: 'The slice’s history and forecast as CSV',
        querystring: ForecastQuery,
      },
    },
    async (request, reply) => {
      const slice = sliceFrom(request.query);
      const { file, body } = forecastCsv(
        slice,
        await forecastSlice(db, slice, horizonFor(slice, request.query.horizon), cache),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file}"`)
        .send(body);
    },
  );

  api.get(
    '/api/forecasting/map',
    {
      config: { permission: 'forecasting.read' },
      schema: {
        tags: ['forecasting'],
        summary:
          'Per region for one period and category: count, rate per 10,000, year-on-year change and anomaly score',
        querystring: MapQuery,
        response: withProblems({ 200: MapViewSchema }),
      },
    },
    (request) => {
      const chapter = request.query.chapter ?? null;
      if (chapter) sliceFrom({ chapter });
      return regionMap(db, request.query.frequency ?? 'monthly', chapter, request.query.period);
    },
  );

  api.get(
    '/api/forecasting/departures',
    {
      config: { permission: 'forecasting.read' },
      schema: {
        tags: ['forecasting'],
        summary: 'The biggest departures from expectation in a period, over the watched series',
        querystring: DeparturesQuery,
        response: withProblems({ 200: DeparturesViewSchema }),
      },
    },
    (request) =>
      departures(
        db,
        actorOf(request),
        request.query.frequency ?? 'monthly',
        request.query.period,
        request.query.limit ?? 20,
      ),
  );

  api.get(
    '/api/forecasting/anomalies',
    {
      config: { permission: 'forecasting.read' },
      schema: {
        tags: ['forecasting'],
        summary: 'Detected anomalies in your regions, newest first',
        querystring: AnomaliesQuery,
        response: withProblems({ 200: AnomaliesViewSchema }),
      },
    },
    async (request): Promise<AnomaliesView> => ({
      items: (
        await listAnomalies(db, regionScope(actorOf(request)), {
          limit: request.query.limit ?? 50,
          frequency: request.query.frequency,
        })
      ).map(presentAnomaly),
    }),
  );

  api.get(
    '/api/forecasting/anomalies/:id',
    {
      config: { permission: 'forecasting.read' },
      schema: {
        tags: ['forecasting'],
        summary: 'One anomaly with its evidence and the decisions taken',
        params: IdParams,
        response: withProblems({ 200: AnomalyDetailSchema }),
      },
    },
    async (request): Promise<AnomalyDetail> => {
      const scope = regionScope(actorOf(request));
      const row = await findAnomaly(db, scope, request.params.id);
      if (!row) throw problems.notFound(`anomaly ${request.params.id}`);
      return {
        anomaly: presentAnomaly(row),
        decisions: await listDecisions(db, scope, { anomalyId: row.id, limit: 100 }),
      };
    },
  );

  api.post(
    '/api/forecasting/anomalies/:id/decisions',
    {
      config: { permission: 'forecasting.decide' },
      schema: {
        tags: ['forecasting'],
        summary:
          'Record what was done about an anomaly; the forecast standing at that moment is kept to judge the effect later',
        params: IdParams,
        body: DecisionBody,
        response: withProblems({ 201: DecisionRecordedSchema }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await bus.tx(async (sql) => {
        const row = await findAnomaly(sql, regionScope(actor), request.params.id);
        if (!row) throw problems.notFound(`anomaly ${request.params.id}`);
        const decision = await recordDecision(sql, actor, row, request.body.action, request.body.note);
        await auditRequest(sql, request, {
          action: 'forecasting.decided',
          subjectType: 'forecast_anomaly',
          subjectId: row.id,
          region: row.region === 'KZ' ? null : row.region,
          outcome: 'success',
          details: { action: request.body.action, decisionId: decision },
        });
        return decision;
      });
      const decision = (
        await listDecisions(db, regionScope(actor), { anomalyId: request.params.id, limit: 100 })
      ).find((item) => item.id === id);
      if (!decision) throw new Error(`decision ${id} was recorded but is not in the log`);
      const answer: DecisionRecorded = { decision };
      return reply.code(201).send(answer);
    },
  );

  api.get(
    '/api/forecasting/decisions',
    {
      config: { permission: 'forecasting.read' },
      schema: {
        tags: ['forecasting'],
        summary:
          'The decision log: what was done about each anomaly, and the counts since against the forecast at the time',
        querystring: DecisionsQuery,
        response: withProblems({ 200: DecisionLogViewSchema }),
      },
    },
    async (request): Promise<DecisionLogView> => ({
      items: await listDecisions(db, regionScope(actorOf(request)), { limit: request.query.limit ?? 100 }),
    }),
  );
}
