import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export const webRoot = resolve(fileURLToPath(new URL('../../../web', import.meta.url)));
const distDir = join(webRoot, 'dist');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when the dashboard has never been built or its sources changed since. */
export function webBuildIsStale(): boolean {
  const index = join(distDir, 'index.html');
  if (!existsSync(join(webRoot, 'src'))) return false;
  if (!existsSync(index)) return true;
  return newestMtime(join(webRoot, 'src')) > statSync(index).mtimeMs;
}

export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
}

/** Serves the built dashboard; client-side routes fall back to index.html. */
export async function serveWeb(app: FastifyInstance): Promise<boolean> {
  if (!existsSync(join(distDir, 'index.html'))) return false;
  await app.registerPublic(async () =>
    app.register(fastifyStatic, { root: distDir, prefix: '/', index: ['index.html'] }),
  );
  return true;
}
