/** The public API of the ML engine (pure TypeScript: importable from workers, the CLI and the app). */
export { createRng, shuffleInPlace, hashString, StreamHash, type Rng } from './random';
export {
  normalizeText,
  normalizeWithReport,
  normalizeTracked,
  defaultNormalizeOptions,
  MASK_TOKENS,
  type NormalizeOptions,
  type NormalizeReport,
} from './text/normalize';
export { detectNames, nameHintsOfFileName, blindFileName, NOT_NAME_WORDS, HIDDEN_WORD, type PersonalDataHints } from './text/personal-data';
export { blindNormalizeOptions, isBlindNormalize, maskPersonalData, maskedSpan, type MaskedText } from './text/blind';
export { tokenize, tokenizeWithOffsets, forEachToken, defaultTokenizeOptions, type TokenizeOptions } from './text/tokenize';
export { ENGLISH_STOPWORDS } from './text/stopwords';
export { stemWord } from './text/stem';
export { type CsrMatrix, CsrBuilder, l2NormalizeRows, selectRows, selectColumns, appendDenseColumns, stackRows } from './features/csr';
export { TextVectorizer, defaultTfidfParams, defaultCountParams, type VectorizerParams } from './features/vectorizer';
export { chi2Scores, topKIndices } from './features/chi2';
export {
  usableText,
  screenTexts,
  isRealWord,
  capAnalysedText,
  MIN_REAL_WORDS,
  MIN_WORD_SHARE,
  MAX_ANALYSED_CHARS,
  type TextUsability,
} from './features/usable-text';
export { yearsOfExperience, engineeredNames, engineeredValues, defaultEngineeredOptions, type EngineeredOptions } from './features/engineered';
export { type SparseClassifier, type FitHooks, type FitProgress, type AbortSignalLike, softmaxRows } from './models/estimator';
export { LinearSvmClassifier, defaultSvmParams, nbFeatureScale, type SvmParams } from './models/svm-classifier';
export { fitOneVsRestSvm, linearScores, svmPrimalObjective, type SvmSolverParams, type SvmSolution } from './models/linear-svm';
export { fitSharingClasses, helpWithClasses, type ClassHelper, type SharedSvmJob } from './models/svm-class-sharing';
export {
  fitTemperature,
  calibrateTemperature,
  calibratedProbabilities,
  temperatureLogLoss,
  describeCalibration,
  TEMPERATURE_PRIOR_ROWS,
  type Calibration,
} from './models/calibration';
export { applyTopLabelMap, fitTopLabelMap, TOP_LABEL_PRIOR_ROWS, type TopLabelMap } from './models/top-label-map';
export { defaultBroadParams, broadShare, gateTokensOf, CentroidSums, mixScores, type BroadParams, type BroadView } from './models/broad-view';
export { defaultTuneOptions, type TuneOptions, type TuneGrid, type TuneTrial, type TuneResult } from './models/tune';
export { MljsLogisticRegression, defaultMljsParams, type MljsParams } from './models/mljs-adapter';
export {
  TextClassifier,
  defaultVectorizerFor,
  type PipelineParams,
  type EngineName,
  type TrainingInfo,
  type TuningSummary,
  type FitTimings,
  type ModelInput,
} from './models/pipeline';
export { restrictPrepared, type PreparedCorpus } from './models/prepared-corpus';
export * from './eval/metrics';
export { duplicateKeyText } from './eval/text-keys';
export {
  findDuplicateGroups,
  createDuplicateGrouper,
  shingles,
  jaccard,
  minhashSignature,
  bandKeys,
  minhashBands,
  type DuplicateGroups,
  type DedupOptions,
} from './eval/dedup';
export { groupStratifiedSplit, groupStratifiedKFold, singletonGroups } from './eval/split';
export { stripFirstLine } from './eval/strip-title';
export { textWindow, WINDOW_SKIPPED_WORDS } from './eval/text-window';
export {
  holdoutEvaluation,
  crossValidate,
  learningCurve,
  rankLikelyMislabelled,
  evaluatePipeline,
  probabilitiesOfRows,
  type Corpus,
  type CrossValidationResult,
  type LearningCurvePoint,
  type MislabelCandidate,
  type LoopHooks,
  type LoopProgress,
} from './eval/evaluate';
export { explainPrediction, topTermsForClass, termSpans, type Explanation, type Contribution, type Span } from './explain/explain';
export {
  serializeModel,
  deserializeModel,
  modelToJSON,
  ModelFormatError,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  OLDEST_READABLE_MODEL_FORMAT,
  MAX_MODEL_JSON_BYTES,
  modelTooLargeReason,
  type ModelDocument,
} from './serialize/model-json';
export { warmUpModelSchema } from './serialize/model-schema';
export { generateResumeSample, SAMPLE_CATEGORIES, type LabelledText, type SampleOptions } from './sample/generate';
export { formatReport } from './eval/format-report';
export { uncertaintyOf, topClassOf, type UncertaintyMeasure } from './labelling/uncertainty';
export {
  orderQueue,
  cosineOfRows,
  sparseDot,
  defaultDuplicateSimilarity,
  QUEUE_SCARCITY,
  QUEUE_SHARPNESS,
  scarcityWeights,
  type QueueOrder,
  type QueueCandidates,
  type QueueOrderOptions,
} from './labelling/queue-order';
export { fitLabellingModel, labellingModelParams, suggestionsFor, type LabellingModel, type LabellingValidation } from './labelling/labelling-model';
export { simulateLabelling, type SimulationOptions, type SimulationResult } from './labelling/simulate';
