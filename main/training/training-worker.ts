/**
 * Worker entry of training: a thin adapter that serves the training run, its read-ahead (the
 * thread the plan readies reads the words first), its screening (a run starts
 * a second thread for it), the learning curve and the labelling model's refreshes on the worker
 * protocol. It reads its corpus from SQLite itself, so the main thread never holds it. The labelling
 * refreshes come to a thread that stays up (see main/labelling/labelling-refresher.ts), so the texts
 * it read stay loaded between them.
 */
import { serveWorker } from '../workers/serve-worker';
import { yieldCpuToMainThread } from '../workers/thread-priority';
import { runLabellingRefresh, type LabellingRefreshInput, type LabellingRefreshResult } from './labelling-task';
import { runLearningCurveTask, type LearningCurveInput } from './learning-curve-task';
import { readAhead, type ReadAheadSummary } from './read-ahead';
import type { LearningCurvePoint } from '../../preload/contract';
import { runScreenTask, type ScreenWorkerApi } from './screen-task';
import { runTrainTask } from './train-from-database';
import type { TaskProgress, TrainTaskInput, TrainTaskResult } from './train-task';

/** The training worker's interface: each request kind, its input, result and progress. */
export type TrainingWorkerApi = ScreenWorkerApi & {
  train: { input: TrainTaskInput; result: TrainTaskResult; progress: TaskProgress };
  readAhead: { input: TrainTaskInput; result: ReadAheadSummary; progress: never };
  learningCurve: { input: LearningCurveInput; result: LearningCurvePoint[]; progress: never };
  labelling: { input: LabellingRefreshInput; result: LabellingRefreshResult; progress: never };
};

// Training takes a whole core for seconds to minutes: the window's thread must still win a contended core.
yieldCpuToMainThread();

serveWorker<TrainingWorkerApi>({
  train: (input, context) => runTrainTask(input, context.progress, context.signal),
  readAhead: (input) => readAhead(input),
  screen: (input) => runScreenTask(input),
  learningCurve: (input, context) => runLearningCurveTask(input, context.signal),
  labelling: (input, context) => runLabellingRefresh(input, context.signal),
});
