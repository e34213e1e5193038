import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { forecastSeries, type CandidateName, type SeriesForecast } from './forecast.js';

export interface PanelSeries {
  id: string;
  values: number[];
  /** Season length: 12 for monthly, 52 for weekly. */
  m: number;
  /** The models to choose from; by default those suited to the series. */
  candidates?: CandidateName[];
}

export interface PanelOptions {
  /** Worker threads; 1 forecasts in this thread. Defaults to the machine's cores. */
  workers?: number;
}

/** Below this many series, starting threads costs more than it saves. */
const INLINE_BELOW = 150;
const IDLE_MS = 15_000;

/**
 * Worker threads are kept between calls (starting one loads the TypeScript toolchain, about half a second) and let go
 * after 15 s idle. They are unreferenced while idle, so they never keep a finished process alive. This is
 * process-wide state on purpose: threads are a resource of the process, like its file handles.
 */
const pool: Worker[] = [];
let idleTimer: NodeJS.Timeout | undefined;

function workersFor(count: number): Worker[] {
  clearTimeout(idleTimer);
  while (pool.length < count) pool.push(new Worker(new URL('./panel.worker.mjs', import.meta.url)));
  return pool.slice(0, count);
}

function release(): void {
  for (const worker of pool) worker.unref();
  idleTimer = setTimeout(() => void Promise.all(pool.splice(0).map((worker) => worker.terminate())), IDLE_MS);
  idleTimer.unref();
}

/**
 * Forecasts many independent series across worker threads, in chunks, and returns the results in input order. Each
 * series costs milliseconds, so chunks of a few hundred keep the messaging overhead negligible.
 */
export async function forecastPanel(
  series: readonly PanelSeries[],
  h: number,
  options: PanelOptions = {},
): Promise<SeriesForecast[]> {
  const threads = Math.max(
    1,
    Math.min(options.workers ?? availableParallelism(), Math.ceil(series.length / 50)),
  );
  if (threads === 1 || series.length < INLINE_BELOW)
    return series.map((item) => forecastSeries(item.values, item.m, h, item.candidates));
  const chunk = Math.max(25, Math.min(500, Math.ceil(series.length / (threads * 8))));
  const results = new Array<SeriesForecast>(series.length);
  let next = 0;
  const workers = workersFor(threads);
  for (const worker of workers) worker.ref();
  try {
    await Promise.all(
      workers.map(async (worker) => {
        while (next < series.length) {
          const from = next;
          next += chunk;
          const forecasts = await ask(worker, { series: series.slice(from, from + chunk), h });
          forecasts.forEach((forecast, i) => (results[from + i] = forecast));
        }
      }),
    );
  } catch (error) {
    await Promise.all(pool.splice(0).map((worker) => worker.terminate()));
    throw error;
  } finally {
    release();
  }
  return results;
}

function ask(
  worker: Worker,
  request: { series: readonly PanelSeries[]; h: number },
): Promise<SeriesForecast[]> {
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
