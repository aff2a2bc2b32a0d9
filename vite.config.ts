import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The web console: sources in src/web, built into dist/web, which the server serves with an SPA fallback. */
export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [react()],
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    // The import graph of the chunks, for scripts/bundle-size.mjs (dist/web/.vite/: a dot folder the server does not serve).
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    // GONGHUI_API_URL points the dev server at another running API (default: npm start on :3000).
    proxy: { '/api': process.env.GONGHUI_API_URL ?? 'http://localhost:3000' },
  },
});
