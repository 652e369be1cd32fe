/**
 * Worker entry of training: a thin adapter that serves the training run and the learning curve on
 * the task protocol. It reads its corpus from SQLite itself, so the main thread never holds it.
 */
import { serveTask } from '../workers/serve-task';
import { yieldCpuToMainThread } from '../workers/thread-priority';
import { runLearningCurveTask, type LearningCurveInput } from './learning-curve-task';
import { runTrainTask, type TaskProgress, type TrainTaskInput } from './train-task';

/** One request to the training worker. */
export type TrainingWorkerInput = ({ kind: 'train' } & TrainTaskInput) | ({ kind: 'learningCurve' } & LearningCurveInput);

// Training takes a whole core for seconds to minutes: the window's thread must still win a contended core.
yieldCpuToMainThread();

serveTask<TrainingWorkerInput, unknown, TaskProgress>((input, context) =>
  input.kind === 'train' ? runTrainTask(input, context.progress, context.signal) : runLearningCurveTask(input, context.signal),
);
