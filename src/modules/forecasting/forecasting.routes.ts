import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { type Actor, auditRequest, canSeeRegion, csvField, IdParams, Period, type Platform, problems, RegionCode, regions, regionScope, Strict } from '../../core/index.js';
import { dynamicsOf } from './analysis/dynamics.js';
import { forecastSlice, type ForecastCache } from './analysis/slice-forecast.js';
import { decisionActions, findAnomaly, listAnomalies, listDecisions, presentAnomaly, recordDecision, type DecisionAction } from './anomalies/decisions.js';
import { articles, chapters, criminalCodeSource, districtsOf } from './catalogue/catalogue.js';
import { isComplete, nextPeriod, periodOf, seasonLength, type Frequency } from './engine/periods.js';
import { dataRange } from './series/counts.repository.js';
import { describe, parseSeriesKey, sliceFrom, type Slice } from './series/slice.js';

const FrequencySchema = Type.Unsafe<Frequency>({ type: 'string', enum: ['monthly', 'weekly'], default: 'monthly' });
const PeriodSchema = Period();
const sliceQuery = {
  frequency: Type.Optional(FrequencySchema),
  region: Type.Optional(RegionCode),
  district: Type.Optional(Type.String({ pattern: '^(KZ-[0-9]{2}-[0-9]{2}|none)$', description: 'district code, or none for records without one' })),
  chapter: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
  article: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}(-[0-9]{1,2})?$' })),
};
const HorizonSchema = Type.Optional(Type.Integer({ minimum: 1, maximum: 26, description: '1–24 months or 1–26 weeks (default 12)' }));
const measures = ['rate', 'change', 'anomaly'] as const;

/**
 * Counts and forecasts are for everyone with the permission, but an anomaly's alert and record follow region scope:
 * outside the user's regions the figures stay and the links go, as the inbox would answer 404.
 */
function visibleAlert(actor: Actor, anomalyId: string | null, alertId: string | null, alertRegion: string | null) {
  const visible = alertRegion !== null && canSeeRegion(actor, alertRegion);
  return { anomalyId: visible ? anomalyId : null, alertId: visible ? alertId : null };
}

function horizonFor(slice: Slice, horizon: number | undefined): number {
  const h = horizon ?? 12;
  if (slice.frequency === 'monthly' && h > 24) throw problems.validation('monthly forecasts go up to 24 months ahead', [{ field: 'querystring/horizon', message: 'must be at most 24 for monthly series' }]);
  return h;
}

/** The latest complete period of a frequency, or the requested one. */
async function periodFor(platform: Platform, frequency: Frequency, requested: string | undefined): Promise<string | null> {
  if (requested) return requested;
  const range = await dataRange(platform.db, frequency);
  if (!range) return null;
  let period = range.last;
  while (!isComplete(period, frequency, new Date()) && period > range.first) period = nextPeriod(period, frequency, -1);
  return period;
}

