/**
 * The whole shape of a model document, typed section by section, and the bounds of every number
 * in it. A model is data from outside (an imported file, a copy cut short, a hand edit): an idf of
 * 1e999 parses as Infinity and a weight of 1e308 overflows the first score, and either gives NaN
 * probabilities that look like answers. Every number must be finite and within a range no fitted
 * model comes near; the bounds are generous on purpose (a legitimate model is never refused).
 * Used by model-json.ts only; pure TypeScript.
 */
import { z } from 'zod';
import { defaultEngineeredOptions, engineeredNames, type EngineeredOptions } from '../features/engineered';
import { TOP_LABEL_SLOPE_RANGE } from '../models/top-label-map';

/**
 * Largest magnitude of a weight or bias. Fitted weights stay within a few hundred; at this bound a
 * score summed over 200,000 features of a normalised row stays far below overflow.
 */
export const MAX_WEIGHT = 1e6;
/** Largest idf: smooth idf is 1 + ln((1 + n) / (1 + df)), about 29 even for 10^12 documents. */
export const MAX_IDF = 1e3;
/** Bounds of the calibration temperature (probabilities are softmax(scores / T)); fitted ones lie near 0.01–10. */
export const TEMPERATURE_RANGE = [1e-4, 1e4] as const;
/** Largest size of the top-label map's intercept (a logit shift; fitted ones lie within ±2). */
export const MAX_TOP_LABEL_INTERCEPT = 50;
/** Largest title weight or engineered-feature weight (multipliers on normalised values; fitted ones are ≤ 2). */
export const MAX_FEATURE_MULTIPLIER = 1e3;

/** A finite number in [min, max], with the sentence fragment a failure shows. */
const bounded = (min: number, max: number) =>
  z
    .number({ error: `is not a number from ${min} to ${max}` })
    .min(min)
    .max(max);
const count = (max = Number.MAX_SAFE_INTEGER) => z.number({ error: 'is not a whole number' }).int({ error: 'is not a whole number' }).min(0).max(max);
const finite = z.number({ error: 'is not a finite number' });

/**
 * A (possibly large) list of numbers in [min, max]. Checked with one loop rather than a schema per
 * element: a model can hold millions, and the first bad one is all a sentence needs.
 */
const numberList = (min: number, max: number) =>
  z.array(z.unknown(), { error: 'is not a list of numbers' }).check((ctx) => {
    const values = ctx.value;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v !== 'number' || !(v >= min && v <= max)) {
        const shown = typeof v === 'number' ? String(v) : JSON.stringify(v ?? null);
        ctx.issues.push({ code: 'custom', input: v, path: [i], message: `is ${shown}, not a number from ${min} to ${max}` });
        return;
      }
    }
  });

const vectorizerShape = {
  weighting: z.enum(['count', 'tfidf']),
  ngramMax: z.union([z.literal(1), z.literal(2)]),
  minDf: bounded(0, 1e12),
  maxDf: bounded(0, 1),
  maxFeatures: count(),
  chi2Features: count(),
  chi2On: z.enum(['presence', 'tfidf']),
  sublinearTf: z.boolean(),
  norm: z.enum(['l2', 'none']),
  headlineTokens: count(1000),
  headlineWeight: bounded(0, MAX_FEATURE_MULTIPLIER),
  normalize: z.record(z.string(), z.unknown()),
  tokenize: z.record(z.string(), z.unknown()),
};

const engineeredShape = {
  yearsOfExperience: z.boolean(),
  length: z.boolean(),
  sections: z.boolean(),
  weight: bounded(0, MAX_FEATURE_MULTIPLIER),
};

const calibrationSchema = z.object({
  method: z.literal('temperature'),
  temperature: bounded(TEMPERATURE_RANGE[0], TEMPERATURE_RANGE[1]),
  source: z.string(),
  rows: count(),
  logLossBefore: finite,
  logLossAfter: finite,
  topLabel: z
    .object({
      slope: bounded(TOP_LABEL_SLOPE_RANGE[0], TOP_LABEL_SLOPE_RANGE[1]),
      intercept: bounded(-MAX_TOP_LABEL_INTERCEPT, MAX_TOP_LABEL_INTERCEPT),
      eceBefore: finite,
      eceAfter: finite,
    })
    .optional(),
});

const scores = z.object({ precision: finite, recall: finite, f1: finite });

/** The evaluation stored with a model: what the card, the model list and imports read. */
const metricsSchema = z.object({
  classes: z.array(z.string()),
  accuracy: bounded(0, 1),
  macro: scores,
  weighted: scores,
  perClass: z.array(scores.extend({ support: count(), label: z.string() })),
  confusion: z.array(z.array(count())),
  logLoss: finite,
  ece: bounded(0, 1),
  eceBins: count(),
  testRows: count(),
});

const fastModel = z.object({
  engine: z.literal('fast'),
  nClasses: count(),
  nFeatures: count(),
  weights: numberList(-MAX_WEIGHT, MAX_WEIGHT),
  bias: numberList(-MAX_WEIGHT, MAX_WEIGHT),
});

const mljsModel = z.object({
  engine: z.literal('mljs'),
  nClasses: count(),
  nFeatures: count(),
  notClassWeights: z.array(numberList(-MAX_WEIGHT, MAX_WEIGHT)),
});

