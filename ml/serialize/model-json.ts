/**
 * Versioned JSON for a fitted pipeline. Loading checks the format name, the version and that every
 * part fits the others; whatever is wrong comes back as one ModelFormatError sentence
 * ("<source> is not a Resume Studio model or is damaged: <reason>."), never a raw TypeError or
 * JSON parser message.
 */
import type { EvaluationReport } from '../eval/metrics';
import { TextVectorizer, type VectorizerParams } from '../features/vectorizer';
import type { SparseClassifier } from '../models/estimator';
import { MljsLogisticRegression } from '../models/mljs-adapter';
import { assemblePipeline, type PipelineParams, type TextClassifier, type TrainingInfo } from '../models/pipeline';
import { LinearSvmClassifier } from '../models/svm-classifier';
import { isBlindNormalize } from '../text/blind';
import type { BroadView } from '../models/broad-view';
import { broadFromJSON, broadToJSON, type BroadDocument } from './broad-json';
import { dimensionProblem, shapeProblem, type CheckedModelDocument } from './model-schema';

/** The format name written into every model file. */
export const MODEL_FORMAT = 'resume-studio.text-classifier';
/**
 * Bumped on any change that an older loader would misread. 2: the fast engine's weights come from
 * the NB-SVM solver, probabilities are softmax(scores / training.calibration.temperature), and the
 * fitted vectorizer settings are stored in `vectorizer`. (Blind models, whose cleaner also masks
 * names and addresses, stayed at 2: a loader that predates the two steps reads them as off, which
 * only lets a name through at prediction, and refusing every stored model would cost more.)
 * 3: a fast model may carry a broad view (`broad`) mixed into its scores; a loader of format 2 would
 * ignore it and predict short texts differently, so it must refuse the file.
 */
export const MODEL_FORMAT_VERSION = 3;
/** The oldest format this version still reads: a format 2 file is a model without a broad view. */
export const OLDEST_READABLE_MODEL_FORMAT = 2;

/** The JSON document of a saved model. */
export interface ModelDocument {
  format: typeof MODEL_FORMAT;
  version: number;
  engine: string;
  classes: string[];
  /** The parameters the pipeline was asked for. */
  params: PipelineParams;
  /** The vectorizer settings actually fitted (after tuning). */
  vectorizer: VectorizerParams;
  /** Trained blind: the cleaner (`vectorizer.normalize`) masks names, e-mails, phones, addresses and URLs before any term is counted. */
  blind: boolean;
  training: TrainingInfo;
  vocabulary: string[];
  idf: number[] | null;
  model: Record<string, unknown>;
  /** The fast engine's broad view for short texts (absent in format 2, null when the model has none). */
  broad?: BroadDocument | null;
  metrics: EvaluationReport | null;
}

/**
 * Largest model text loaded. Loading takes several times the text's size in memory (parsed
 * numbers, then typed arrays), and a prediction thread has 512 MB: past this a model does not fail
 * as damaged but as "ran out of memory … try again", which no retry fixes. The largest model the
 * training options allow (200,000 features) stays under it for up to 20 categories.
 */
export const MAX_MODEL_JSON_BYTES = 64 * 1024 * 1024;

/** The sentence for a model text of `sizeBytes` over MAX_MODEL_JSON_BYTES, or null when it is not. */
export function modelTooLargeReason(sizeBytes: number, source = 'The model'): string | null {
  if (sizeBytes <= MAX_MODEL_JSON_BYTES) return null;
  const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  return (
    `${source} is too large to load (${mb(sizeBytes)}; this version loads models up to ${mb(MAX_MODEL_JSON_BYTES)}), so it was not loaded: ` +
    'train it again with fewer features.'
  );
}

/** A model file that cannot be used, with a sentence saying why. */
export class ModelFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFormatError';
  }
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
    vectorizer: pipeline.vectorizer.params,
    blind: isBlindNormalize(pipeline.vectorizer.params.normalize),
    training: pipeline.training!,
    vocabulary: [...pipeline.vectorizer.vocabulary],
    idf: idf ? Array.from(idf) : null,
    model: pipeline.model.toJSON(),
    broad: pipeline.broad ? broadToJSON(pipeline.broad) : null,
    metrics,
  };
}

