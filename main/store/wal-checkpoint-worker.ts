/** Worker entry of the background WAL checkpoints: a thin adapter serving `runCheckpoints`. */
import { serveWorker } from '../workers/serve-worker';
import { runCheckpoints, type CheckpointWorkerApi } from './wal-checkpoint-task';

serveWorker<CheckpointWorkerApi>({ checkpoint: runCheckpoints });
