/**
 * The core's pure helpers, for code that must load fast and needs no platform: the appeals model, the forecasting
 * engine and their benchmarks and worker threads. Importing `core/index.ts` instead would load the HTTP server, the
 * database drivers and the bus (about a second) into every worker.
 */
export { present } from './present.js';
export { csvField, parseCsv } from '../files/csv.js';
export { Rng } from '../demo/rng.js';