/** Serializes to a JSON string; the same fitted state always gives the same bytes. */
export function serializeModel(pipeline: TextClassifier, metrics: EvaluationReport | null = null): string {
  return JSON.stringify(modelToJSON(pipeline, metrics));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why a parsed document cannot be a model of this version, or null when its parts fit together. */
function problemWith(doc: Record<string, unknown>): string | null {
  const { classes, vocabulary, idf, model, training, params, vectorizer } = doc;
  if (!Array.isArray(classes) || classes.length < 2 || classes.some((c) => typeof c !== 'string')) return 'it does not list two or more category names';
  if (!Array.isArray(vocabulary) || vocabulary.some((t) => typeof t !== 'string')) return 'its vocabulary is missing or not a list of terms';
  // Only the count here: a value that is not a number is named, with its position, by the schema.
  if (idf !== null && (!Array.isArray(idf) || idf.length !== vocabulary.length))
    return `its idf has ${Array.isArray(idf) ? idf.length : 'no'} values for ${vocabulary.length} terms`;
  if (!isObject(params) || !isObject(vectorizer) || !isObject(training) || !isObject(model)) return 'its parameters, training facts or weights are missing';
  if (doc.engine !== 'fast' && doc.engine !== 'mljs')
    return `its engine ${JSON.stringify(doc.engine ?? null)} is not one this version knows ("fast" or "mljs")`;
  if (model.engine !== doc.engine) return `it says engine "${String(doc.engine)}" but holds ${JSON.stringify(model.engine ?? null)} weights`;
  if (doc.engine === 'fast' && model.solver !== 'nb-svm-dual-cd')
    return `its "fast" weights come from an unknown solver (${JSON.stringify(model.solver ?? null)})`;
  if (Number(model.nClasses) !== classes.length) return `its weights are for ${String(model.nClasses)} classes but it lists ${classes.length}`;
  if (Number(model.nFeatures) !== training.features)
    return `its weights are for ${String(model.nFeatures)} features but it was trained on ${String(training.features)}`;
  const calibration = training.calibration;
  if (calibration !== null && !(isObject(calibration) && typeof calibration.temperature === 'number' && calibration.temperature > 0))
    return 'its calibration temperature is not a positive number';
  return null;
}

/**
 * Restores a pipeline from a parsed document or JSON text. `source` names it in errors (a file name);
 * every failure is a ModelFormatError sentence.
 */
export function deserializeModel(input: string | unknown, source = 'The model'): { pipeline: TextClassifier; metrics: EvaluationReport | null } {
  const damaged = (reason: string) => new ModelFormatError(`${source} is not a Resume Studio model or is damaged: ${reason}.`);
  let doc: unknown = input;
  if (typeof input === 'string') {
    // Characters, not bytes: close enough for a bound (a model is nearly all ASCII) and free to measure.
    const tooLarge = modelTooLargeReason(input.length, source);
    if (tooLarge) throw new ModelFormatError(tooLarge);
    try {
      doc = JSON.parse(input);
    } catch {
      throw damaged(input.trim() === '' ? 'it is empty' : 'its JSON is cut short or malformed');
    }
  }
  if (!isObject(doc) || doc.format !== MODEL_FORMAT) throw damaged(`it has no "format": "${MODEL_FORMAT}" field`);
  // "2" (a string) is not format 2: the sentence must not say "newer … format 2; this version reads format 2".
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version))
    throw damaged(`its "version" ${JSON.stringify(doc.version ?? null)} is not a whole number`);
  if (doc.version < OLDEST_READABLE_MODEL_FORMAT || doc.version > MODEL_FORMAT_VERSION) {
    const older = doc.version < OLDEST_READABLE_MODEL_FORMAT;
    const readable = `formats ${OLDEST_READABLE_MODEL_FORMAT} to ${MODEL_FORMAT_VERSION}`;
    throw new ModelFormatError(
      older
        ? `${source} was saved by an older Resume Studio (model format ${doc.version}); this version reads ${readable}: train the model again.`
        : `${source} was saved by a newer Resume Studio (model format ${String(doc.version)}); this version reads ${readable}: update Resume Studio to use it.`,
    );
  }
  // The tested, specific sentences first; then every section's type and every number's range; then
  // whether the sections' dimensions agree (a vocabulary and idf cut short together pass the rest).
  const problem = problemWith(doc) ?? shapeProblem(doc) ?? dimensionProblem(doc as unknown as CheckedModelDocument);
  if (problem) throw damaged(problem);
  const d = doc as unknown as ModelDocument;
  let model: SparseClassifier;
  let broad: BroadView | null = null;
  try {
    model = d.engine === 'fast' ? LinearSvmClassifier.fromJSON(d.model) : MljsLogisticRegression.fromJSON(d.model);
    if (d.version >= 3 && d.broad) broad = broadFromJSON(d.broad, d.classes.length);
  } catch (error) {
    // The engines' own checks say "its … weights …"; anything else is an inconsistency they did not foresee.
    const message = (error as Error).message;
    throw damaged(message.startsWith('its ') ? message : 'its weights do not fit together');
  }
  const vectorizer = new TextVectorizer(d.vectorizer).setState(d.vocabulary, d.idf ?? null);
  // A format 2 file predates the broad view: its parameters say nothing of it, and it has none.
  const params = { ...d.params, broad: d.version >= 3 ? d.params.broad : false };
  return { pipeline: assemblePipeline(params, vectorizer, model, broad, d.classes, d.training), metrics: d.metrics ?? null };
}
