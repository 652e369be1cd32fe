/** Versioned JSON for a fitted pipeline; loading refuses another format name or version. */
import type { EvaluationReport } from '../eval/metrics';
import { TextVectorizer } from '../features/vectorizer';
import type { SparseClassifier } from '../models/estimator';
import { MljsLogisticRegression } from '../models/mljs-adapter';
import { assemblePipeline, type PipelineParams, type TextClassifier, type TrainingInfo } from '../models/pipeline';
import { SoftmaxRegression } from '../models/softmax-regression';

/** The format name written into every model file. */
export const MODEL_FORMAT = 'resume-studio.text-classifier';
/** Bumped on any change that an older loader would misread. */
export const MODEL_FORMAT_VERSION = 1;

/** The JSON document of a saved model. */
export interface ModelDocument {
  format: typeof MODEL_FORMAT;
  version: number;
  engine: string;
  classes: string[];
  params: PipelineParams;
  training: TrainingInfo;
  vocabulary: string[];
  idf: number[] | null;
  model: Record<string, unknown>;
  metrics: EvaluationReport | null;
}

/** The document for a fitted pipeline (optionally with its evaluation). */
export function modelToJSON(pipeline: TextClassifier, metrics: EvaluationReport | null = null): ModelDocument {
  if (!pipeline.isFitted) throw new Error('Cannot save a model that is not fitted.');
  const idf = pipeline.vectorizer.idf;
  return {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    engine: pipeline.params.engine,
    classes: pipeline.classes,
    params: pipeline.params,
    training: pipeline.training!,
    vocabulary: [...pipeline.vectorizer.vocabulary],
    idf: idf ? Array.from(idf) : null,
    model: pipeline.model.toJSON(),
    metrics,
  };
}

/** Serializes to a JSON string; the same fitted state always gives the same bytes. */
export function serializeModel(pipeline: TextClassifier, metrics: EvaluationReport | null = null): string {
  return JSON.stringify(modelToJSON(pipeline, metrics));
}

/** Restores a pipeline from a parsed document or JSON text; throws on a wrong format, version or shape. */
export function deserializeModel(input: string | unknown): { pipeline: TextClassifier; metrics: EvaluationReport | null } {
  const doc = (typeof input === 'string' ? JSON.parse(input) : input) as Partial<ModelDocument> | null;
  if (!doc || typeof doc !== 'object' || doc.format !== MODEL_FORMAT) throw new Error(`Not a Resume Studio model (expected format "${MODEL_FORMAT}").`);
  if (doc.version !== MODEL_FORMAT_VERSION)
    throw new Error(`Model format version ${String(doc.version)} is not supported (this build reads version ${MODEL_FORMAT_VERSION}).`);
  if (!Array.isArray(doc.classes) || doc.classes.length < 2 || !Array.isArray(doc.vocabulary) || !doc.params || !doc.training || !doc.model) {
    throw new Error('The model file is incomplete (classes, vocabulary, params, training or model missing).');
  }
  if (doc.idf && doc.idf.length !== doc.vocabulary.length) throw new Error('The model file is inconsistent: idf and vocabulary lengths differ.');
  const vectorizer = new TextVectorizer(doc.params.vectorizer).setState(doc.vocabulary, doc.idf ?? null);
  let model: SparseClassifier;
  if (doc.engine === 'fast') model = SoftmaxRegression.fromJSON(doc.model);
  else if (doc.engine === 'mljs') model = MljsLogisticRegression.fromJSON(doc.model);
  else throw new Error(`Unknown engine "${String(doc.engine)}" in the model file.`);
  if (Number(doc.model.nClasses) !== doc.classes.length) throw new Error('The model file is inconsistent: class count differs from its weights.');
  if (Number(doc.model.nFeatures) !== doc.training.features) throw new Error('The model file is inconsistent: feature count differs from its weights.');
  return { pipeline: assemblePipeline(doc.params, vectorizer, model, doc.classes, doc.training), metrics: doc.metrics ?? null };
}
