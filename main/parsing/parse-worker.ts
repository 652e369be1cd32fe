/**
 * Worker entry of the parse pool: a thin adapter that serves `parseTask` on the worker protocol,
 * answering `ready` once the parsers are loaded. Started by the parse pool's worker group.
 */
import { serveWorker } from '../workers/serve-worker';
import { parseTask, prepareParsers, setUpParseThread, type ParseWorkerApi } from './parse-task';

setUpParseThread();
serveWorker<ParseWorkerApi>({ parse: parseTask }, { prepare: prepareParsers });
