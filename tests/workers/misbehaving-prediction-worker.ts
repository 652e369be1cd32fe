/**
 * Test-only worker entry: the real prediction handlers, except that a text starting with a test hook
 * name makes the worker hang, exit, throw outside any handler or run out of memory. This is how the
 * predictor's recovery (a replaced thread reloads the model) is tested without any such hook in the
 * production worker. Started through main/workers/spawn.ts.
 */
import { createPredictionHandlers, type PredictionWorkerApi } from '../../main/predict/prediction-task';
import { serveWorker } from '../../main/workers/serve-worker';
import { misbehave, testHookNames } from './misbehaviour';

const handlers = createPredictionHandlers();
serveWorker<PredictionWorkerApi>({
  load: handlers.load,
  file: handlers.file,
  async predict(input, context) {
    for (const item of input.items) misbehave(item.text);
    // The uncaught throw happens on the next turn; do not answer before it does.
    if (input.items.some((item) => item.text.startsWith(testHookNames.throwUncaught))) await new Promise((resolve) => setTimeout(resolve, 5_000));
    return handlers.predict(input, context);
  },
});
