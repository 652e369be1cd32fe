/**
 * Worker entry of prediction: a thin adapter that serves the prediction handlers (one loaded model,
 * swapped by a `load` request; texts, and files parsed in the same thread) on the worker protocol.
 * Started by the predictor's worker group.
 */
import { warmUpModelSchema } from '../../ml/index';
import { setUpParseThread } from '../parsing/parse-task';
import { serveWorker } from '../workers/serve-worker';
import { createPredictionHandlers, type PredictionWorkerApi } from './prediction-task';

// It parses dropped files too: the same thread set-up as the parse pool's workers.
setUpParseThread();
// Before `ready`: the model check's first run compiles its schema, which would otherwise eat into
// the deadline of the request that loads the model.
warmUpModelSchema();
serveWorker<PredictionWorkerApi>(createPredictionHandlers());
