import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { forecastSeries, type SeriesForecast } from './forecast.js';

export interface PanelSeries {
  id: string;
  values: number[];
  /** Season length: 12 for monthly, 52 for weekly. */
  m: number;
}

export interface PanelOptions {
  /** Worker threads; 1 forecasts in this thread. Defaults to the machine's cores. */
  workers?: number;
}

/**
 * Forecasts many independent series across worker threads, in chunks, and returns the results in input order. Each
 * series costs milliseconds, so chunks of a few hundred keep the messaging overhead negligible.
 */
export async function forecastPanel(series: readonly PanelSeries[], h: number, options: PanelOptions = {}): Promise<SeriesForecast[]> {
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), Math.ceil(series.length / 50)));
  if (workers === 1) return series.map((item) => forecastSeries(item.values, item.m, h));
  const chunk = Math.max(50, Math.min(500, Math.ceil(series.length / (workers * 8))));
  const results = new Array<SeriesForecast>(series.length);
  let next = 0;
  const pool = Array.from({ length: workers }, () => startWorker());
  try {
    await Promise.all(pool.map(async (worker) => {
      while (next < series.length) {
        const from = next;
        next += chunk;
        const slice = series.slice(from, from + chunk);
        const forecasts = await ask(worker, { series: slice, h });
        forecasts.forEach((forecast, i) => (results[from + i] = forecast));
      }
    }));
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return results;
}

function startWorker(): Worker {
  return new Worker(new URL('./panel.worker.mjs', import.meta.url));
}

function ask(worker: Worker, request: { series: readonly PanelSeries[]; h: number }): Promise<SeriesForecast[]> {
  return new Promise((resolve, reject) => {
    const onMessage = (forecasts: SeriesForecast[]) => {
      worker.off('error', onError);
      resolve(forecasts);
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(request);
  });
}
