#!/usr/bin/env node
// Runs the test suite with node's own test runner.
//
// Why a script: Node 20 does not expand globs given to --test and finds no .ts tests by itself, so we collect
// the files here and pass them explicitly. The runner's closing summary (pass/fail counts) must stay the last
// thing printed, because CI reads it: this script prints nothing after the child exits.
//
// Usage: node scripts/run-tests.mjs [--unit | --no-browser] [--<node test flag>=<value> ...] [filter ...]
//   --unit        only pure-logic tests: skips *.int.test.ts and *.e2e.test.ts
//   --no-browser  everything but the browser tests (*.e2e.test.ts): the second-runtime run in CI
//   --test-*=...  any other --flag is passed through to node (use the --flag=value form)
//   filter        keep only files whose path contains one of these substrings
// Env: TEST_CONCURRENCY (default 2) → --test-concurrency: integration tests each create their own database,
// so test files can run in parallel.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { constants } from 'node:os';
import { join, relative, sep } from 'node:path';

const ROOTS = [
  { dir: 'src', suffixes: ['.test.ts'] },
  { dir: 'bench', suffixes: ['.test.ts'] },
  { dir: 'test', suffixes: ['.test.ts'] },
  { dir: 'scripts', suffixes: ['.test.mjs'] },
];
const SKIP_DIRS = new Set(['node_modules', 'dist']);
const NON_UNIT = ['.int.test.ts', '.e2e.test.ts'];

function walk(dir, suffixes, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return;
    throw err;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(path, suffixes, out);
    } else if (entry.isFile() && suffixes.some((s) => entry.name.endsWith(s))) {
      out.push(path);
    }
  }
}

const args = process.argv.slice(2);
let unitOnly = false;
let noBrowser = false;
const passThrough = [];
const filters = [];
for (const arg of args) {
  if (arg === '--unit') unitOnly = true;
  else if (arg === '--no-browser') noBrowser = true;
  else if (arg.startsWith('--')) passThrough.push(arg);
  else filters.push(arg);
}

const concurrency = process.env.TEST_CONCURRENCY ?? '2';
if (!/^[1-9][0-9]*$/.test(concurrency)) {
  console.error(`run-tests: TEST_CONCURRENCY must be a positive integer, got "${concurrency}"`);
  process.exit(2);
}

const found = [];
for (const root of ROOTS) walk(root.dir, root.suffixes, found);

const files = found
  // Forward slashes, so filters and output read the same on every platform.
  .map((f) => relative('.', f).split(sep).join('/'))
  .filter((f) => !unitOnly || !NON_UNIT.some((s) => f.endsWith(s)))
  .filter((f) => !noBrowser || !f.endsWith('.e2e.test.ts'))
  .filter((f) => filters.length === 0 || filters.some((needle) => f.includes(needle)))
  // Plain code-unit order, independent of the machine's locale.
  .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

if (files.length === 0) {
  // A silent pass on zero files would hide a broken glob or a typo in a filter.
  const what = [unitOnly ? '--unit' : '', noBrowser ? '--no-browser' : '', ...filters]
    .filter(Boolean)
    .join(' ');
  console.error(`run-tests: no test files found${what ? ` for ${what}` : ''}`);
  process.exit(1);
}

const nodeArgs = [
  '--import',
  'tsx',
  '--test',
  `--test-concurrency=${concurrency}`,
  '--test-force-exit',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  ...passThrough,
  ...files,
];

// process.execPath: running this script under another Node binary runs the tests under that binary too.
const child = spawn(process.execPath, nodeArgs, { stdio: 'inherit', env: process.env });

const forward = (signal) => {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal));

child.on('error', (err) => {
  console.error(`run-tests: could not start ${process.execPath}: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (code !== null) process.exit(code);
  // Killed by a signal: the conventional 128 + signal number, and never 0.
  process.exit(128 + (constants.signals[signal] ?? 1));
});
