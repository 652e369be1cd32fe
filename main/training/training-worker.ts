/**
 * Worker entry of training: a thin adapter that serves the training run and the learning curve on
 * the task protocol. It reads its corpus from SQLite itself, so the main thread never holds it.
 */
import { serveTask } from '../workers/serve-task';
import { yieldCpuToMainThread } from '../workers/thread-priority';
import { runLearningCurveTask, type LearningCurveInput } from './learning-curve-task';
import { runScreenTask, type ScreenTaskInput } from './screen-task';
import { runTrainTask, type TaskProgress, type TrainTaskInput } from './train-task';

/** One request to the training worker (a training run starts a second one for its screening). */
export type TrainingWorkerInput =
  ({ kind: 'train' } & TrainTaskInput) | ({ kind: 'learningCurve' } & LearningCurveInput) | ({ kind: 'screen' } & ScreenTaskInput);

// Training takes a whole core for seconds to minutes: the window's thread must still win a contended core.
yieldCpuToMainThread();

serveTask<TrainingWorkerInput, unknown, TaskProgress>((input, context) => {
  if (input.kind === 'train') return runTrainTask(input, context.progress, context.signal);
  if (input.kind === 'screen') return runScreenTask(input);
  return runLearningCurveTask(input, context.signal);
});
