/**
 * Worker entry of prediction: a thin adapter that serves the prediction handlers (one loaded model,
 * swapped by a `load` request) on the worker protocol. Started by the predictor's worker group.
 */
import { serveWorker } from '../workers/serve-worker';
import { createPredictionHandlers, type PredictionWorkerApi } from './prediction-task';

serveWorker<PredictionWorkerApi>(createPredictionHandlers());
