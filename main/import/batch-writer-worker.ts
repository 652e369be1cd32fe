/** Worker entry of the import's batch writer: a thin adapter serving `writeBatchHere`. */
import { serveWorker } from '../workers/serve-worker';
import { writeBatchHere, type BatchWriterApi } from './batch-writer-task';

serveWorker<BatchWriterApi>({ write: writeBatchHere });
