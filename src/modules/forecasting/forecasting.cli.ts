import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { csvField } from '../../core/index.js';
import { candidateNames, candidatesFor, forecastSeries } from './engine/forecast.js';
import { coverage, intervalScore, mase, rmse, smape } from './engine/metrics.js';
import { nextPeriod } from './engine/periods.js';
import { readSeriesCsv, seasonOf } from './engine/series-file.js';

const parseHorizon = (value: string) => {
  const h = Number(value);
  if (!Number.isInteger(h) || h < 1 || h > 104)
    throw new Error(`horizon must be an integer from 1 to 104, got ${value}`);
  return h;
};

/** The value of a forecast's list (one per period ahead) at step i; a clear error if the forecast fell short. */
function valueAt(list: readonly number[], i: number): number {
  const value = list[i];
  if (value === undefined)
    throw new Error(`the forecast has ${String(list.length)} values, not ${String(i + 1)}`);
  return value;
}

export async function forecastFile(
  input: string,
  horizon: number,
  output: string,
): Promise<{ series: number; seconds: number }> {
  const started = performance.now();
  const { series, filledGaps } = readSeriesCsv(input);
  if (filledGaps) process.stderr.write(`${filledGaps} missing periods counted as 0\n`);
  const out = createWriteStream(output);
  out.write('series_id,period,mean,lo80,hi80,lo95,hi95,model\n');
  for (const item of series) {
    const result = forecastSeries(item.values, seasonOf(item), horizon);
    const last = item.periods.at(-1);
    if (last === undefined) throw new Error(`series ${item.id} has no values`);
    for (let i = 0; i < horizon; i++) {
      const row = [
        item.id,
        nextPeriod(last, item.frequency, i + 1),
        ...[result.mean, result.lo80, result.hi80, result.lo95, result.hi95].map((list) =>
          valueAt(list, i).toFixed(3),
        ),
        result.model,
      ];
      if (!out.write(`${row.map(csvField).join(',')}\n`)) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
  return { series: series.length, seconds: (performance.now() - started) / 1000 };
}

/** Holds out the last `holdout` points of every series and scores each candidate model and the automatic choice. */
export function evaluateFile(input: string, holdout: number) {
  const { series } = readSeriesCsv(input);
  const scorers = { ...Object.fromEntries(candidateNames.map((name) => [name, name])), auto: 'auto' };
  const totals = Object.fromEntries(
    Object.keys(scorers).map((name) => [
      name,
      { mase: 0, smape: 0, rmse: 0, cover80: 0, cover95: 0, score80: 0, n: 0, seconds: 0 },
    ]),
  );
  for (const item of series) {
    if (item.values.length <= holdout + seasonOf(item)) continue;
    const history = item.values.slice(0, -holdout);
    const actual = item.values.slice(-holdout);
    for (const [name, row] of Object.entries(totals)) {
      const started = performance.now();
      const result = forecastSeries(
        history,
        seasonOf(item),
        holdout,
        name === 'auto' ? candidatesFor(history) : [name as (typeof candidateNames)[number]],
      );
      row.seconds += (performance.now() - started) / 1000;
      row.mase += mase(actual, result.mean, history, seasonOf(item));
      row.smape += smape(actual, result.mean);
      row.rmse += rmse(actual, result.mean);
      row.cover80 += coverage(actual, result.lo80, result.hi80);
      row.cover95 += coverage(actual, result.lo95, result.hi95);
      row.score80 += intervalScore(actual, result.lo80, result.hi80, 0.2);
      row.n += 1;
    }
  }
  return Object.entries(totals).map(([model, row]) => ({
    model,
    series: row.n,
    mase: row.mase / row.n,
    smape: row.smape / row.n,
    rmse: row.rmse / row.n,
    coverage80: row.cover80 / row.n,
    coverage95: row.cover95 / row.n,
    intervalScore80: row.score80 / row.n,
    seconds: row.seconds,
  }));
}

export function forecastCommands(program: Command): void {
  const forecast = program
    .command('forecast')
    .description('Forecast series from a CSV (series_id,period,value) without a server or database')
    .option('--input <file>', 'CSV with series_id,period,value (period YYYY-MM or YYYY-MM-DD)')
    .option('--horizon <h>', 'periods ahead: 1–24 months or 1–26 weeks', parseHorizon)
    .option('--output <file>', 'CSV: series_id,period,mean,lo80,hi80,lo95,hi95,model')
    .action(async (options: { input?: string; horizon?: number; output?: string }) => {
      if (!options.input || !options.horizon || !options.output)
        throw new Error('forecast needs --input, --horizon and --output (or the evaluate subcommand)');
      const result = await forecastFile(options.input, options.horizon, options.output);
      process.stderr.write(`${result.series} series forecast in ${result.seconds.toFixed(2)} s\n`);
    });
  forecast
    .command('evaluate')
    .description(
      'Hold out the last H points of every series and print MASE, sMAPE, RMSE, interval coverage and score per model',
    )
    .requiredOption('--input <file>', 'CSV with series_id,period,value')
    .requiredOption('--holdout <h>', 'points held out', parseHorizon)
    .action((options: { input: string; holdout: number }) => {
      const rows = evaluateFile(options.input, options.holdout);
      console.log(
        `${'model'.padEnd(12)} ${'series'.padStart(6)} ${'MASE'.padStart(7)} ${'sMAPE'.padStart(7)} ${'RMSE'.padStart(10)} ${'cov80'.padStart(6)} ${'cov95'.padStart(6)} ${'IS80'.padStart(10)} ${'time s'.padStart(7)}`,
      );
      for (const row of rows) {
        console.log(
          `${row.model.padEnd(12)} ${String(row.series).padStart(6)} ${row.mase.toFixed(3).padStart(7)} ${row.smape.toFixed(2).padStart(7)} ${row.rmse.toFixed(1).padStart(10)} ${(row.coverage80 * 100).toFixed(1).padStart(6)} ${(row.coverage95 * 100).toFixed(1).padStart(6)} ${row.intervalScore80.toFixed(1).padStart(10)} ${row.seconds.toFixed(2).padStart(7)}`,
        );
      }
    });
}
