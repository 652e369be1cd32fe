/**
 * The only module that reads or writes `training_runs` and `training_run_predictions`: a run is
 * created when it starts, ends once (finished with its metrics, predictions and model, or failed /
 * cancelled with a sentence), and a run whose process died is marked interrupted at the next start.
 * Plain Node; used by the training and evaluation domains and the CLI.
 */
import type {
  CalibrationReport,
  CrossValidationMetrics,
  EvaluatedDocument,
  LearningCurvePoint,
  MetricsReport,
  PredictionSource,
  RunDetail,
  RunState,
  RunSummary,
  RunTimings,
  TrainingParams,
} from '../../preload/contract';
import type { Db } from './database';
import type { ModelsRepo, NewModel } from './models-repo';

/** The process that owns a running run: a later start marks the run interrupted only once it is gone. */
export interface RunOwner {
  pid: number;
  startTime: string | null;
}

/** One stored out-of-fold prediction. */
export interface StoredPrediction {
  source: PredictionSource;
  documentId: number;
  trueCategory: string;
  predictedCategory: string;
  confidence: number;
  trueProbability: number;
}

/** Everything a finished run stores. */
export interface FinishedRun {
  datasetHash: string;
  documents: number;
  classes: number;
  features: number;
  holdout: MetricsReport;
  calibration: CalibrationReport | null;
  cv: CrossValidationMetrics | null;
  split: { trainDocuments: number; testDocuments: number };
  timings: RunTimings;
  epochs: RunDetail['epochs'];
  /** The default review threshold, chosen from the run's validation predictions where they were made. */
  reviewThreshold: StoredReviewThreshold;
  model: Omit<NewModel, 'runId'>;
}

/** A run's default review threshold as stored (predict/review-threshold.ts chooses it; the same shape). */
export interface StoredReviewThreshold {
  threshold: number;
  accuracyAbove: number | null;
  coverage: number | null;
  rows: number;
  basis: string;
}

/** What metrics_json holds. */
interface StoredMetrics {
  holdout: MetricsReport;
  calibration: CalibrationReport | null;
  cv: CrossValidationMetrics | null;
  split: { trainDocuments: number; testDocuments: number };
  features: number;
  /** Absent in runs stored before it was kept: chosen from their stored predictions instead. */
  reviewThreshold?: StoredReviewThreshold;
}

interface RunRow {
  id: number;
  engine: string;
  state: 'running' | 'cancelled' | 'finished' | 'failed';
  interrupted: number;
  params_json: string;
  metrics_json: string | null;
  error: string | null;
  started_at: string;
  finished_at: string | null;
  owner_pid: number | null;
  owner_start_time: string | null;
  dataset_hash: string | null;
  document_count: number | null;
  class_count: number | null;
  timings_json: string | null;
  epochs_json: string | null;
  learning_curve_json: string | null;
}

interface PredictionRow {
  document_id: number;
  true_category: string;
  predicted_category: string;
  confidence: number;
  true_probability: number;
}

/** A stored prediction without the document's current name and label (the caller adds those from the documents repository). */
export type PredictionRecord = Omit<EvaluatedDocument, 'fileName' | 'currentCategory' | 'isExcluded'>;

const toRecord = (row: PredictionRow): PredictionRecord => ({
  documentId: row.document_id,
  trueCategory: row.true_category,
  predictedCategory: row.predicted_category,
  confidence: row.confidence,
  trueProbability: row.true_probability,
});

const parse = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T));

