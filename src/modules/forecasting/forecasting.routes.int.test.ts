import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  insertSubscription,
  startTestPlatform,
  type TestPlatform,
  waitFor,
} from '../../core/testing/index.js';
import { nextPeriod, periodOf } from './engine/periods.js';
import { forecastingModule } from './module.js';

const today = new Date().toISOString().slice(0, 10);
const thisMonth = periodOf(new Date(), 'monthly');
const lastMonth = nextPeriod(thisMonth, 'monthly', -1);

/** Five years of monthly totals with a season and a little noise: enough history for every model. */
function history(base: number, seed: number) {
  let state = seed;
  const noise = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31 - 0.5) * 0.1;
  const rows: { period: string; count: number }[] = [];
  let period = nextPeriod(thisMonth, 'monthly', -60);
  for (let i = 0; i < 60; i++, period = nextPeriod(period, 'monthly')) {
    const month = Number(period.slice(5, 7));
    rows.push({
      period,
      count: Math.round(base * (1 + 0.15 * Math.sin((2 * Math.PI * month) / 12)) * (1 + noise())),
    });
  }
  return rows;
}

const record = (id: string, overrides: Record<string, unknown> = {}) => ({
  recordId: id,
  registeredOn: today,
  region: 'KZ-75',
  district: 'KZ-75-04',
  article: '190',
  ...overrides,
});

