import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchmarksDir, loadNsw, loadRussia, type DataSet } from './benchmark-sets.js';
import { forecastSeries } from './forecast.js';
import { coverage, mase } from './metrics.js';

/**
 * Floors on the public benchmarks with a 12-month holdout (the figures of `npm run bench:forecasting`, where the peers
 * are run beside ours). Measured only where the shared data sets are present; the thresholds sit a little below the
 * latest figures so a regression fails and noise does not.
 */
const dir = benchmarksDir();

function score(data: DataSet, holdout = 12) {
  let ours = 0;
  let naive = 0;
  let covered = 0;
  for (const { values } of data.series) {
    const history = values.slice(0, -holdout);
    const actual = values.slice(-holdout);
    const forecast = forecastSeries(history, 12, holdout);
    ours += mase(actual, forecast.mean, history, 12);
    naive += mase(actual, forecastSeries(history, 12, holdout, ['snaive']).mean, history, 12);
    covered += coverage(actual, forecast.lo80, forecast.hi80);
  }
  const n = data.series.length;
  return { mase: ours / n, naive: naive / n, coverage80: covered / n };
}

test(
  'on the NSW offences the automatic choice beats seasonal naive, and the 80 % intervals cover about 80 %',
  { skip: dir ? false : 'shared benchmark data not present' },
  () => {
    const result = score(loadNsw(dir!));
    assert.ok(
      result.mase < 1.12 && result.mase < result.naive,
      `MASE ${result.mase.toFixed(3)} (seasonal naive ${result.naive.toFixed(3)})`,
    );
    assert.ok(
      result.coverage80 >= 0.75 && result.coverage80 <= 0.88,
      `80 % coverage ${result.coverage80.toFixed(3)}`,
    );
  },
);

test(
  'on the Russian series the automatic choice beats seasonal naive, and the 80 % intervals cover about 80 %',
  { skip: dir ? false : 'shared benchmark data not present' },
  () => {
    const result = score(loadRussia(dir!));
    assert.ok(
      result.mase < 0.52 && result.mase < result.naive,
      `MASE ${result.mase.toFixed(3)} (seasonal naive ${result.naive.toFixed(3)})`,
    );
    assert.ok(
      result.coverage80 >= 0.75 && result.coverage80 <= 0.88,
      `80 % coverage ${result.coverage80.toFixed(3)}`,
    );
  },
);
