/** Handlers of the `evaluation.*` methods over the evaluation service (and the training service for learning curves). Plain Node. */
import type { evaluationMethods } from '../../preload/contract';
import type { HandlersFor } from '../rpc/dispatcher';
import type { TrainingService } from '../training/training-service';
import type { EvaluationService } from './evaluation-service';

/** What the evaluation handlers use. */
export interface EvaluationHandlerDeps {
  evaluation: EvaluationService;
  training: TrainingService;
}

/** The evaluation domain's handler group. */
export function createEvaluationHandlers(deps: EvaluationHandlerDeps): HandlersFor<typeof evaluationMethods> {
  const { evaluation } = deps;
  return {
    'evaluation.cell': ({ runId, source, trueCategory, predictedCategory }) => evaluation.cell(runId, source, trueCategory, predictedCategory),
    'evaluation.explain': ({ runId, documentId, maxChars }) => evaluation.explain(runId, documentId, maxChars),
    'evaluation.mislabelled': ({ runId, limit }) => evaluation.mislabelled(runId, limit),
    'evaluation.compare': ({ baseRunId, runId }) => evaluation.compare(baseRunId, runId),
    'evaluation.learningCurve': ({ runId }) => deps.training.learningCurve(runId),
  };
}
