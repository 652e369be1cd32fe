/** Fails fast with a clear message when the app has not been built, instead of 20 timeouts. */
import fs from 'node:fs';
import path from 'node:path';

/** Checks that the bridge and the renderer exist in out/. */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  for (const file of ['out/main/web.js', 'out/renderer/index.html']) {
    if (!fs.existsSync(path.join(root, file))) throw new Error(`${file} is missing: run \`npx electron-vite build\` before the e2e tests.`);
  }
}
