/**
 * Worker entry of the near-duplicate search: a thin adapter that serves one chunk of the
 * incremental pass on the worker protocol. It reads the texts itself, so nothing large crosses threads.
 */
import { serveWorker } from '../workers/serve-worker';
import { indexNearDuplicateChunk, type NearDuplicateWorkerApi } from './near-duplicate-search';

serveWorker<NearDuplicateWorkerApi>({ search: indexNearDuplicateChunk });
