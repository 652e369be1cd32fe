/**
 * The text classifier pipeline: vectorizer (+ engineered columns) → estimator → temperature. It is
 * itself an estimator over raw texts and string labels: fit / predict / predictProba, saved by
 * ml/serialize. Fitting the fast engine also tunes it (inner CV on the training rows, tune.ts), adds
 * its broad view for short texts (broad-view.ts), and every engine is calibrated on held-out scores
 * (fit-plan.ts).
 */
import { appendDenseColumns, type CsrMatrix } from '../features/csr';
import { broadShare, mixScores, type BroadView } from './broad-view';
import { linearScores } from './linear-svm';
import { defaultEngineeredOptions, engineeredNames, engineeredValues, type EngineeredOptions } from '../features/engineered';
import { capAnalysedText } from '../features/usable-text';
import { TextVectorizer } from '../features/vectorizer';
import { calibratedProbabilities, type Calibration } from './calibration';
import { argmaxRows, requireFitted, type FitHooks, type SparseClassifier } from './estimator';
import { fitPipeline, type HeldOutRows, type ReusedChoices } from './fit-plan';
import { defaultVectorizerFor, type PipelineParams, type TuningSummary } from './pipeline-params';
import { dataHashOf, denseRows, prepareCorpus, requireCompatible, type PreparedCorpus } from './prepared-corpus';
import { MljsLogisticRegression } from './mljs-adapter';
import { LinearSvmClassifier } from './svm-classifier';

export { defaultVectorizerFor, type EngineName, type PipelineParams, type TuningSummary } from './pipeline-params';

/** A model's input for some texts: the focused view's matrix, and the broad view's with each row's share of the score. */
export interface ModelInput {
  focused: CsrMatrix;
  broad: CsrMatrix | null;
  broadShares: Float64Array | null;
}

/** Facts about the data a pipeline was fitted on and how it was fitted. */
export interface TrainingInfo {
  docs: number;
  /** Hash of every (text, label) pair in order: identifies the training data without storing it. */
  dataHash: string;
  features: number;
  /** The fast engine's inner cross-validation, or null when it did not tune. */
  tuning: TuningSummary | null;
  calibration: Calibration | null;
}

/** Wall-clock split of a fit in milliseconds (not serialized, so model JSON stays deterministic). */
export interface FitTimings {
  vectorizeMs: number;
  tuneMs: number;
  fitMs: number;
  calibrateMs: number;
  /** Everything after vectorizing: tune + fit + calibrate. */
  trainMs: number;
}

/** Resume text → job category. */
export class TextClassifier {
  readonly params: PipelineParams;
  vectorizer: TextVectorizer;
  model: SparseClassifier;
  /** The fast engine's broad view (null: mljs, turned off, or a model saved before it existed). */
  broad: BroadView | null = null;
  classes: string[] = [];
  training: TrainingInfo | null = null;
  lastFitTimings: FitTimings | null = null;
  /** The held-out scores the last fit calibrated on (rows index its training rows); not serialized. */
  lastHeldOut: HeldOutRows | null = null;

  constructor(params: Partial<PipelineParams> = {}) {
    const engine = params.engine ?? 'fast';
    this.params = {
      engine,
      seed: params.seed ?? 42,
      vectorizer: { ...defaultVectorizerFor(engine), ...params.vectorizer },
      engineered: { ...defaultEngineeredOptions, ...params.engineered },
      fast: { ...params.fast },
      mljs: { ...params.mljs },
      tune: params.tune === false ? false : { ...params.tune },
      broad: params.broad === false ? false : { ...params.broad },
      calibrationHoldout: params.calibrationHoldout ?? 0.2,
    };
    this.vectorizer = new TextVectorizer(this.params.vectorizer);
    this.model = this.newModel();
  }

  /** A fresh, unfitted estimator of this pipeline's engine (with `overrides` on its parameters). */
  newModel(overrides: { C?: number } = {}): SparseClassifier {
    if (this.params.engine === 'mljs') return new MljsLogisticRegression(this.params.mljs);
    return new LinearSvmClassifier({ seed: this.params.seed, ...this.params.fast, ...overrides });
  }

  /** True once fitted or loaded. */
  get isFitted(): boolean {
    return this.training !== null && this.model.isFitted;
  }

