/**
 * Worker entry of prediction: a thin adapter that serves the prediction task (one loaded model,
 * swapped by a `load` request) on the task protocol. Started through main/workers/resident-worker.ts.
 */
import { serveTask } from '../workers/serve-task';
import { createPredictionTask } from './prediction-task';

serveTask(createPredictionTask());
