/**
 * One build for every runtime: main (Electron entry, the browser-mode bridge, the CLI and the
 * worker entries, all flat in out/main so workers sit next to their caller), the sandboxed
 * CommonJS preload and the React renderer.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * `electron-vite dev` only: Vite's dev server needs an inline preamble, injected styles and a
 * websocket, which the strict production CSP forbids. Builds keep the strict policy untouched.
 */
const relaxCspForDevServer: Plugin = {
  name: 'relax-csp-for-dev-server',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace(/script-src 'self';/, "script-src 'self' 'unsafe-inline';")
      .replace(/style-src 'self';/, "style-src 'self' 'unsafe-inline';")
      .replace(/connect-src 'self';/, "connect-src 'self' ws:;"),
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          electron: resolve(root, 'main/electron/index.ts'),
          web: resolve(root, 'main/bridge/web.ts'),
          cli: resolve(root, 'main/cli/main.ts'),
          'parse-worker': resolve(root, 'main/import/parse-worker.ts'),
          'near-duplicate-worker': resolve(root, 'main/import/near-duplicate-worker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only 'electron' (and a few polyfills): bundle every
      // other dependency instead of leaving a require('zod') that would throw at load.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), relaxCspForDevServer],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
