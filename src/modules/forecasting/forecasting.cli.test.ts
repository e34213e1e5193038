import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateFile, forecastFile } from './forecasting.cli.js';

function writeSeries(dir: string): string {
  const lines = ['series_id,period,value'];
  for (let t = 0; t < 72; t++) {
    const period = `${2018 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
    lines.push(
      `"Almaty, fraud",${period},${Math.round(200 + 3 * t + 40 * Math.sin((2 * Math.PI * t) / 12))}`,
    );
    if (t % 7 !== 3) lines.push(`Ulytau murders,${period},${t % 4 === 0 ? 1 : 0}`);
  }
  const file = join(dir, 'series.csv');
  writeFileSync(file, lines.join('\n'));
  return file;
}

test('forecast writes h rows per series with ordered intervals and the chosen model', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qg-forecast-'));
  const output = join(dir, 'out.csv');
  const result = await forecastFile(writeSeries(dir), 6, output);
  assert.equal(result.series, 2);
  const [header, ...rows] = readFileSync(output, 'utf8').trim().split('\n');
  assert.equal(header, 'series_id,period,mean,lo80,hi80,lo95,hi95,model');
  assert.equal(rows.length, 12);
  assert.match(rows[0]!, /^"Almaty, fraud",2024-01,/);
  for (const row of rows) {
    const fields = row.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const [mean, lo80, hi80, lo95, hi95] = fields.slice(2, 7).map(Number);
    assert.ok(lo95! <= lo80! && lo80! <= mean! && mean! <= hi80! && hi80! <= hi95!, row);
    assert.ok(lo95! >= 0, 'counts are never forecast below zero');
  }
});

test('evaluate scores every model and the automatic choice on the held-out points', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qg-forecast-'));
  const rows = evaluateFile(writeSeries(dir), 12);
  assert.deepEqual(
    rows.map((row) => row.model),
    ['snaive', 'ets', 'theta', 'tsb', 'combination', 'auto'],
  );
  for (const row of rows) {
    assert.equal(row.series, 2);
    assert.ok(Number.isFinite(row.mase) && row.coverage80 >= 0 && row.coverage80 <= 1);
  }
});
