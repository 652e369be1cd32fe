/**
 * The studio's active model as a model source: the model training (or a model import) made active,
 * with the review threshold its run chose from its validation predictions (resumes the model did
 * not train on), or those predictions for a run stored before the threshold was kept. It re-reads
 * on `models.activated`, and, watching the database, when another process (the app, the CLI's
 * `train`, `serve`) activated another model.
 * Plain Node; built by the composition root and the CLI.
 */
import type { EventBus } from '../rpc/event-bus';
import type { Db } from '../store/database';
import type { ModelsRepo } from '../store/models-repo';
import type { TrainingRepo } from '../store/training-repo';
import type { ModelSource } from './model-source';
import type { ValidationPrediction } from './review-threshold';

/** The sentence shown while the studio has no active model. */
export const noModelReason = 'No model has been trained yet: train one on the Train page, then come back to predict.';

/** The active model of the studio's database. */
/** How often the database is asked whether another process committed (one cheap pragma). */
export const activeModelPollMs = 1_000;

/**
 * Calls `onChange` when the active model changed through another connection. SQLite's
 * data_version changes on each commit by another connection (never by this one), so the poll is
 * one pragma; only then is the active id read and compared.
 */
function watchOtherProcesses(db: Db, models: ModelsRepo, intervalMs: number, onChange: () => void): () => void {
  let version = db.pragma('data_version', { simple: true }) as number;
  let activeId = models.activeId();
  const timer = setInterval(() => {
    if (!db.open) return;
    const now = db.pragma('data_version', { simple: true }) as number;
    if (now === version) return;
    version = now;
    const id = models.activeId();
    if (id === activeId) return;
    activeId = id;
    onChange();
  }, intervalMs);
  // A forgotten watch must not keep the CLI alive.
  timer.unref();
  return () => clearInterval(timer);
}

/** The active model of the studio's database; with `watch`, also the changes other processes make. */
export function studioModelSource(deps: { models: ModelsRepo; runs: TrainingRepo; events: EventBus; watch?: { db: Db; intervalMs?: number } }): ModelSource {
  return {
    read() {
      const active = deps.models.active();
      if (!active) return { entry: null, reason: noModelReason };
      // The entry id is the models row id, so every stored prediction names the model that made it.
      const entry = { id: String(active.id), name: active.name, trainedAt: active.createdAt, json: active.modelJson };
      if (active.runId === null) return { entry, validation: [] };
      // Chosen when the run was trained; runs stored before that was kept choose from their predictions.
      const stored = deps.runs.storedReviewThreshold(active.runId);
      return stored ? { entry, validation: [], reviewThreshold: stored } : { entry, validation: validationOf(deps.runs, active.runId) };
    },
    subscribe(listener) {
      const unsubscribe = deps.events.subscribe((event) => {
        if (event.name === 'models.activated') listener();
      });
      const stopWatching = deps.watch ? watchOtherProcesses(deps.watch.db, deps.models, deps.watch.intervalMs ?? activeModelPollMs, listener) : () => undefined;
      return () => {
        unsubscribe();
        stopWatching();
      };
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
