/**
 * Runs bench/peers/sklearn_appeals.py with Debian's python3-sklearn (/usr/bin/python3: the python3 on PATH is a
 * separate build that cannot see it), one BLAS/OpenMP thread so it is timed on one core like Node's loop.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const python = process.env.BENCH_PYTHON ?? '/usr/bin/python3';
const script = fileURLToPath(new URL('../peers/sklearn_appeals.py', import.meta.url));
const oneThread = { OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

export interface PeerVersions {
  python: string;
  sklearn: string;
  numpy: string;
  scipy: string;
}

export interface PeerThroughput {
  texts: number;
  seconds: number;
  perSecond: number | null;
}

export interface PeerQualityModel {
  config: string;
  features: number | null;
  fitSeconds: number;
  testProbabilities: number[][];
  ordinaryProbabilities: number[][];
  throughput: { batch: PeerThroughput; single: PeerThroughput };
}

export interface PeerTrainModel {
  config: string;
  features: number | null;
  examples: number;
  fitSeconds: number;
}

export interface PeerOutput<M> {
  versions: PeerVersions;
  labels: string[];
  models: Record<string, M>;
  /** Warnings the peer printed (e.g. lbfgs not converging), kept for the report. */
  warnings: string[];
}

export function peerAvailable(): boolean {
  return existsSync(python);
}

export function runPeer<M>(args: string[], out: string): Promise<PeerOutput<M>> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [script, ...args, '--out', out], {
      env: { ...process.env, ...oneThread },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0)
        return reject(new Error(`sklearn peer exited with ${String(code)}:\n${stderr.slice(-4000)}`));
      const parsed = JSON.parse(readFileSync(out, 'utf8')) as Omit<PeerOutput<M>, 'warnings'>;
      const warnings = [
        ...new Set(
          stderr
            .split('\n')
            .filter((line) => /Warning/.test(line))
            .map((line) => line.replace(/^.*?(\w+Warning)/, '$1').trim()),
        ),
      ];
      resolve({ ...parsed, warnings });
    });
  });
}