/** Creates the training-runs repository; it stores a finished run's model through the models repository. */
export function createTrainingRepo(db: Db, models: ModelsRepo) {
  const insertRun = db.prepare(
    `INSERT INTO training_runs (engine, state, params_json, owner_pid, owner_start_time) VALUES (@engine, 'running', @paramsJson, @pid, @startTime)`,
  );
  const selectAll = db.prepare<[], RunRow>('SELECT * FROM training_runs ORDER BY id DESC');
  const selectOne = db.prepare<[number], RunRow>('SELECT * FROM training_runs WHERE id = ?');
  const selectRunning = db.prepare<[], RunRow>(`SELECT * FROM training_runs WHERE state = 'running' ORDER BY id`);
  const finishRun = db.prepare(
    `UPDATE training_runs SET state = 'finished', metrics_json = @metricsJson, dataset_hash = @datasetHash, document_count = @documents,
       class_count = @classes, timings_json = @timingsJson, epochs_json = @epochsJson, finished_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
     WHERE id = @id AND state = 'running'`,
  );
  const endRun = db.prepare(
    `UPDATE training_runs SET state = @state, error = @error, interrupted = @interrupted, finished_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
     WHERE id = @id AND state = 'running'`,
  );
  const insertPrediction = db.prepare(
    `INSERT INTO training_run_predictions (run_id, source, document_id, true_category, predicted_category, confidence, true_probability)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectCell = db.prepare<[number, string, string, string], PredictionRow>(
    `SELECT document_id, true_category, predicted_category, confidence, true_probability FROM training_run_predictions
     WHERE run_id = ? AND source = ? AND true_category = ? AND predicted_category = ? ORDER BY confidence DESC, document_id`,
  );
  const selectPredictions = db.prepare<[number, string], PredictionRow>(
    `SELECT document_id, true_category, predicted_category, confidence, true_probability FROM training_run_predictions
     WHERE run_id = ? AND source = ? ORDER BY document_id`,
  );
  const selectPrediction = db.prepare<[number, number], PredictionRow & { source: PredictionSource }>(
    `SELECT source, document_id, true_category, predicted_category, confidence, true_probability FROM training_run_predictions
     WHERE run_id = ? AND document_id = ? ORDER BY source = 'holdout' DESC LIMIT 1`,
  );
  const selectMislabelled = db.prepare<[number, string, number], PredictionRow>(
    `SELECT document_id, true_category, predicted_category, confidence, true_probability FROM training_run_predictions
     WHERE run_id = ? AND source = ? AND predicted_category <> true_category
     ORDER BY confidence - true_probability DESC, document_id LIMIT ?`,
  );
  const sources = db.prepare<[number], { source: PredictionSource }>('SELECT DISTINCT source FROM training_run_predictions WHERE run_id = ?');
  const updateCurve = db.prepare('UPDATE training_runs SET learning_curve_json = ? WHERE id = ?');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM training_runs');

  const stateOf = (row: RunRow): RunState => (row.interrupted === 1 ? 'interrupted' : row.state);

  const toSummary = (row: RunRow): RunSummary => {
    const metrics = parse<StoredMetrics>(row.metrics_json);
    const model = models.byRun(row.id);
    const timings = parse<RunTimings>(row.timings_json);
    const durationMs = timings?.totalMs ?? (row.finished_at ? Date.parse(row.finished_at) - Date.parse(row.started_at) : null);
    return {
      id: row.id,
      state: stateOf(row),
      engine: row.engine,
      // Runs stored before blind mode existed were not blind.
      params: { blind: false, ...(JSON.parse(row.params_json) as Omit<TrainingParams, 'blind'>) },
      documents: row.document_count,
      classes: row.class_count,
      datasetHash: row.dataset_hash,
      accuracy: metrics?.holdout.accuracy ?? null,
      macroF1: metrics?.holdout.macro.f1 ?? null,
      modelId: model?.id ?? null,
      isActiveModel: model?.isActive ?? false,
      error: row.error,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      durationMs,
    };
  };

  const deletePredictions = db.prepare('DELETE FROM training_run_predictions WHERE run_id = ?');
  const addPredictions = db.transaction((id: number, batch: readonly StoredPrediction[]) => {
    for (const p of batch) insertPrediction.run(id, p.source, p.documentId, p.trueCategory, p.predictedCategory, p.confidence, p.trueProbability);
  });
  const end = db.transaction((id: number, state: 'failed' | 'cancelled' | 'interrupted', error: string) => {
    // Predictions written before the run ended belong to no result: drop them.
    deletePredictions.run(id);
    endRun.run({ id, state: state === 'interrupted' ? 'failed' : state, error, interrupted: state === 'interrupted' ? 1 : 0 });
  });

  const finish = db.transaction((id: number, run: FinishedRun): number => {
    const metrics: StoredMetrics = {
      holdout: run.holdout,
      calibration: run.calibration,
      cv: run.cv,
      split: run.split,
      features: run.features,
      reviewThreshold: run.reviewThreshold,
    };
    const changed = finishRun.run({
      id,
      metricsJson: JSON.stringify(metrics),
      datasetHash: run.datasetHash,
      documents: run.documents,
      classes: run.classes,
      timingsJson: JSON.stringify(run.timings),
      epochsJson: JSON.stringify(run.epochs),
    }).changes;
    if (changed !== 1) throw new Error(`Training run ${id} is not running any more; its result was not stored.`);
    const modelId = models.insert({ ...run.model, runId: id });
    models.activate(modelId);
    return modelId;
  });

  return {
    /** Records a run that starts now; returns its id. */
    create(params: TrainingParams, owner: RunOwner): number {
      return Number(insertRun.run({ engine: params.engine, paramsJson: JSON.stringify(params), pid: owner.pid, startTime: owner.startTime }).lastInsertRowid);
    },
    /**
     * Records a run that starts now unless another live process is training in this data folder:
     * the running rows are the lock (each names its owner process), read and written in one write
     * transaction (BEGIN IMMEDIATE), so two processes starting at once cannot both pass. A running
     * row whose owner is gone is marked interrupted on the way.
     */
    createExclusive(
      params: TrainingParams,
      owner: RunOwner,
      isOwnerRunning: (owner: RunOwner) => boolean,
    ): { runId: number } | { heldBy: { runId: number; pid: number; startedAt: string } } {
      return db
        .transaction(() => {
          for (const row of selectRunning.all()) {
            const rowOwner = { pid: row.owner_pid ?? -1, startTime: row.owner_start_time };
            const isMine = rowOwner.pid === owner.pid && rowOwner.startTime === owner.startTime;
            if (!isMine && row.owner_pid !== null && isOwnerRunning(rowOwner))
              return { heldBy: { runId: row.id, pid: row.owner_pid, startedAt: row.started_at } };
            if (!isMine)
              end(row.id, 'interrupted', 'Interrupted: the app stopped while this run was training; no model was saved, the previous one stayed active.');
          }
          return {
            runId: Number(
              insertRun.run({ engine: params.engine, paramsJson: JSON.stringify(params), pid: owner.pid, startTime: owner.startTime }).lastInsertRowid,
            ),
          };
        })
        .immediate();
    },
    /** Stores a batch of a running run's out-of-fold predictions (one transaction). */
    addPredictions(id: number, batch: readonly StoredPrediction[]): void {
      addPredictions(id, batch);
    },
    /** Stores a finished run (its predictions already added) and its model, and makes that model active, in one transaction; returns the model id. */
    finish(id: number, run: FinishedRun): number {
      return finish(id, run);
    },
    /** Ends a running run without a model; the active model stays as it was. */
    end(id: number, state: 'failed' | 'cancelled' | 'interrupted', error: string): void {
      end(id, state, error);
    },
    /** Marks every running run whose owner process is gone as interrupted; returns how many. */
    markInterrupted(isOwnerRunning: (owner: RunOwner) => boolean): number {
      let marked = 0;
      for (const row of selectRunning.all()) {
        if (row.owner_pid !== null && isOwnerRunning({ pid: row.owner_pid, startTime: row.owner_start_time })) continue;
        end(row.id, 'interrupted', 'Interrupted: the app stopped while this run was training; no model was saved, the previous one stayed active.');
        marked++;
      }
      return marked;
    },
    /** Runs still marked running (by this or another live process). */
    running(): RunSummary[] {
      return selectRunning.all().map(toSummary);
    },
    /** Every run, newest first. */
    list(): RunSummary[] {
      return selectAll.all().map(toSummary);
    },
    /** One run's summary, or undefined. */
    summary(id: number): RunSummary | undefined {
      const row = selectOne.get(id);
      return row && toSummary(row);
    },
    /** Everything stored about a run, or undefined. */
    get(id: number): RunDetail | undefined {
      const row = selectOne.get(id);
      if (!row) return undefined;
      const metrics = parse<StoredMetrics>(row.metrics_json);
      return {
        ...toSummary(row),
        holdout: metrics?.holdout ?? null,
        calibration: metrics?.calibration ?? null,
        cv: metrics?.cv ?? null,
        split: metrics?.split ?? null,
        features: metrics?.features ?? null,
        timings: parse<RunTimings>(row.timings_json),
        learningCurve: parse<LearningCurvePoint[]>(row.learning_curve_json),
        epochs: parse<RunDetail['epochs']>(row.epochs_json) ?? [],
      };
    },
    /** Which prediction sources a run stored. */
    /** The review threshold stored with a finished run, or null (runs stored before it was kept). */
    storedReviewThreshold(id: number): StoredReviewThreshold | null {
      const row = selectOne.get(id);
      return (row?.metrics_json && parse<StoredMetrics>(row.metrics_json)?.reviewThreshold) || null;
    },
    sources(id: number): PredictionSource[] {
      return sources.all(id).map((r) => r.source);
    },
    /** The documents of one confusion-matrix cell, most confident first. */
    cell(id: number, source: PredictionSource, trueCategory: string, predictedCategory: string): PredictionRecord[] {
      return selectCell.all(id, source, trueCategory, predictedCategory).map(toRecord);
    },
    /** Every stored prediction of a source, by document id. */
    predictions(id: number, source: PredictionSource): PredictionRecord[] {
      return selectPredictions.all(id, source).map(toRecord);
    },
    /** One document's prediction in a run (holdout preferred), or undefined. */
    prediction(id: number, documentId: number): PredictionRecord | undefined {
      const row = selectPrediction.get(id, documentId);
      return row && toRecord(row);
    },
    /** Misclassified documents ranked by how much more the out-of-fold model believes another label. */
    mislabelled(id: number, source: PredictionSource, limit: number): (PredictionRecord & { margin: number })[] {
      return selectMislabelled.all(id, source, limit).map((row) => ({ ...toRecord(row), margin: row.confidence - row.true_probability }));
    },
    /** Stores a run's learning curve once computed. */
    setLearningCurve(id: number, points: LearningCurvePoint[]): void {
      updateCurve.run(JSON.stringify(points), id);
    },
    /** How many runs are stored. */
    count(): number {
      return count.get()!.n;
    },
  };
}

/** The training-runs repository's type. */
export type TrainingRepo = ReturnType<typeof createTrainingRepo>;
