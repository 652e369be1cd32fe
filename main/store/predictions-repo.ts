/**
 * The only module that reads or writes `predictions` and `prediction_batches`: every prediction the
 * app makes, with the model that made it, its text (so adding it to the dataset needs nothing sent
 * again) and the document it became. Plain Node; used by the prediction domain.
 */
import type { PredictBatch, Prediction } from '../../preload/contract';
import type { Db } from './database';

/** A prediction about to be stored. */
export interface NewPrediction {
  /** The stored model that made it; null only when the model is not in this database. */
  modelId: number | null;
  batchId: number | null;
  fileName: string;
  format: string | null;
  sizeBytes: number | null;
  contentHash: string | null;
  text: string;
  textHash: string;
  prediction: Prediction;
}

/** A stored prediction. */
export interface StoredPrediction {
  id: number;
  modelId: number | null;
  batchId: number | null;
  fileName: string;
  format: string | null;
  sizeBytes: number | null;
  contentHash: string | null;
  text: string;
  textHash: string;
  prediction: Prediction;
  /** The document it was added to the dataset as, if it was. */
  documentId: number | null;
  createdAt: string;
}

interface PredictionRow {
  id: number;
  model_id: number | null;
  batch_id: number | null;
  file_name: string;
  format: string | null;
  size_bytes: number | null;
  content_hash: string | null;
  text: string;
  text_hash: string;
  prediction_json: string;
  document_id: number | null;
  created_at: string;
}

interface BatchRow {
  id: number;
  total: number;
  done: number;
  failed: number;
  state: PredictBatch['state'];
}

const toStored = (row: PredictionRow): StoredPrediction => ({
  id: row.id,
  modelId: row.model_id,
  batchId: row.batch_id,
  fileName: row.file_name,
  format: row.format,
  sizeBytes: row.size_bytes,
  contentHash: row.content_hash,
  text: row.text,
  textHash: row.text_hash,
  prediction: JSON.parse(row.prediction_json) as Prediction,
  documentId: row.document_id,
  createdAt: row.created_at,
});

/** Creates the predictions repository over an open (writable) database. */
export function createPredictionsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO predictions (model_id, batch_id, file_name, format, size_bytes, content_hash, text, text_hash, predicted_category, probabilities_json, prediction_json)
     VALUES (@modelId, @batchId, @fileName, @format, @sizeBytes, @contentHash, @text, @textHash, @label, @probabilitiesJson, @predictionJson)
     RETURNING *`,
  );
  const selectOne = db.prepare<[number], PredictionRow>('SELECT * FROM predictions WHERE id = ?');
  const setDocument = db.prepare('UPDATE predictions SET document_id = ? WHERE id = ?');
  const insertBatch = db.prepare("INSERT INTO prediction_batches (total, state) VALUES (?, 'running')");
  const selectBatch = db.prepare<[number], BatchRow>('SELECT id, total, done, failed, state FROM prediction_batches WHERE id = ?');
  const bumpBatch = db.prepare(
    `UPDATE prediction_batches SET done = done + 1, failed = failed + ?,
       state = CASE WHEN state = 'running' AND done + 1 >= total THEN 'finished' ELSE state END
     WHERE id = ?`,
  );
  const setBatchState = db.prepare("UPDATE prediction_batches SET state = ? WHERE id = ? AND state = 'running'");

  return {
    /** Stores one prediction and returns it as stored (the row the insert wrote, not read again). */
    insert(p: NewPrediction): StoredPrediction {
      const { prediction, ...fields } = p;
      const row = insert.get({
        ...fields,
        label: prediction.label,
        probabilitiesJson: JSON.stringify(prediction.top),
        predictionJson: JSON.stringify(prediction),
      }) as PredictionRow;
      return toStored(row);
    },
    /** One stored prediction, or undefined. */
    get(id: number): StoredPrediction | undefined {
      const row = selectOne.get(id);
      return row && toStored(row);
    },
    /** Records the document a prediction was added to the dataset as. */
    setDocument(id: number, documentId: number): void {
      setDocument.run(documentId, id);
    },
    /** Starts a batch of `total` files. */
    createBatch(total: number): PredictBatch {
      return selectBatch.get(Number(insertBatch.run(total).lastInsertRowid))!;
    },
    /** One batch, or undefined. */
    getBatch(id: number): PredictBatch | undefined {
      return selectBatch.get(id);
    },
    /** Counts one more file of a running batch (failed: it got no prediction); the last one finishes it. */
    countBatchFile(id: number, isFailed: boolean): PredictBatch | undefined {
      bumpBatch.run(isFailed ? 1 : 0, id);
      return selectBatch.get(id);
    },
    /** Ends a running batch early. */
    cancelBatch(id: number): PredictBatch | undefined {
      setBatchState.run('cancelled', id);
      return selectBatch.get(id);
    },
  };
}

/** The predictions repository's type. */
export type PredictionsRepo = ReturnType<typeof createPredictionsRepo>;
