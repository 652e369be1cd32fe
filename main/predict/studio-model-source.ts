/**
 * The studio's active model as a model source: the model training (or a model import) made active,
 * with the validation predictions of the run that made it, so the default review threshold comes
 * from resumes the model did not train on. It re-reads on `models.activated`. Plain Node; built by
 * the composition root.
 */
import type { EventBus } from '../rpc/event-bus';
import type { ModelsRepo } from '../store/models-repo';
import type { TrainingRepo } from '../store/training-repo';
import type { ModelSource } from './model-source';
import type { ValidationPrediction } from './review-threshold';

/** The sentence shown while the studio has no active model. */
export const noModelReason = 'No model has been trained yet: train one on the Train page, then come back to predict.';

/** The active model of the studio's database. */
export function studioModelSource(deps: { models: ModelsRepo; runs: TrainingRepo; events: EventBus }): ModelSource {
  return {
    read() {
      const active = deps.models.active();
      if (!active) return { entry: null, reason: noModelReason };
      // The entry id is the models row id, so every stored prediction names the model that made it.
      const entry = { id: String(active.id), name: active.name, trainedAt: active.createdAt, json: active.modelJson };
      return { entry, validation: active.runId === null ? [] : validationOf(deps.runs, active.runId) };
    },
    subscribe(listener) {
      return deps.events.subscribe((event) => {
        if (event.name === 'models.activated') listener();
      });
    },
  };
}

/** Out-of-fold predictions when the run cross-validated (every resume once), else its holdout ones. */
function validationOf(runs: TrainingRepo, runId: number): ValidationPrediction[] {
  const sources = runs.sources(runId);
  const source = sources.includes('cv') ? 'cv' : sources.includes('holdout') ? 'holdout' : null;
  if (!source) return [];
  return runs.predictions(runId, source).map((p) => ({ confidence: p.confidence, isCorrect: p.predictedCategory === p.trueCategory }));
}
