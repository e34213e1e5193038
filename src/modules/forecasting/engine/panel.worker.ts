import { parentPort } from 'node:worker_threads';
import { forecastSeries } from './forecast.js';
import type { PanelSeries } from './panel.js';

parentPort?.on('message', ({ series, h }: { series: PanelSeries[]; h: number }) => {
  parentPort?.postMessage(series.map((item) => forecastSeries(item.values, item.m, h, item.candidates)));
});
