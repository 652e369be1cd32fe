/** Worker entry of the curation thread: a thin adapter serving curation-task.ts on the worker protocol. */
import { serveWorker } from '../workers/serve-worker';
import type { CurationWorkerApi } from './curation-calls';
import { runCurationCall } from './curation-task';

serveWorker<CurationWorkerApi>({ call: runCurationCall });
