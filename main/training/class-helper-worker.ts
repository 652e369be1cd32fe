/**
 * Worker entry of a training run's helper thread: it takes classes of the run's SVM fits (ml's
 * svm-class-sharing.ts; started by second-thread.ts once screening is done). A thin adapter with its
 * own small bundle (no SQLite, no parsers): it loads in a fraction of the training worker's time and
 * adds ~11 MB of RSS where a training-worker thread adds ~34 MB.
 */
// Straight from its module, not ml/index: the bundle then holds the solver alone (8 KB, not 960 KB).
import { helpWithClasses, type SharedSvmJob } from '../../ml/models/svm-class-sharing';
import { serveWorker } from '../workers/serve-worker';
import { yieldCpuToMainThread } from '../workers/thread-priority';

/** The helper's interface: one job at a time, answered with how many of its classes this thread solved. */
export type ClassHelperWorkerApi = { solveClasses: { input: SharedSvmJob; result: number; progress: never } };

// The same priority as the training thread it helps: the window's thread must still win a contended core.
yieldCpuToMainThread();

serveWorker<ClassHelperWorkerApi>({ solveClasses: (job) => helpWithClasses(job) });
