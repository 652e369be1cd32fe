/**
 * Handlers of the `models.*` methods: list, the active model, activate, export, import (validated)
 * and the model card. Every change of the active model is announced as `models.activated`, which
 * prediction listens to. Plain Node.
 */
import type { modelsMethods } from '../../preload/contract';
import { deserializeModel, isBlindNormalize, modelTooLargeReason, type EvaluationReport } from '../../ml/index';
import { AppError } from '../rpc/app-error';
import type { HandlersFor } from '../rpc/dispatcher';
import type { EventBus } from '../rpc/event-bus';
import type { ModelsRepo } from '../store/models-repo';
import type { TrainingRepo } from '../store/training-repo';
import { buildModelCard, modelCardMarkdown } from './model-card';

/** What the models handlers use. */
export interface ModelsHandlerDeps {
  models: ModelsRepo;
  runs: TrainingRepo;
  events: EventBus;
}

/**
 * Parses and checks a model file's text; throws an AppError whose one sentence names the file and
 * what is wrong (ml/'s "<file> is not a Resume Studio model or is damaged: …" form).
 */
export function validateModelFile(
  fileName: string,
  json: string,
): { document: Record<string, unknown>; metrics: EvaluationReport | null; classes: string[]; trainedBlind: boolean } {
  const tooLarge = modelTooLargeReason(Buffer.byteLength(json), fileName);
  if (tooLarge) throw new AppError('bad_input', tooLarge);
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    throw new AppError('bad_input', `${fileName} is not a Resume Studio model: it is not valid JSON (${(error as Error).message}).`);
  }
  try {
    const { pipeline, metrics } = deserializeModel(document, fileName);
    return {
      document: document as Record<string, unknown>,
      metrics,
      classes: pipeline.classes,
      trainedBlind: isBlindNormalize(pipeline.vectorizer.params.normalize),
    };
  } catch (error) {
    throw new AppError('bad_input', (error as Error).message);
  }
}

/** The models domain's handler group. */
export function createModelsHandlers(deps: ModelsHandlerDeps): HandlersFor<typeof modelsMethods> {
  const { models, runs, events } = deps;
  const mustGet = (id: number) => {
    const model = models.get(id);
    if (!model) throw new AppError('not_found', `There is no model ${id}; it may have been deleted.`);
    return model;
  };
  return {
    'models.list': () => models.list(),
    'models.active': () => models.active(),
    'models.activate': ({ id }) => {
      mustGet(id);
      models.activate(id);
      const model = mustGet(id);
      events.emit('models.activated', { model });
      return model;
    },
    'models.export': ({ id }) => {
      const model = mustGet(id);
      return { fileName: `resume-studio-model-${model.id}.json`, json: models.json(id)! };
    },
    'models.card': ({ id }) => {
      const model = mustGet(id);
      const run = model.runId === null ? undefined : runs.get(model.runId);
      const file = validateModelFile(`model ${id}`, models.json(id)!);
      const card = buildModelCard(model, run, run ? null : file.metrics, { trainedBlind: file.trainedBlind });
      return { markdown: modelCardMarkdown(card), json: JSON.stringify(card, null, 2), fileStem: `resume-studio-model-${model.id}-card` };
    },
    'models.import': ({ fileName, json }) => {
      const { document, metrics, classes } = validateModelFile(fileName, json);
      const training = document.training as { docs: number; dataHash: string };
      const id = models.insert({
        runId: null,
        origin: 'imported',
        name: fileName,
        format: String(document.format),
        modelJson: json,
        engine: String(document.engine),
        classes,
        documents: training.docs,
        dataHash: training.dataHash,
        macroF1: metrics?.macro.f1 ?? null,
      });
      return mustGet(id);
    },
  };
}
