/** Worker entry of the background WAL checkpoints: a thin adapter serving `runCheckpoints`. */
import { serveTask } from '../workers/serve-task';
import { runCheckpoints } from './wal-checkpoint-task';

serveTask(runCheckpoints);
