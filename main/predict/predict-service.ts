/**
 * The app's prediction domain: dropped files and pasted text go through the prediction engine, and
 * every prediction is stored with the model that made it. Batches count their files and can be
 * cancelled; predictions can be added to the dataset (with a corrected label) as an import job of
 * their own, through the import and documents repositories, so curation and the next training see
 * them. Plain Node; built by the composition root.
 */
import type { AddToDatasetResult, MethodInput, PredictBatch, PredictedItem, PredictStatus } from '../../preload/contract';
import { textHash } from '../store/text-hash';
import { AppError } from '../rpc/app-error';
import type { EventBus } from '../rpc/event-bus';
import type { ImportRepo, ItemToWrite } from '../store/import-repo';
import type { PredictionsRepo, StoredPrediction } from '../store/predictions-repo';
import type { PredictionEngine } from './prediction-engine';

/** What the service is built from. */
export interface PredictServiceDeps {
  engine: PredictionEngine;
  predictions: PredictionsRepo;
  imports: ImportRepo;
  events: EventBus;
  /** Runs after documents were added (near-duplicate flags, `dataset.changed`). */
  afterDatasetChanged: () => void;
}

/** The app's prediction methods. */
export interface PredictService {
  status(): PredictStatus;
  predictFile(input: MethodInput<'predict.file'>): Promise<PredictedItem>;
  predictText(input: { text: string; name?: string }): Promise<PredictedItem>;
  startBatch(total: number): PredictBatch;
  cancelBatch(batchId: number): PredictBatch;
  get(id: number): PredictedItem;
  addToDataset(items: { predictionId: number; category: string }[]): AddToDatasetResult;
}

/** A base64 payload's bytes, owning their buffer (so they can move to a prediction thread). */
function base64Bytes(base64: string): Uint8Array {
  const decoded = Buffer.from(base64, 'base64');
  return new Uint8Array(decoded.buffer.slice(decoded.byteOffset, decoded.byteOffset + decoded.byteLength));
}

/** The stored model id behind a prediction's model reference, when it is one of this database's models. */
const storedModelId = (id: string): number | null => (/^\d+$/.test(id) ? Number(id) : null);

/** A stored prediction as the UI shows it. */
function toItem(stored: StoredPrediction, withText: boolean): PredictedItem {
  return {
    status: 'predicted',
    id: stored.id,
    batchId: stored.batchId,
    name: stored.fileName,
    text: withText ? stored.text : null,
    prediction: stored.prediction,
  };
}

/** Creates the prediction service. */
export function createPredictService(deps: PredictServiceDeps): PredictService {
  const { engine, predictions, events } = deps;

  const requireBatch = (batchId: number): PredictBatch => {
    const batch = predictions.getBatch(batchId);
    if (!batch) throw new AppError('not_found', `There is no prediction batch ${batchId}.`);
    return batch;
  };

  /** Counts a file of a batch and tells the UI (the status line and the table follow it). */
  const countBatchFile = (batchId: number | undefined, isFailed: boolean) => {
    if (batchId === undefined) return;
    const batch = predictions.countBatchFile(batchId, isFailed);
    if (batch) events.emit('predict.batchProgressed', batch);
  };

  return {
    status: () => engine.status(),

    async predictFile({ name, bytes, batchId }) {
      if (batchId !== undefined) {
        const { state } = requireBatch(batchId);
        if (state !== 'running')
          throw new AppError('cancelled', `The batch was ${state === 'cancelled' ? 'cancelled' : 'already finished'}; ${name} was not predicted.`);
      }
      const answer = await engine.predictBytes(typeof bytes === 'string' ? base64Bytes(bytes) : bytes, name);
      if (!answer.ok) {
        countBatchFile(batchId, true);
        return { status: answer.status, batchId: batchId ?? null, name, reason: answer.reason };
      }
      const stored = predictions.insert({
        modelId: storedModelId(answer.prediction.model.id),
        batchId: batchId ?? null,
        fileName: name,
        format: answer.format,
        sizeBytes: answer.sizeBytes,
        contentHash: answer.contentHash,
        text: answer.text,
        textHash: textHash(answer.text),
        prediction: answer.prediction,
      });
      countBatchFile(batchId, false);
      return toItem(stored, batchId === undefined);
    },

    async predictText({ text, name }) {
      const fileName = name ?? 'Pasted text';
      const [answer] = await engine.predictTexts([{ text, name: fileName }]);
      if (!answer!.ok) return { status: answer!.status, batchId: null, name: fileName, reason: answer!.reason };
      const stored = predictions.insert({
        modelId: storedModelId(answer!.prediction.model.id),
        batchId: null,
        fileName,
        format: 'txt',
        sizeBytes: Buffer.byteLength(text),
        contentHash: null,
        text,
        textHash: textHash(text),
        prediction: answer!.prediction,
      });
      return toItem(stored, true);
    },

    startBatch(total) {
      const status = engine.status();
      if (!status.model) throw new AppError('conflict', status.reason ?? 'No model is loaded.');
      const batch = predictions.createBatch(total);
      events.emit('predict.batchProgressed', batch);
      return batch;
    },

    cancelBatch(batchId) {
      requireBatch(batchId);
      const batch = predictions.cancelBatch(batchId)!;
      events.emit('predict.batchProgressed', batch);
      return batch;
    },

    get(id) {
      const stored = predictions.get(id);
      if (!stored) throw new AppError('not_found', `There is no stored prediction ${id}.`);
      return toItem(stored, true);
    },

    addToDataset(items) {
      const rows = items.map((item) => {
        const stored = predictions.get(item.predictionId);
        if (!stored) throw new AppError('not_found', `There is no stored prediction ${item.predictionId}; nothing was added.`);
        return { stored, category: item.category };
      });
      const jobId = deps.imports.createJob('Predict page', 'files', { source: 'predictions' });
      // Each prediction gets its own row path, so two files of the same name both stay listed.
      const toWrite: ItemToWrite[] = rows.map(({ stored, category }) => {
        const predicted = stored.prediction.label;
        const how =
          category === predicted ? `as predicted (${Math.round(stored.prediction.probability * 100)} %)` : `corrected from the predicted "${predicted}"`;
        return {
          relPath: `prediction-${stored.id}/${stored.fileName}`,
          displayName: stored.fileName,
          category,
          format: stored.format,
          sizeBytes: stored.sizeBytes,
          contentHash: stored.contentHash,
          status: 'imported',
          reason: `Added from the Predict page with the label "${category}", ${how}.`,
          document: { text: stored.text, textHash: stored.textHash, sourcePath: stored.fileName, fileName: stored.fileName },
        };
      });
      deps.imports.setTotal(jobId, toWrite.length);
      deps.imports.writeBatch(jobId, toWrite);
      deps.imports.setState(jobId, 'finished');
      const report = deps.imports.report(jobId, undefined, 0, toWrite.length);
      let added = 0;
      for (const item of report.items) {
        const predictionId = Number(/^prediction-(\d+)\//.exec(item.relPath)?.[1]);
        if (item.documentId !== null && Number.isSafeInteger(predictionId)) predictions.setDocument(predictionId, item.documentId);
        if (item.status === 'imported') added++;
      }
      events.emit('import.finished', deps.imports.getJob(jobId)!);
      deps.afterDatasetChanged();
      return { added, duplicates: toWrite.length - added, importJobId: jobId };
    },
  };
}