  /** The engineered feature settings in force. */
  get engineeredOptions(): EngineeredOptions {
    return { ...defaultEngineeredOptions, ...this.params.engineered };
  }

  /** Names of every model column: vocabulary terms, then engineered features. */
  get featureNames(): string[] {
    return [...this.vectorizer.vocabulary, ...engineeredNames(this.engineeredOptions)];
  }

  /** The temperature applied to the model's scores (1 when uncalibrated). */
  get temperature(): number {
    return this.training?.calibration?.temperature ?? 1;
  }

  /** Fits on texts (read once, so a generator works) and their labels; returns this. */
  fit(texts: Iterable<string>, labels: readonly string[], hooks: FitHooks = {}, options: { reuseChoicesOf?: TextClassifier } = {}): this {
    return this.fitPrepared(this.prepare(texts, labels, hooks), null, hooks, options);
  }

  /** Reads a corpus once for several fits of pipelines with this one's vectorizer and engineered settings. */
  prepare(texts: Iterable<string>, labels: readonly string[], hooks: FitHooks = {}): PreparedCorpus {
    const step = (done: number, total: number) =>
      hooks.onProgress?.({ phase: 'vectorize', epoch: done, maxEpochs: Math.max(1, total), trainLoss: NaN, validationLoss: null, validationAccuracy: null });
    step(0, labels.length);
    return prepareCorpus(texts, labels, this.params.vectorizer, this.engineeredOptions, step);
  }

