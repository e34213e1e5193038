// Worker entry in plain JavaScript: Node 20 does not pass --import loaders to worker threads, so the worker
// registers tsx itself before loading the TypeScript forecaster (as bin/qadagalau.js does for the CLI).
import { register } from 'tsx/esm/api';

register();
await import('./panel.worker.ts');
