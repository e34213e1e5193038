/**
 * Runs bench/peers/statsmodels_ets.py with Debian's python3-statsmodels (/usr/bin/python3: the python3 on PATH is a
 * separate build that cannot see it), one BLAS/OpenMP thread per process so `--processes` alone sets the cores used.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const python = process.env.BENCH_PYTHON ?? '/usr/bin/python3';
const script = fileURLToPath(new URL('../peers/statsmodels_ets.py', import.meta.url));
const oneThread = { OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

export interface PeerVersions {
  python: string;
  statsmodels: string;
  numpy: string;
  scipy: string;
  pandas: string;
}

export interface PeerSeries {
  id: string;
  /** `ets(A,Ad,M)` and the like; null when no candidate could be fitted. */
  model: string | null;
  mean?: number[];
  lo80?: number[];
  hi80?: number[];
  lo95?: number[];
  hi95?: number[];
  /** Selection, fits and prediction of this series, measured in its worker. */
  seconds: number;
  notConverged: number;
  failed: number;
}

export interface PeerOutput {
  versions: PeerVersions;
  processes: number;
  /** The pool's wall time for all series (Python start-up and JSON excluded). */
  wallSeconds: number;
  series: PeerSeries[];
}

/** Whether /usr/bin/python3 can import statsmodels (the apt package may still be installing). */
export function peerAvailable(): boolean {
  const probe = spawnSync(python, ['-c', 'import statsmodels.tsa.exponential_smoothing.ets'], {
    stdio: 'ignore',
  });
  return probe.status === 0;
}

export function runPeer(
  series: readonly { id: string; values: readonly number[]; m: number }[],
  h: number,
  processes: number,
): Promise<PeerOutput> {
  const dir = mkdtempSync(join(tmpdir(), 'qg-forecast-bench-'));
  const input = join(dir, 'series.json');
  const out = join(dir, 'forecasts.json');
  writeFileSync(input, JSON.stringify({ series }));
  return new Promise<PeerOutput>((resolvePeer, reject) => {
    const child = spawn(
      python,
      [script, '--input', input, '--h', String(h), '--processes', String(processes), '--out', out],
      { env: { ...process.env, ...oneThread }, stdio: ['ignore', 'inherit', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0)
        return reject(new Error(`statsmodels peer exited with ${String(code)}:\n${stderr.slice(-4000)}`));
      resolvePeer(JSON.parse(readFileSync(out, 'utf8')) as PeerOutput);
    });
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
}
