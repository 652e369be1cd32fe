/**
 * The default "needs review" threshold, chosen from a model's validation predictions (held-out or
 * out-of-fold: made by a model that never saw the resume): the lowest confidence at which the
 * predictions at or above it are still right at least `targetAccuracy` of the time. Pure.
 */

/** One validation prediction: its top-label confidence and whether the label was right. */
export interface ValidationPrediction {
  confidence: number;
  isCorrect: boolean;
}

/** The chosen threshold and the evidence behind it. */
export interface ThresholdChoice {
  threshold: number;
  /** Accuracy of the validation predictions at or above the threshold (null without data). */
  accuracyAbove: number | null;
  /** Share of validation predictions at or above the threshold (null without data). */
  coverage: number | null;
  rows: number;
  /** How it was chosen, as a sentence. */
  basis: string;
}

/** The share of confident predictions that should be right. */
export const defaultTargetAccuracy = 0.95;
/** Used when a model carries no validation predictions. */
export const fallbackThreshold = 0.5;
/** Fewer validation rows than this say too little to choose from. */
export const minValidationRows = 20;

const percent = (x: number) => `${Math.round(x * 1000) / 10} %`;

/**
 * Scans the distinct confidences from the highest down, keeping a running accuracy of everything at
 * or above each; the answer is the lowest one whose running accuracy still meets the target. Tied
 * confidences go in or out together, so the reported accuracy is exactly what the threshold gives.
 */
export function chooseReviewThreshold(rows: readonly ValidationPrediction[], targetAccuracy = defaultTargetAccuracy): ThresholdChoice {
  if (rows.length < minValidationRows) {
    return {
      threshold: fallbackThreshold,
      accuracyAbove: null,
      coverage: null,
      rows: rows.length,
      basis:
        rows.length === 0
          ? `This model has no stored validation predictions, so the threshold is a fixed ${percent(fallbackThreshold)}.`
          : `Only ${rows.length} validation prediction${rows.length === 1 ? ' is' : 's are'} stored with this model (fewer than ${minValidationRows}), so the threshold is a fixed ${percent(fallbackThreshold)}.`,
    };
  }
  const sorted = [...rows].sort((a, b) => b.confidence - a.confidence);
  let correct = 0;
  let best: { threshold: number; accuracy: number; count: number } | null = null;
  for (let i = 0; i < sorted.length;) {
    const confidence = sorted[i]!.confidence;
    while (i < sorted.length && sorted[i]!.confidence === confidence) correct += sorted[i++]!.isCorrect ? 1 : 0;
    const accuracy = correct / i;
    if (accuracy >= targetAccuracy) best = { threshold: confidence, accuracy, count: i };
  }
  const target = percent(targetAccuracy);
  if (!best) {
    // Even the most confident predictions miss the target: everything is worth a look.
    const top = sorted[0]!.confidence;
    return {
      threshold: Math.min(1, top + 1e-9),
      accuracyAbove: null,
      coverage: 0,
      rows: rows.length,
      basis: `On ${rows.length} validation predictions no confidence level reached ${target} right, so every prediction is marked for review.`,
    };
  }
  return {
    threshold: best.threshold,
    accuracyAbove: best.accuracy,
    coverage: best.count / rows.length,
    rows: rows.length,
    basis:
      `Chosen from ${rows.length} validation predictions (made by models that had not seen those resumes): ` +
      `at ${percent(best.threshold)} confidence or more, ${percent(best.accuracy)} were right (target ${target}), ` +
      `covering ${percent(best.count / rows.length)} of resumes.`,
  };
}
