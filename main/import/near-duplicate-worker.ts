/**
 * Worker entry of the near-duplicate pass: a thin adapter that serves one chunk (searched and
 * stored) on the worker protocol. It reads the texts and writes the flags itself, so nothing large
 * crosses threads.
 */
import { serveWorker } from '../workers/serve-worker';
import { searchAndSaveChunk, type NearDuplicateWorkerApi } from './near-duplicate-chunk-task';

serveWorker<NearDuplicateWorkerApi>({ search: searchAndSaveChunk });
