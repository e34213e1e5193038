import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The config lives in web/ but is run from the repository root (`vite build --config web/vite.config.ts`),
// so the root is pinned to this folder rather than the working directory.
const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // The overview chunk carries ECharts (map, scatter, geo, tooltip, visual map): ~570 kB, ~190 kB gzipped. It is
    // loaded only when the overview opens, so the default 500 kB warning would only be noise.
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: 5173,
    proxy: {
      // The API server also serves web/dist in production; in development Vite serves the app and forwards the API,
      // including the SSE stream (no buffering is added by the proxy for text/event-stream).
      '/api': { target: 'http://localhost:8080', changeOrigin: false },
    },
  },
});
