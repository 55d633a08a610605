import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, 'src/web');
/** Where `vite` (dev) and `vite preview` send /api: the server started with `npm run dev` (port 3000) unless QD_API_URL says otherwise. */
const apiTarget = process.env.QD_API_URL ?? 'http://127.0.0.1:3000';

/** The web app: sources and index.html in src/web, output in dist/web (the server serves /assets/* and index.html). */
export default defineConfig({
  root,
  plugins: [react()],
  publicDir: false,
  build: {
    // QD_WEB_DIR lets parallel work build and test against its own copy (the server reads the same variable).
    outDir: process.env.QD_WEB_DIR ? path.resolve(process.env.QD_WEB_DIR) : path.resolve(import.meta.dirname, 'dist/web'),
    assetsDir: 'assets',
    emptyOutDir: true,
    sourcemap: false,
    // The budget is for the first route's JavaScript (≤ 300 KB gzipped); antd's shell chunk alone is bigger than Vite's default warning.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // What every page needs (React, router, query, i18next, antd's core and the shell) in one file: fewer requests,
        // better compression. Pages, dialogs and languages stay separate chunks loaded on demand.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
