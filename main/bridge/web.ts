/**
 * `npm run web`: browser mode. Builds the core from a data directory, serves the built renderer
 * and the RPC bridge on 127.0.0.1, and prints the URL carrying this start's random token. A
 * database refused as damaged gets the restore page at that URL instead, and the app after it.
 * Usage: node out/main/web.js [--data-dir DIR] [--port N]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { integerOption } from '../cli/options';
import { createCore, type Core } from '../core/core';
import { resolveDataDir } from '../core/data-dir';
import { createRecoveryDispatcher } from '../core/recovery';
import type { Dispatcher } from '../rpc/dispatcher';
import { createEventBus } from '../rpc/event-bus';
import { DatabaseDamagedError } from '../store/integrity';
import { createBridge, type Bridge } from './server';

/** A start-up failure as one sentence: a busy or privileged port, or whatever the core said. */
function describeStartupError(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return `Port ${port} on 127.0.0.1 is already in use by another program; choose another with --port N, or --port 0 for any free one.`;
  if (code === 'EACCES' && port < 1024) return `Port ${port} needs administrator rights; choose a port above 1023 with --port N, or --port 0 for any free one.`;
  return error instanceof Error ? error.message : String(error);
}

const here = path.dirname(fileURLToPath(import.meta.url));
let core: Core | undefined;
let bridge: Bridge | undefined;
let port = 0;
// The bridge outlives a restore: it serves the recovery dispatcher while the database is refused
// as damaged, then the core's, and relays the events of whichever core is open.
const events = createEventBus();
let active: Dispatcher | undefined;
const dispatcher: Dispatcher = { dispatch: (method, input) => active!.dispatch(method, input), has: (method) => active!.has(method) };
try {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string', default: '0' } } });
  port = integerOption('port', values.port, { min: 0, max: 65535 }) ?? 0;
  const dataDir = resolveDataDir(values['data-dir']);
  const openCore = async () => {
    core = await createCore({ dataDir, transport: 'http' });
    core.events.subscribe((event) => events.emit(event.name, event.payload as never));
    active = core.dispatcher;
  };
  let damaged: DatabaseDamagedError | null = null;
  try {
    await openCore();
  } catch (error) {
    if (!(error instanceof DatabaseDamagedError)) throw error;
    damaged = error;
    active = createRecoveryDispatcher({ damaged: error, reopen: openCore });
  }
  bridge = createBridge({ dispatcher, events, rendererDir: path.join(here, '../renderer') });
  const url = await bridge.listen(port);
  if (damaged) {
    console.error(`error: ${damaged.message}`);
    console.log(`Resume Studio (browser mode) is serving the page that restores the database of ${dataDir}; open it to restore.`);
  } else console.log(`Resume Studio (browser mode), data folder ${core!.dataDir} (another: --data-dir DIR or RESUME_STUDIO_DATA_DIR=DIR)`);
  console.log(`Open ${url}`);
} catch (error) {
  // A sentence, not a stack trace: these are the user's to fix (a busy port, a bad folder).
  console.error(`error: ${describeStartupError(error, port)}`);
  await core?.close().catch(() => undefined);
  process.exit(1);
}

let isStopping = false;
async function shutdown() {
  // Ctrl+C reaches both `npm start` (which forwards it) and this process: stop once.
  if (isStopping) return;
  isStopping = true;
  await bridge?.close();
  await core?.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
