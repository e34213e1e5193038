import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forecastSeries } from '../engine/forecast.js';
import { nextPeriod } from '../engine/periods.js';
import type { History } from '../series/counts.repository.js';
import { evaluatePeriod, oneStepInput, shiftInput, type SeriesData } from './detector.js';

const months = (count: number, last: string) =>
  Array.from({ length: count }, (_, i) => nextPeriod(last, 'monthly', i - count + 1));
const seasonal = (count: number, base: number) =>
  Array.from({ length: count }, (_, t) =>
    Math.round(base * (1 + 0.1 * Math.sin((2 * Math.PI * t) / 12)) + ((t * 7) % 5) - 2),
  );

function series(values: number[], children: Record<string, number[]> = {}): SeriesData {
  const periods = months(values.length, '2026-10');
  const history = (list: number[]): History => ({ periods, values: list });
  return {
    slice: { frequency: 'monthly', region: 'KZ-75', district: null, chapter: '06', article: null },
    history: history(values),
    children: Object.entries(children).map(([code, list]) => ({
      dimension: 'article' as const,
      code,
      history: history(list),
    })),
  };
}

const judge = (data: SeriesData, now = new Date('2026-11-15T00:00:00Z')) => {
  const index = data.history.values.length - 1;
  const shift = shiftInput(data, index);
  return evaluatePeriod(
    data,
    index,
    now,
    forecastSeries(oneStepInput(data, index), 12, 1),
    shift ? forecastSeries(shift, 12, 6) : null,
  );
};

test('a count far above the 95 % range is a breach, explained by the article that carries it', () => {
  const theft = seasonal(60, 200);
  const fraud = seasonal(60, 100);
  fraud[59] = 260;
  const total = theft.map((value, i) => value + fraud[i]!);
  const { expectation, findings } = judge(series(total, { '188': theft, '190': fraud }));
  assert.ok(expectation.observed > expectation.hi95);
  const breach = findings.find((finding) => finding.kind === 'interval_breach')!;
  assert.equal(breach.direction, 'up');
  assert.deepEqual(
    (breach.evidence.drivers as { code: string }[]).map((driver) => driver.code),
    ['190'],
  );
  assert.match(breach.summary, /above the 95 % forecast range/);
});

test('an ordinary month raises nothing', () => {
  assert.deepEqual(judge(series(seasonal(60, 300))).findings, []);
});

test('six months running above expectation are a sustained shift even when no single month breaches', () => {
  const values = seasonal(60, 300);
  for (let i = 54; i < 60; i++) values[i] = Math.round(values[i]! * 1.12);
  const shift = judge(series(values)).findings.find((finding) => finding.kind === 'sustained_shift');
  assert.ok(shift, 'expected a shift');
  assert.equal(shift.direction, 'up');
  assert.match(shift.summary, /sustained rise over the last 6 months/);
});

test('a period still filling is judged upwards only, against its elapsed share', () => {
  const values = seasonal(60, 300);
  values[59] = 40; // ten days into the month: low because the month is young, not because offences fell
  const early = judge(series(values), new Date('2026-10-11T00:00:00Z'));
  assert.equal(early.expectation.complete, false);
  assert.deepEqual(early.findings, []);
  values[59] = 500; // already above the whole month's range
  const surge = judge(series(values), new Date('2026-10-11T00:00:00Z'));
  assert.equal(surge.findings[0]?.kind, 'interval_breach');
});
