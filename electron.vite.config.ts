/**
 * One build for every runtime: main (Electron entry, the browser-mode bridge, the CLI and the
 * worker entries, all flat in out/main so workers sit next to their caller), the sandboxed
 * CommonJS preload and the React renderer.
 */
import fs from 'node:fs';
import { join, resolve } from 'node:path';
import zlib from 'node:zlib';
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

/** Files worth compressing: the text assets. Even index.html, which @fastify/static needs compressed to serve "/" compressed. */
const compressible = /\.(js|css|html|svg|json)$/;

/**
 * Writes `.br` and `.gz` beside each text asset of the renderer build, which browser mode's
 * @fastify/static serves with `preCompressed`: compressed once at build time rather than on every
 * request. Electron reads the plain files; electron-builder leaves the compressed copies out.
 */
const precompressRenderer: Plugin = {
  name: 'precompress-renderer',
  apply: 'build',
  writeBundle(options, bundle) {
    const outDir = options.dir ?? resolve(root, 'out/renderer');
    for (const fileName of Object.keys(bundle)) {
      if (!compressible.test(fileName)) continue;
      const file = join(outDir, fileName);
      const content = fs.readFileSync(file);
      fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
    }
  },
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
          'parse-worker': resolve(root, 'main/parsing/parse-worker.ts'),
          'near-duplicate-worker': resolve(root, 'main/import/near-duplicate-worker.ts'),
          'batch-writer-worker': resolve(root, 'main/import/batch-writer-worker.ts'),
          'wal-checkpoint-worker': resolve(root, 'main/store/wal-checkpoint-worker.ts'),
          'training-worker': resolve(root, 'main/training/training-worker.ts'),
          'class-helper-worker': resolve(root, 'main/training/class-helper-worker.ts'),
          'prediction-worker': resolve(root, 'main/predict/prediction-worker.ts'),
          'curation-worker': resolve(root, 'main/curation/curation-worker.ts'),
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
    plugins: [react(), relaxCspForDevServer, precompressRenderer],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified; the page is loaded on every start.
      minify: true,
      // .vite/manifest.json: which chunks each entry and page pull in (npm run bench:bundle reads it).
      manifest: true,
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