describe('forecasting API', () => {
  let qg: TestPlatform;
  let key: string;
  const post = (url: string, payload: unknown, auth = key) =>
    qg.request(null, {
      method: 'POST',
      url,
      payload: payload as object,
      headers: { authorization: `Bearer ${auth}` },
    });
  const get = (as: string, url: string) => qg.request(as, { method: 'GET', url });

  before(async () => {
    qg = await startTestPlatform({ modules: [forecastingModule] });
    key = await qg.apiKey(['offences.ingest']);
    const counts = [
      ...history(300, 1).map((row) => ({ region: 'KZ-75', chapter: '06', ...row })),
      ...history(120, 2).map((row) => ({ region: 'KZ-71', chapter: '06', ...row })),
      ...history(40, 3).map((row) => ({ region: 'KZ-75', chapter: '11', ...row })),
    ];
    const response = await post('/api/offences/counts', { source: 'fixture-1m', counts });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json<{ stored: number }>().stored, counts.length);
  });
  after(() => qg.stop());

  test('records are idempotent on their id, each counted once, bad ones rejected with reasons', async () => {
    const batch = [
      record('R-1'),
      record('R-2', { article: '188' }),
      record('R-1'),
      record('R-3', { article: '999' }),
      record('R-4', { district: 'KZ-71-01' }),
    ];
    const first = (await post('/api/offences', { records: batch })).json<{
      created: number;
      duplicates: number;
      rejected: number;
      errors: { index: number; errors: { field: string }[] }[];
    }>();
    assert.deepEqual([first.created, first.duplicates, first.rejected], [2, 1, 2]);
    assert.deepEqual(
      first.errors.map((error) => [error.index, error.errors[0]!.field]),
      [
        [3, '/article'],
        [4, '/district'],
      ],
    );
    const again = (await post('/api/offences', { records: batch.slice(0, 3) })).json<{
      created: number;
      duplicates: number;
    }>();
    assert.deepEqual([again.created, again.duplicates], [0, 3]);
    const [counted] = await qg.db.query<{ monthly: number; weekly: number }>(
      `select sum(count) filter (where frequency = 'monthly')::int as monthly, sum(count) filter (where frequency = 'weekly')::int as weekly
       from offence_counts where source = 'records' and article in ('188', '190') and region = 'KZ-75'`,
    );
    assert.deepEqual(counted, { monthly: 2, weekly: 2 });
  });

  test('a malformed batch is a problem+json and changes nothing; a person without the permission is refused', async () => {
    const before = await qg.db.query<{ n: number }>('select count(*)::int as n from offence_records');
    const malformed = await post('/api/offences', { rows: [] });
    assert.equal(malformed.statusCode, 400);
    assert.match(malformed.headers['content-type'] as string, /application\/problem\+json/);
    const refused = await qg.request('analyst.almaty', {
      method: 'POST',
      url: '/api/offences',
      payload: { records: [record('R-9')] },
    });
    assert.equal(refused.statusCode, 403);
    assert.deepEqual(await qg.db.query('select count(*)::int as n from offence_records'), before);
  });

  test('a connector limited to one region cannot send another region’s records', async () => {
    const almatyOnly = await qg.apiKey(['offences.ingest'], ['KZ-75']);
    const result = (
      await post(
        '/api/offences',
        { records: [record('R-10', { region: 'KZ-71', district: undefined })] },
        almatyOnly,
      )
    ).json<{ created: number; errors: { errors: { field: string; message: string }[] }[] }>();
    assert.equal(result.created, 0);
    assert.equal(result.errors[0]!.errors[0]!.field, '/region');
  });

  test('a re-sent published total replaces the earlier one', async () => {
    const period = nextPeriod(thisMonth, 'monthly', -30);
    await post('/api/offences/counts', {
      source: 'fixture-1m',
      counts: [{ region: 'KZ-71', chapter: '11', period, count: 7 }],
    });
    await post('/api/offences/counts', {
      source: 'fixture-1m',
      counts: [{ region: 'KZ-71', chapter: '11', period, count: 9 }],
    });
    const [row] = await qg.db.query<{ count: number }>(
      `select sum(count)::int as count from offence_counts where region = 'KZ-71' and chapter = '11' and period = $1`,
      [period],
    );
    assert.equal(row!.count, 9);
  });

  test('dynamics give counts, rates per 10,000, changes and shares for a slice and its children', async () => {
    const view = (await get('analyst.astana', '/api/forecasting/dynamics?region=KZ-75&chapter=06')).json<{
      latest: {
        period: string;
        count: number;
        rate: number;
        yearOnYear: { previous: number; percent: number };
        shareOfArea: number;
      };
      slice: { population: number };
      children: { dimension: string; items: { code: string; count: number }[] }[];
    }>();
    const almaty = history(300, 1);
    const last = almaty[almaty.length - 1]!;
    assert.equal(view.latest.period, lastMonth);
    assert.equal(view.latest.count, last.count);
    assert.equal(view.latest.rate, Math.round((last.count / view.slice.population) * 10_000 * 1000) / 1000);
    assert.equal(view.latest.yearOnYear.previous, almaty[almaty.length - 13]!.count);
    const astana = history(120, 2)[59]!.count;
    assert.equal(view.latest.shareOfArea, last.count / (last.count + astana));
    assert.deepEqual(
      view.children.map((child) => child.dimension),
      ['district', 'article'],
    );
  });

  test('forecasts are coherent: the regions’ forecasts add up to the country’s, and say which model won and why', async () => {
    const forecast = async (query: string) =>
      (await get('analyst.astana', `/api/forecasting/forecast?chapter=06&horizon=6${query}`)).json<{
        forecast: { mean: number; lo80: number; hi80: number; lo95: number; hi95: number }[];
        model: string;
        validation: Record<string, number>;
        explanation: string;
      }>();
    const [country, almaty, astana] = await Promise.all([
      forecast(''),
      forecast('&region=KZ-75'),
      forecast('&region=KZ-71'),
    ]);
    assert.equal(country.forecast.length, 6);
    country.forecast.forEach((point, i) =>
      assert.ok(Math.abs(point.mean - almaty.forecast[i]!.mean - astana.forecast[i]!.mean) < 1e-6),
    );
    for (const point of almaty.forecast)
      assert.ok(
        point.lo95 <= point.lo80 &&
          point.lo80 <= point.mean &&
          point.mean <= point.hi80 &&
          point.hi80 <= point.hi95,
      );
    assert.ok(Object.keys(almaty.validation).length >= 3);
    assert.match(almaty.explanation, /chosen by rolling-origin validation/);
    assert.match(almaty.explanation, /registered offences, not all crime/);
    const csv = await get('analyst.astana', '/api/forecasting/export.csv?region=KZ-75&chapter=06&horizon=3');
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    const lines = csv.body.trim().split('\n');
    assert.equal(lines[0], 'series,period,kind,count,mean,lo80,hi80,lo95,hi95,model');
    assert.equal(lines.filter((line) => line.includes(',forecast,')).length, 3);
  });

  test('an unknown slice or a horizon beyond two years is refused', async () => {
    assert.equal(
      (await get('analyst.astana', '/api/forecasting/dynamics?region=KZ-75&district=KZ-71-01')).statusCode,
      400,
    );
    assert.equal((await get('analyst.astana', '/api/forecasting/forecast?article=999')).statusCode, 400);
    assert.equal((await get('analyst.astana', '/api/forecasting/forecast?horizon=25')).statusCode, 400);
  });

  describe('when a wave of offences arrives', () => {
    let alert: {
      id: string;
      module: string;
      region: string;
      severity: string;
      evidence: Record<string, unknown>;
    };
    let subscriptions: { fraud: string; drugs: string };
    let latencyMs = 0;

    before(async () => {
      const insert = (topics: string[]) =>
        qg.db.tx((sql) =>
          insertSubscription(sql, {
            id: randomUUID(),
            agency_id: 'police-KZ-75',
            url: 'http://127.0.0.1:9/hook',
            secret: 's',
            regions: ['KZ-75'],
            modules: ['forecasting'],
            min_severity: 'low',
            topics,
            createdBy: null,
          }),
        );
      subscriptions = { fraud: (await insert(['chapter:06'])).id, drugs: (await insert(['chapter:11'])).id };
      const records = Array.from({ length: 900 }, (_, i) => record(`WAVE-${String(i)}`));
      const sent = Date.now();
      assert.equal((await post('/api/offences', { records })).json<{ created: number }>().created, 900);
      alert = await waitFor(
        async () => {
          const [row] = await qg.db.query<typeof alert>(
            `select id, module, region, severity, evidence from alerts where module = 'forecasting' and subject_id = 'KZ-75|*|06|*'`,
          );
          return row;
        },
        10_000,
        'forecasting alert',
      );
      latencyMs = Date.now() - sent;
    });

    test('the departure raises an alert with the expected range, the observation and the articles that drive it', () => {
      console.log(`# alert raised ${String(latencyMs)} ms after the batch was sent`);
      assert.equal(alert.region, 'KZ-75');
      const evidence = alert.evidence as {
        observed: number;
        range95: [number, number];
        drivers: { dimension: string; code: string; excess: number }[];
        complete: boolean;
      };
      assert.ok(evidence.observed > evidence.range95[1]);
      assert.equal(evidence.complete, false);
      assert.deepEqual([evidence.drivers[0]!.dimension, evidence.drivers[0]!.code], ['article', '190']);
    });

    test('agencies subscribed to that chapter are notified, others are not', async () => {
      const deliveries = await waitFor(
        async () => {
          const rows = await qg.db.query<{ subscription_id: string }>(
            'select subscription_id from webhook_deliveries where alert_id = $1',
            [alert.id],
          );
          return rows.length ? rows : undefined;
        },
        5000,
        'delivery',
      );
      assert.deepEqual(
        deliveries.map((row) => row.subscription_id),
        [subscriptions.fraud],
      );
      assert.notEqual(subscriptions.drugs, subscriptions.fraud);
    });

    test('the anomaly is judged once, even when the same batch arrives again', async () => {
      await post('/api/offences', { records: [record('WAVE-1'), record('WAVE-2')] });
      const rows = await qg.db.query('select id from forecast_anomalies where series_key = $1', [
        'KZ-75|*|06|*',
      ]);
      assert.equal(rows.length, 1);
    });

    test('a decision is logged with the forecast of the time, audited, and listed with its effect', async () => {
      const [anomaly] = await qg.db.query<{ id: string }>(
        'select id from forecast_anomalies where series_key = $1',
        ['KZ-75|*|06|*'],
      );
      const created = await qg.request('analyst.almaty', {
        method: 'POST',
        url: `/api/forecasting/anomalies/${anomaly!.id}/decisions`,
        payload: {
          action: 'information_sent',
          note: 'Sent to the city police with the districts driving it.',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const log = (await get('analyst.almaty', '/api/forecasting/decisions')).json<{
        items: { action: string; baseline: { mean: number[] }; effect: { periods: number; words: string } }[];
      }>();
      assert.equal(log.items[0]!.action, 'information_sent');
      assert.equal(log.items[0]!.baseline.mean.length, 6);
      assert.equal(log.items[0]!.effect.periods, 0);
      assert.ok((await qg.auditActions()).some((entry) => entry.action === 'forecasting.decided'));
      assert.equal(
        (await get('analyst.astana', `/api/forecasting/anomalies/${anomaly!.id}`)).statusCode,
        404,
      );
      const refused = await qg.request('duty.almaty', {
        method: 'POST',
        url: `/api/forecasting/anomalies/${anomaly!.id}/decisions`,
        payload: { action: 'no_action', note: 'not mine to decide' },
      });
      assert.equal(refused.statusCode, 403);
    });

    test('the map and the departures table show the region standing out', async () => {
      const map = (await get('analyst.astana', `/api/forecasting/map?chapter=06&period=${thisMonth}`)).json<{
        regions: { code: string; anomalyScore: number | null }[];
      }>();
      assert.equal(map.regions.length, 20);
      assert.ok(map.regions.find((region) => region.code === 'KZ-75')!.anomalyScore! > 3);
      const departures = (
        await get('analyst.astana', `/api/forecasting/departures?period=${thisMonth}`)
      ).json<{ items: { seriesKey: string; outside95: boolean }[] }>();
      assert.ok(departures.items.some((item) => item.seriesKey === 'KZ-75|*|06|*' && item.outside95));
    });
  });

  test('impossible periods and dates are refused item by item, and stored nowhere', async () => {
    const response = await post('/api/offences/counts', {
      source: 'fixture-bad',
      counts: [
        { region: 'KZ-10', chapter: '17', period: '2026-02-30', count: 1 },
        { region: 'KZ-10', chapter: '17', period: '2026-00', count: 1 },
        { region: 'KZ-10', chapter: '17', period: '2026-13', count: 1 },
        { region: 'KZ-10', chapter: '17', period: '2016-02-29', count: 1 },
      ],
    });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json<{ stored: number; errors: { index: number }[] }>();
    assert.deepEqual(
      body.errors.map((error) => error.index),
      [0, 1, 2],
    );
    assert.equal(body.stored, 1, 'a real leap day (a Monday, so a week) is kept');
    const records = await post('/api/offences', {
      records: [
        record('R-bad-date', { registeredOn: '2025-02-29' }),
        record('R-nul', { recordId: 'R-\u0000' }),
      ],
    });
    assert.equal(records.json<{ rejected: number }>().rejected, 2);
    const [stored] = await qg.db.query<{ n: number }>(
      `select count(*)::int as n from offence_counts where source = 'fixture-bad' and period in ('2026-02-30', '2026-00', '2026-13')`,
    );
    assert.equal(stored!.n, 0);
  });
});
