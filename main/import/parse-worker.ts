/**
 * Worker entry of the parse pool: a thin adapter that serves `parseTask` on the task protocol,
 * answering `ready` once the parsers are loaded. Started through main/workers/spawn.ts.
 */
import { serveTask } from '../workers/serve-task';
import { parseTask, prepareParsers, setUpParseThread } from './parse-task';

setUpParseThread();
serveTask(parseTask, { prepare: prepareParsers });
