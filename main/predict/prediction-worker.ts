/**
 * Worker entry of prediction: a thin adapter that serves the prediction handlers (one loaded model,
 * swapped by a `load` request; texts, and files parsed in the same thread) on the worker protocol.
 * Started by the predictor's worker group.
 */
import { setUpParseThread } from '../parsing/parse-task';
import { serveWorker } from '../workers/serve-worker';
import { createPredictionHandlers, type PredictionWorkerApi } from './prediction-task';

// It parses dropped files too: the same thread set-up as the parse pool's workers.
setUpParseThread();
serveWorker<PredictionWorkerApi>(createPredictionHandlers());