export async function forecastingRoutes(app: FastifyInstance, platform: Platform, cache: ForecastCache): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db, bus } = platform;

  api.get('/api/forecasting/catalogue', {
    config: { permission: 'forecasting.read' },
    schema: { tags: ['forecasting'], summary: 'Areas (regions with districts and population) and categories (chapters with articles), and the data range' },
  }, async () => ({
    regions: regions.map((region) => ({ code: region.code, name: region.name, population: region.population, districts: districtsOf(region.code).map(({ code, name, population }) => ({ code, name, population })) })),
    chapters: chapters.map((chapter) => ({ ...chapter, articles: articles.filter((article) => article.chapter === chapter.code).map(({ code, name, short }) => ({ code, name, short })) })),
    ranges: { monthly: (await dataRange(db, 'monthly')) ?? null, weekly: (await dataRange(db, 'weekly')) ?? null },
    currentPeriod: { monthly: periodOf(new Date(), 'monthly'), weekly: periodOf(new Date(), 'weekly') },
    source: criminalCodeSource,
    note: 'Registered offences, not all crime: reporting and registration practice move the counts too.',
  }));

  api.get('/api/forecasting/dynamics', {
    config: { permission: 'forecasting.read' },
    schema: { tags: ['forecasting'], summary: 'Counts, rates per 10,000, month-on-month and year-on-year change and shares for a slice, with its history and the next level down', querystring: Strict(sliceQuery) },
  }, async (request) => dynamicsOf(db, sliceFrom(request.query)));

  api.get('/api/forecasting/forecast', {
    config: { permission: 'forecasting.read' },
    schema: { tags: ['forecasting'], summary: 'Forecast of a slice with 80 % and 95 % intervals, reconciled with the levels above; says which model won and why', querystring: Strict({ ...sliceQuery, horizon: HorizonSchema }) },
  }, async (request) => {
    const slice = sliceFrom(request.query);
    const view = await forecastSlice(db, slice, horizonFor(slice, request.query.horizon), cache);
    const flagged = await listAnomalies(db, null, { limit: 100, seriesKey: view.slice.key, frequency: slice.frequency });
    return {
      ...view,
      flagged: flagged.map((row) => ({
        id: row.id, period: row.period, kind: row.kind, direction: row.direction, observed: row.observed, expected: row.expected, lo95: row.lo95, hi95: row.hi95,
        alertId: visibleAlert(request.actor!, row.id, row.alert_id, row.alert_region).alertId,
      })),
    };
  });

  api.get('/api/forecasting/export.csv', {
    config: { permission: 'forecasting.read' },
    schema: { tags: ['forecasting'], summary: 'The slice’s history and forecast as CSV', querystring: Strict({ ...sliceQuery, horizon: HorizonSchema }) },
  }, async (request, reply) => {
    const slice = sliceFrom(request.query);
    const view = await forecastSlice(db, slice, horizonFor(slice, request.query.horizon), cache);
    const lines = ['series,period,kind,count,mean,lo80,hi80,lo95,hi95,model'];
    const name = describe(slice);
    for (const point of view.history) lines.push([name, point.period, 'observed', String(point.count), '', '', '', '', '', ''].map(csvField).join(','));
    if (view.partial) lines.push([name, view.partial.period, 'partial', String(view.partial.count), '', '', '', '', '', ''].map(csvField).join(','));
    for (const point of view.forecast) lines.push([name, point.period, 'forecast', '', ...[point.mean, point.lo80, point.hi80, point.lo95, point.hi95].map((value) => value.toFixed(2)), view.model].map(csvField).join(','));
    const file = `offences-${view.slice.key.replaceAll('|', '_').replaceAll('*', 'all')}-${slice.frequency}.csv`;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`).send(`${lines.join('\n')}\n`);
  });

  api.get('/api/forecasting/map', {
    config: { permission: 'forecasting.read' },
    schema: {
      tags: ['forecasting'],
      summary: 'Per region for one period and category: count, rate per 10,000, year-on-year change and anomaly score',
      querystring: Strict({ frequency: Type.Optional(FrequencySchema), chapter: sliceQuery.chapter, period: Type.Optional(PeriodSchema) }),
    },
  }, async (request) => {
    const frequency = request.query.frequency ?? 'monthly';
    const chapter = request.query.chapter ?? null;
    if (chapter) sliceFrom({ chapter });
    const period = await periodFor(platform, frequency, request.query.period);
    if (!period) return { period: null, frequency, chapter, regions: [] };
    const yearAgo = nextPeriod(period, frequency, -seasonLength(frequency));
    const counts = await db.query<{ region: string; period: string; count: number }>(
      `select region, period, sum(count)::int as count from offence_counts where frequency = $1 and period in ($2, $3) and ($4::text is null or chapter = $4) group by region, period`,
      [frequency, period, yearAgo, chapter],
    );
    const scores = await db.query<{ region: string; score: number; expected: number; lo95: number; hi95: number }>(
      `select region, score, expected, lo95, hi95 from forecast_expectations where frequency = $1 and period = $2 and district = '' and article = '' and chapter = $3 and region <> 'KZ'`,
      [frequency, period, chapter ?? ''],
    );
    const count = (region: string, at: string) => counts.find((row) => row.region === region && row.period === at)?.count ?? 0;
    return {
      period,
      frequency,
      chapter,
      measures,
      regions: regions.map((region) => {
        const now = count(region.code, period);
        const before = count(region.code, yearAgo);
        const score = scores.find((row) => row.region === region.code);
        return {
          code: region.code, name: region.name, count: now, rate: Math.round((now / region.population) * 10_000 * 1000) / 1000,
          yearOnYear: before > 0 ? Math.round(((now - before) / before) * 1000) / 10 : null,
          anomalyScore: score ? Math.round(score.score * 100) / 100 : null,
          expected: score ? Math.round(score.expected * 10) / 10 : null,
        };
      }),
    };
  });

  api.get('/api/forecasting/departures', {
    config: { permission: 'forecasting.read' },
    schema: {
      tags: ['forecasting'],
      summary: 'The biggest departures from expectation in a period, over the watched series',
      querystring: Strict({ frequency: Type.Optional(FrequencySchema), period: Type.Optional(PeriodSchema), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
    },
  }, async (request) => {
    const frequency = request.query.frequency ?? 'monthly';
    const period = await periodFor(platform, frequency, request.query.period);
    if (!period) return { period: null, frequency, items: [] };
    const rows = await db.query<{ series_key: string; observed: number; expected: number; lo80: number; hi80: number; lo95: number; hi95: number; score: number; model: string; complete: boolean; anomaly_id: string | null; alert_id: string | null; alert_region: string | null }>(
      `select e.*, a.id as anomaly_id, a.alert_id, a.alert_region from forecast_expectations e
       left join lateral (select f.id, f.alert_id, al.region as alert_region from forecast_anomalies f left join alerts al on al.id = f.alert_id
         where f.series_key = e.series_key and f.frequency = e.frequency and f.period = e.period order by f.kind limit 1) a on true
       where e.frequency = $1 and e.period = $2 and greatest(e.observed, e.expected) >= 10 order by abs(e.score) desc limit $3`,
      [frequency, period, request.query.limit ?? 20],
    );
    return {
      period,
      frequency,
      items: rows.map((row) => {
        const slice = parseSeriesKey(row.series_key, frequency);
        return {
          seriesKey: row.series_key, slice, label: describe(slice), observed: row.observed, expected: row.expected, lo80: row.lo80, hi80: row.hi80,
          lo95: row.lo95, hi95: row.hi95, score: row.score, model: row.model, complete: row.complete,
          outside95: row.observed > row.hi95 || (row.complete && row.observed < row.lo95), ...visibleAlert(request.actor!, row.anomaly_id, row.alert_id, row.alert_region),
        };
      }),
    };
  });

  api.get('/api/forecasting/anomalies', {
    config: { permission: 'forecasting.read' },
    schema: { tags: ['forecasting'], summary: 'Detected anomalies in your regions, newest first', querystring: Strict({ frequency: Type.Optional(FrequencySchema), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }) },
  }, async (request) => ({ items: (await listAnomalies(db, regionScope(request.actor!), { limit: request.query.limit ?? 50, frequency: request.query.frequency })).map(presentAnomaly) }));

  api.get('/api/forecasting/anomalies/:id', {
    config: { permission: 'forecasting.read' },
    schema: { tags: ['forecasting'], summary: 'One anomaly with its evidence and the decisions taken', params: IdParams },
  }, async (request) => {
    const scope = regionScope(request.actor!);
    const row = await findAnomaly(db, scope, request.params.id);
    if (!row) throw problems.notFound(`anomaly ${request.params.id}`);
    return { anomaly: presentAnomaly(row), decisions: await listDecisions(db, scope, { anomalyId: row.id, limit: 100 }) };
  });

  api.post('/api/forecasting/anomalies/:id/decisions', {
    config: { permission: 'forecasting.decide' },
    schema: {
      tags: ['forecasting'],
      summary: 'Record what was done about an anomaly; the forecast standing at that moment is kept to judge the effect later',
      params: IdParams,
      body: Strict({
        action: Type.Unsafe<DecisionAction>({ type: 'string', enum: [...decisionActions] }),
        note: Type.String({ minLength: 3, maxLength: 2000 }),
      }),
    },
  }, async (request, reply) => {
    const actor = request.actor!;
    const id = await bus.tx(async (sql) => {
      const row = await findAnomaly(sql, regionScope(actor), request.params.id);
      if (!row) throw problems.notFound(`anomaly ${request.params.id}`);
      const decision = await recordDecision(sql, actor, row, request.body.action, request.body.note);
      await auditRequest(sql, request, { action: 'forecasting.decided', subjectType: 'forecast_anomaly', subjectId: row.id, region: row.region === 'KZ' ? null : row.region, outcome: 'success', details: { action: request.body.action, decisionId: decision } });
      return decision;
    });
    const [decision] = (await listDecisions(db, regionScope(actor), { anomalyId: request.params.id, limit: 100 })).filter((item) => item.id === id);
    return reply.code(201).send({ decision });
  });

  api.get('/api/forecasting/decisions', {
    config: { permission: 'forecasting.read' },
    schema: { tags: ['forecasting'], summary: 'The decision log: what was done about each anomaly, and the counts since against the forecast at the time', querystring: Strict({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }) },
  }, async (request) => ({ items: await listDecisions(db, regionScope(request.actor!), { limit: request.query.limit ?? 100 }) }));
}