const broadSchema = z.object({
  params: z.record(z.string(), z.unknown()),
  scale: bounded(-MAX_WEIGHT, MAX_WEIGHT),
  gateTokens: bounded(0, 1e9),
  gatePower: bounded(0, MAX_FEATURE_MULTIPLIER),
  vectorizer: z.object(vectorizerShape).partial(),
  vocabulary: z.array(z.string()),
  idf: numberList(0, MAX_IDF).nullable(),
  nonZero: numberList(0, Number.MAX_SAFE_INTEGER),
  values: numberList(-MAX_WEIGHT, MAX_WEIGHT),
});

/** Every section of a model document, typed (unknown keys are allowed: a newer minor field is not damage). */
export const modelDocumentSchema = z.object({
  version: count(),
  engine: z.enum(['fast', 'mljs']),
  classes: z.array(z.string().min(1)).min(2),
  params: z.object({
    engine: z.enum(['fast', 'mljs']),
    seed: finite,
    vectorizer: z.object(vectorizerShape).partial(),
    engineered: z.object(engineeredShape).partial(),
    fast: z.record(z.string(), z.unknown()),
    mljs: z.record(z.string(), z.unknown()),
    tune: z.union([z.literal(false), z.record(z.string(), z.unknown())]),
    calibrationHoldout: bounded(0, 1),
  }),
  vectorizer: z.object(vectorizerShape),
  blind: z.boolean().optional(),
  training: z.object({
    docs: count(),
    dataHash: z.string(),
    features: count(),
    tuning: z.record(z.string(), z.unknown()).nullable(),
    calibration: calibrationSchema.nullable(),
  }),
  vocabulary: z.array(z.string()),
  idf: numberList(0, MAX_IDF).nullable(),
  model: z.discriminatedUnion('engine', [fastModel, mljsModel]),
  /** The fast engine's broad view (format 3 on); how its parts fit together is broad-json.ts's check. */
  broad: broadSchema.nullable().optional(),
  metrics: metricsSchema.nullable(),
});

/** A document that passed the schema. */
export type CheckedModelDocument = z.infer<typeof modelDocumentSchema>;

/** "idf[12]", "training.calibration.temperature": where in the document an issue is. */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

/** Why the document's sections are not all of their type, or null when they are. */
export function shapeProblem(doc: unknown): string | null {
  const result = modelDocumentSchema.safeParse(doc);
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  const where = issue.path.length > 0 ? `"${pathText(issue.path)}"` : 'content';
  // Zod's own wording for the rarer checks (an enum, a missing key) is kept after the field's name.
  const what = /^(is|holds) /.test(issue.message) ? issue.message : `is not valid (${issue.message.replace(/\.$/, '').toLowerCase()})`;
  return `its ${where} ${what}`;
}

/** Why the sections' dimensions disagree (vocabulary, idf, weights, classes), or null when they agree. */
export function dimensionProblem(doc: CheckedModelDocument): string | null {
  const engineered: EngineeredOptions = { ...defaultEngineeredOptions, ...doc.params.engineered };
  const columns = doc.vocabulary.length + engineeredNames(engineered).length;
  if (new Set(doc.classes).size !== doc.classes.length) return 'it lists a category name twice';
  if (doc.vectorizer.weighting === 'tfidf' && doc.idf === null) return 'its vectorizer weighs by tf-idf but it holds no idf values';
  if (new Set(doc.vocabulary).size !== doc.vocabulary.length) return 'its vocabulary lists a term twice';
  if (doc.model.nFeatures !== columns) return `its weights are for ${doc.model.nFeatures} features but its vocabulary and engineered features make ${columns}`;
  if (doc.metrics && doc.metrics.classes.length !== doc.classes.length) return 'its evaluation is for a different number of categories';
  return null;
}

const scoresOfOne = { precision: 1, recall: 1, f1: 1 };
/** The smallest document that passes the schema, once per engine: parsing it builds every part of zod's compiled checks. */
const warmUpDocuments = (['fast', 'mljs'] as const).map((engine) => ({
  version: 2,
  engine,
  classes: ['a', 'b'],
  params: { engine, seed: 1, vectorizer: {}, engineered: {}, fast: {}, mljs: {}, tune: false, calibrationHoldout: 0.2 },
  vectorizer: {
    weighting: 'tfidf',
    ngramMax: 1,
    minDf: 1,
    maxDf: 1,
    maxFeatures: 0,
    chi2Features: 0,
    chi2On: 'presence',
    sublinearTf: false,
    norm: 'l2',
    headlineTokens: 0,
    headlineWeight: 1,
    normalize: {},
    tokenize: {},
  },
  training: {
    docs: 2,
    dataHash: 'x',
    features: 0,
    tuning: null,
    calibration: { method: 'temperature', temperature: 1, source: 'x', rows: 2, logLossBefore: 1, logLossAfter: 1 },
  },
  vocabulary: [],
  idf: [],
  model:
    engine === 'fast' ? { engine, nClasses: 2, nFeatures: 0, weights: [], bias: [0, 0] } : { engine, nClasses: 2, nFeatures: 0, notClassWeights: [[], []] },
  metrics: {
    classes: ['a', 'b'],
    accuracy: 1,
    macro: scoresOfOne,
    weighted: scoresOfOne,
    perClass: [{ ...scoresOfOne, support: 1, label: 'a' }],
    confusion: [[1]],
    logLoss: 0,
    ece: 0,
    eceBins: 10,
    testRows: 1,
  },
}));

/**
 * Builds zod's compiled checks now rather than at the first model load: ~170 ms on a loaded
 * machine, which a prediction thread would otherwise spend inside its first request's deadline.
 * Returns false if a warm-up document is refused (a schema change that forgot to update it).
 */
export function warmUpModelSchema(): boolean {
  return warmUpDocuments.every((doc) => shapeProblem(doc) === null);
}
