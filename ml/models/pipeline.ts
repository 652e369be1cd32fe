/**
 * The text classifier pipeline: vectorizer (+ engineered columns) → estimator. It is itself an
 * estimator over raw texts and string labels: fit / predict / predictProba / toJSON / fromJSON.
 */
import { appendDenseColumns, type CsrMatrix } from '../features/csr';
import { defaultEngineeredOptions, engineeredNames, engineeredValues, type EngineeredOptions } from '../features/engineered';
import { TextVectorizer, type VectorizerParams } from '../features/vectorizer';
import { hashString } from '../random';
import { requireFitted, type FitHooks, type SparseClassifier } from './estimator';
import { MljsLogisticRegression, type MljsParams } from './mljs-adapter';
import { SoftmaxRegression, type SoftmaxParams } from './softmax-regression';

/** The available engines. */
export type EngineName = 'fast' | 'mljs';

/** Everything that configures a pipeline. */
export interface PipelineParams {
  engine: EngineName;
  vectorizer: Partial<VectorizerParams>;
  engineered: Partial<EngineeredOptions>;
  softmax: Partial<SoftmaxParams>;
  mljs: Partial<MljsParams>;
}

/** Per-engine vectorizer defaults: TF-IDF 1–2-grams, headline terms, chi² 5k (fast) or 2k (mljs, dense). */
export function defaultVectorizerFor(engine: EngineName): Partial<VectorizerParams> {
  return {
    weighting: 'tfidf',
    ngramMax: 2,
    minDf: 2,
    maxDf: 0.9,
    sublinearTf: true,
    norm: 'l2',
    headlineTokens: 5,
    chi2Features: engine === 'mljs' ? 2000 : 5000,
  };
}

/** Facts about the data a pipeline was fitted on. */
export interface TrainingInfo {
  docs: number;
  /** Hash of every (text, label) pair in order: identifies the training data without storing it. */
  dataHash: string;
  features: number;
}

/** Resume text → job category. */
export class TextClassifier {
  readonly params: PipelineParams;
  vectorizer: TextVectorizer;
  model: SparseClassifier;
  classes: string[] = [];
  training: TrainingInfo | null = null;
  /** Wall-clock split of the last fit (not serialized, so model JSON stays deterministic). */
  lastFitTimings: { vectorizeMs: number; trainMs: number } | null = null;

  constructor(params: Partial<PipelineParams> = {}) {
    const engine = params.engine ?? 'fast';
    this.params = {
      engine,
      vectorizer: { ...defaultVectorizerFor(engine), ...params.vectorizer },
      engineered: { ...defaultEngineeredOptions, ...params.engineered },
      softmax: { ...params.softmax },
      mljs: { ...params.mljs },
    };
    this.vectorizer = new TextVectorizer(this.params.vectorizer);
    this.model = engine === 'mljs' ? new MljsLogisticRegression(this.params.mljs) : new SoftmaxRegression(this.params.softmax);
  }

  /** True once fitted or loaded. */
  get isFitted(): boolean {
    return this.training !== null && this.model.isFitted;
  }

  private get engineeredOptions(): EngineeredOptions {
    return { ...defaultEngineeredOptions, ...this.params.engineered };
  }

  /** Names of every model column: vocabulary terms, then engineered features. */
  get featureNames(): string[] {
    return [...this.vectorizer.vocabulary, ...engineeredNames(this.engineeredOptions)];
  }

  /** Fits on texts (read once, so a generator works) and their labels; returns this. */
  fit(texts: Iterable<string>, labels: readonly string[], hooks: FitHooks = {}): this {
    const classes = [...new Set(labels)].sort();
    if (classes.length < 2) throw new Error(`Training needs at least two categories; got ${classes.length === 1 ? `only "${classes[0]}"` : 'none'}.`);
    const index = new Map(classes.map((c, i) => [c, i]));
    const y = Int32Array.from(labels, (l) => index.get(l)!);
    this.training = null;
    this.classes = classes;
    this.vectorizer = new TextVectorizer(this.params.vectorizer);
    const options = this.engineeredOptions;
    const width = engineeredNames(options).length;
    const dense: number[] = [];
    let hash = '';
    let docs = 0;
    const tapped = function* (): Generator<string> {
      for (const text of texts) {
        if (docs >= labels.length) throw new Error(`More texts than labels (${labels.length}).`);
        hash = hashString(`${hash}\u0000${labels[docs]}\u0000${text}`);
        docs++;
        if (width > 0) dense.push(...engineeredValues(text, options));
        yield text;
      }
    };
    const startedMs = Date.now();
    let X = this.vectorizer.fitTransform(tapped(), { y, nClasses: classes.length });
    if (docs !== labels.length) throw new Error(`Got ${docs} texts but ${labels.length} labels.`);
    X = appendDenseColumns(X, Float64Array.from(dense), width);
    hooks.onVectorized?.();
    const vectorizedMs = Date.now();
    this.model.fit(X, y, classes.length, hooks);
    this.lastFitTimings = { vectorizeMs: vectorizedMs - startedMs, trainMs: Date.now() - vectorizedMs };
    this.training = { docs, dataHash: hash, features: X.cols };
    return this;
  }

  /** The model's input matrix for texts (vocabulary columns + engineered columns). */
  transform(texts: Iterable<string>): CsrMatrix {
    const options = this.engineeredOptions;
    const width = engineeredNames(options).length;
    const list = [...texts];
    const dense = width > 0 ? Float64Array.from(list.flatMap((t) => engineeredValues(t, options))) : new Float64Array(0);
    return appendDenseColumns(this.vectorizer.transform(list), dense, width);
  }

  /** Row-major texts × classes probabilities. */
  predictProba(texts: Iterable<string>): Float64Array {
    requireFitted(this.isFitted, 'TextClassifier');
    return this.model.predictProba(this.transform(texts));
  }

  /** The predicted category of each text. */
  predict(texts: Iterable<string>): string[] {
    requireFitted(this.isFitted, 'TextClassifier');
    return Array.from(this.model.predict(this.transform(texts)), (k) => this.classes[k]!);
  }
}

/** Builds a pipeline around an already-restored vectorizer and model (used by deserialization). */
export function assemblePipeline(
  params: PipelineParams,
  vectorizer: TextVectorizer,
  model: SparseClassifier,
  classes: string[],
  training: TrainingInfo,
): TextClassifier {
  const p = new TextClassifier(params);
  p.vectorizer = vectorizer;
  p.model = model;
  p.classes = classes;
  p.training = training;
  return p;
}
