import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The web console: sources in src/web, built into dist/web, which the server serves with an SPA fallback. */
export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [react()],
  // The browser's own ResizeObserver for antd's polyfill: src/web/app/resizeObserver.ts says why (#16).
  resolve: { alias: { 'resize-observer-polyfill': path.join(here, 'src/web/app/resizeObserver.ts') } },
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    // The import graph of the chunks, for scripts/bundle-size.mjs (dist/web/.vite/: a dot folder the server does not serve).
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // The rc-* packages under antd declare no `sideEffects`, so every module their index imports was kept: Input alone
      // pulled all of rc-field-form (Form, Field, List, async-validator) into pages without a form. Their ES modules only
      // declare components and helpers; the 工作台 lost 12 KB gzip (#16).
      treeshake: {
        moduleSideEffects: (id: string) => (/node_modules\/(rc-[^/]+|@rc-component\/[^/]+)\//.test(id) ? false : undefined),
      },
    },
  },
  server: {
    port: 5173,
    // GONGHUI_API_URL points the dev server at another running API (default: npm start on :3000).
    proxy: { '/api': process.env.GONGHUI_API_URL ?? 'http://localhost:3000' },
  },
});
