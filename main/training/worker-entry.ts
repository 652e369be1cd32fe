/** Where the training worker lives, bundled and as source (its own module: the service and the worker itself start it). */
import type { WorkerEntry } from '../workers/spawn';

/** The training worker's entry. */
export const trainingWorkerEntry: WorkerEntry = { bundledName: 'training-worker', sourcePath: 'training/training-worker.ts' };

/** The entry of a run's helper thread, which takes classes of its SVM fits. */
export const classHelperWorkerEntry: WorkerEntry = { bundledName: 'class-helper-worker', sourcePath: 'training/class-helper-worker.ts' };