  /** True when this pipeline's vectorizer and engineered settings read texts as `prepared` was read (so fitPrepared takes it). */
  canUse(prepared: PreparedCorpus): boolean {
    try {
      requireCompatible(prepared, this.params.vectorizer, this.engineeredOptions);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Fits on rows of a prepared corpus (null: every row, which is its last use — the pool's token
   * arrays are released as the matrix is built). `reuseChoicesOf`: a fitted pipeline of the same
   * engine whose chosen feature count, title weight, C and temperature this fit takes instead of
   * tuning and calibrating again (a run's final model after its holdout model).
   */
  fitPrepared(prepared: PreparedCorpus, rows: ArrayLike<number> | null, hooks: FitHooks = {}, options: { reuseChoicesOf?: TextClassifier } = {}): this {
    const started = Date.now();
    requireCompatible(prepared, this.params.vectorizer, this.engineeredOptions);
    const rowList = rows ?? Int32Array.from(prepared.labels, (_, i) => i);
    const labels = Array.from(rowList, (r) => prepared.labels[r]!);
    const classes = [...new Set(labels)].sort();
    if (classes.length < 2) throw new Error(`Training needs at least two categories; got ${classes.length === 1 ? `only "${classes[0]}"` : 'none'}.`);
    const index = new Map(classes.map((c, i) => [c, i]));
    const y = Int32Array.from(labels, (l) => index.get(l)!);
    this.training = null;
    this.classes = classes;
    const pool = rows ? prepared.pool.subset(rows) : prepared.pool;
    const dense = { values: rows ? denseRows(prepared, rows) : prepared.dense, width: prepared.width };
    const readMs = Date.now() - started + (rows ? 0 : prepared.readMs);
    const result = fitPipeline({ params: this.params, newModel: (overrides) => this.newModel(overrides) }, pool, y, classes.length, dense, hooks, {
      readMs,
      reuse: options.reuseChoicesOf && this.choicesOf(options.reuseChoicesOf),
    });
    this.vectorizer = result.vectorizer;
    this.model = result.model;
    this.broad = result.broad;
    this.lastFitTimings = result.timings;
    this.lastHeldOut = result.heldOut;
    this.training = {
      docs: rowList.length,
      dataHash: dataHashOf(prepared, rowList),
      features: result.features,
      tuning: result.tuning,
      calibration: result.calibration,
    };
    return this;
  }

  /** What a fitted pipeline chose, for a fit that reuses it (same engine and settings). */
  private choicesOf(source: TextClassifier): ReusedChoices {
    if (!source.isFitted || !source.training?.calibration) throw new Error('The pipeline whose choices are reused is not fitted.');
    if (source.params.engine !== this.params.engine)
      throw new Error(`Cannot reuse the choices of a ${source.params.engine} model for a ${this.params.engine} one.`);
    const calibration = source.training.calibration;
    return {
      features: source.vectorizer.params.chi2Features,
      headlineWeight: source.vectorizer.params.headlineWeight,
      C: source.params.engine === 'fast' ? (source.model as LinearSvmClassifier).params.C : undefined,
      tuning: source.training.tuning,
      broadScale: source.broad?.scale ?? null,
      calibration: { ...calibration, source: `${calibration.source}; fitted for the holdout model (${source.training.docs} documents) and kept for this one` },
    };
  }

  /** The model's input for rows of a prepared corpus: equal to transform() of their texts, without reading them again. */
  transformPrepared(prepared: PreparedCorpus, rows: ArrayLike<number>): ModelInput {
    requireFitted(this.isFitted, 'TextClassifier');
    requireCompatible(prepared, this.params.vectorizer, this.engineeredOptions);
    // The engineered columns go into the rows as they are built (no second copy of the matrix).
    const extra = prepared.width > 0 ? { values: denseRows(prepared, rows), width: prepared.width } : undefined;
    const focused = this.vectorizer.poolRows(prepared.pool, rows, false, extra);
    const broad = this.broad;
    if (!broad) return { focused, broad: null, broadShares: null };
    return {
      focused,
      broad: broad.vectorizer.poolRows(prepared.pool, rows),
      broadShares: Float64Array.from(rows as ArrayLike<number>, (d) => broadShare(prepared.pool.bodyTokens(d), broad)),
    };
  }

  /** The model's input for texts (each capped at MAX_ANALYSED_CHARS and read once for both views). */
  transform(texts: Iterable<string>): ModelInput {
    const options = this.engineeredOptions;
    const width = engineeredNames(options).length;
    const list = Array.from(texts, (t) => capAnalysedText(t).text);
    const dense = width > 0 ? Float64Array.from(list.flatMap((t) => engineeredValues(t, options))) : new Float64Array(0);
    const analyzed = list.map((t) => this.vectorizer.analyze(t));
    const focused = appendDenseColumns(this.vectorizer.transformAnalyzed(analyzed), dense, width);
    const broad = this.broad;
    if (!broad) return { focused, broad: null, broadShares: null };
    return {
      focused,
      broad: broad.vectorizer.transformAnalyzed(analyzed.map((a) => ({ headline: [], body: a.body }))),
      broadShares: Float64Array.from(analyzed, (a) => broadShare(a.body.length, broad)),
    };
  }

  /** Decision scores before the temperature, row-major rows × classes: the focused model's, mixed with the broad view's by each row's share. */
  scores(input: ModelInput): Float64Array {
    requireFitted(this.isFitted, 'TextClassifier');
    const focused = this.model.decisionFunction(input.focused);
    if (!this.broad || !input.broad || !input.broadShares) return focused;
    const K = this.classes.length;
    return mixScores(focused, linearScores(input.broad, this.broad.weights, new Float64Array(K)), input.broadShares, K);
  }

  /** Calibrated probabilities of a model input, row-major rows × classes. */
  probabilities(input: ModelInput): Float64Array {
    return this.probabilitiesOfScores(this.scores(input));
  }

  /** Calibrated probabilities of decision scores (rows × classes, as `scores` gives them): the temperature, then the top-label map. */
  probabilitiesOfScores(scores: Float64Array): Float64Array {
    return calibratedProbabilities(scores, this.classes.length, this.training?.calibration);
  }

  /** Row-major texts × classes calibrated probabilities. */
  predictProba(texts: Iterable<string>): Float64Array {
    requireFitted(this.isFitted, 'TextClassifier');
    return this.probabilities(this.transform(texts));
  }

  /** The predicted category of each text. */
  predict(texts: Iterable<string>): string[] {
    requireFitted(this.isFitted, 'TextClassifier');
    return Array.from(argmaxRows(this.scores(this.transform(texts)), this.classes.length), (k) => this.classes[k]!);
  }
}

/** Builds a pipeline around an already-restored vectorizer and model (used by deserialization). */
export function assemblePipeline(
  params: PipelineParams,
  vectorizer: TextVectorizer,
  model: SparseClassifier,
  broad: BroadView | null,
  classes: string[],
  training: TrainingInfo,
): TextClassifier {
  const p = new TextClassifier(params);
  p.vectorizer = vectorizer;
  p.model = model;
  p.broad = broad;
  p.classes = classes;
  p.training = training;
  return p;
}
