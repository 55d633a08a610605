import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, 'src/web');

/** The web app: sources and index.html in src/web, output in dist/web (the server serves /assets/* and index.html). */
export default defineConfig({
  root,
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/web'),
    assetsDir: 'assets',
    emptyOutDir: true,
    sourcemap: false,
    // The budget is for the first route's JavaScript (≤ 300 KB gzipped); antd's shell chunk alone is bigger than Vite's default warning.
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
