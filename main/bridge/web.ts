/**
 * `npm run web`: browser mode. Builds the core from a data directory, serves the built renderer
 * and the RPC bridge on 127.0.0.1, and prints the URL carrying this start's random token.
 * Usage: node out/main/web.js [--data-dir DIR] [--port N]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core/core';
import { resolveDataDir } from '../core/data-dir';
import { createBridge } from './server';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, port: { type: 'string', default: '0' } },
});
const dataDir = resolveDataDir(values['data-dir']);
const here = path.dirname(fileURLToPath(import.meta.url));

const core = await createCore({ dataDir, transport: 'http' });
const bridge = createBridge({ dispatcher: core.dispatcher, events: core.events, rendererDir: path.join(here, '../renderer') });
const url = await bridge.listen(Number(values.port));
console.log(`Resume Studio (browser mode) is serving ${core.dataDir}`);
console.log(`Open ${url}`);

let isStopping = false;
async function shutdown() {
  // Ctrl+C reaches both `npm start` (which forwards it) and this process: stop once.
  if (isStopping) return;
  isStopping = true;
  await bridge.close();
  await core.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
