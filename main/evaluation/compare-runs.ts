/**
 * Two runs compared on the same resumes: the documents both runs predicted out of fold (held out,
 * or every document under cross-validation), each run scored on them with the labels it trained on.
 * A run's own metrics cover its own held-out set; comparing those across runs whose held-out sets
 * differ shows the change of sample as if the retrain caused it. Plain Node.
 */
import { evaluateDecisions, type EvaluationReport } from '../../ml/index';
import type { PredictionRecord } from '../store/training-repo';

/** Below this many shared resumes (or ten per category), per-category changes are within noise: the page says so instead. */
export const MIN_SHARED_DOCUMENTS = 100;

/** The shared documents and both runs' reports on them. */
export interface SharedEvaluation {
  shared: { base: PredictionRecord; run: PredictionRecord }[];
  classes: string[];
  baseReport: EvaluationReport;
  report: EvaluationReport;
  isTooSmall: boolean;
}

/** Scores both runs on the documents they both predicted. */
export function evaluateOnShared(basePredictions: readonly PredictionRecord[], predictions: readonly PredictionRecord[]): SharedEvaluation {
  const before = new Map(basePredictions.map((p) => [p.documentId, p]));
  const shared = predictions.flatMap((p) => {
    const base = before.get(p.documentId);
    return base ? [{ base, run: p }] : [];
  });
  const classes = [...new Set(shared.flatMap(({ base, run }) => [base.trueCategory, base.predictedCategory, run.trueCategory, run.predictedCategory]))].sort();
  const index = new Map(classes.map((c, i) => [c, i]));
  const decision = (p: PredictionRecord) => ({
    trueClass: index.get(p.trueCategory)!,
    predictedClass: index.get(p.predictedCategory)!,
    confidence: p.confidence,
    trueProbability: p.trueProbability,
  });
  return {
    shared,
    classes,
    baseReport: evaluateDecisions(
      shared.map((s) => decision(s.base)),
      classes,
    ),
    report: evaluateDecisions(
      shared.map((s) => decision(s.run)),
      classes,
    ),
    isTooSmall: shared.length < Math.max(MIN_SHARED_DOCUMENTS, 10 * classes.length),
  };
}
