/** Handlers of the `training.*` methods over the training service and the runs repository. Plain Node. */
import type { trainingMethods } from '../../preload/contract';
import { AppError } from '../rpc/app-error';
import type { HandlersFor } from '../rpc/dispatcher';
import type { TrainingRepo } from '../store/training-repo';
import type { TrainingService } from './training-service';

/** What the training handlers use. */
export interface TrainingHandlerDeps {
  training: TrainingService;
  runs: TrainingRepo;
}

/** The training domain's handler group. */
export function createTrainingHandlers(deps: TrainingHandlerDeps): HandlersFor<typeof trainingMethods> {
  return {
    'training.plan': () => deps.training.plan(),
    'training.start': (input) => deps.training.start(input),
    'training.cancel': () => deps.training.cancel(),
    'training.current': () => deps.training.current(),
    'training.runs': () => deps.runs.list(),
    'training.run': ({ runId }) => {
      const run = deps.runs.get(runId);
      if (!run) throw new AppError('not_found', `There is no training run ${runId}.`);
      return run;
    },
  };
}
