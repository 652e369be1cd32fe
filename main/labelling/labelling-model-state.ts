/**
 * The labelling model the queue answers from: the latest refresh's suggestions, queue orders and
 * review threshold, with the figures the page shows computed against the current labels. Plain
 * Node; built by the labelling service after each refresh.
 */
import type { LabellingModelInfo, QueueOrder, ReviewThreshold } from '../../preload/contract';
import { chooseReviewThreshold } from '../predict/review-threshold';
import type { LabellingRefreshResult } from '../training/labelling-task';

/** One resume's suggestion: category and probability. */
export interface Suggestion {
  category: string;
  probability: number;
}

/** The latest refresh that produced a model. */
export interface CurrentModel {
  info: LabellingModelInfo;
  json: string;
  orders: Record<QueueOrder, Int32Array>;
  /** Every resume that was unlabelled at the refresh, with its suggestion. */
  suggestions: Map<number, Suggestion>;
  /** The threshold chosen from the model's out-of-fold predictions, and how. */
  suggestedThreshold: { value: number; basis: string };
}

/** The model of a refresh (which must have produced one). */
export function currentModelOf(model: NonNullable<LabellingRefreshResult['model']>, version: number, refreshSeconds: number): CurrentModel {
  const suggestions = new Map<number, Suggestion>();
  const { documentIds, labelIndex, probability } = model.suggestions;
  for (let i = 0; i < documentIds.length; i++) suggestions.set(documentIds[i]!, { category: model.classes[labelIndex[i]!]!, probability: probability[i]! });
  const choice = chooseReviewThreshold(model.validation);
  return {
    info: { version, classes: model.classes, trainedOn: model.trainedOn, refreshedAt: new Date().toISOString(), refreshSeconds },
    json: model.json,
    orders: model.orders,
    suggestions,
    suggestedThreshold: { value: choice.threshold, basis: choice.basis },
  };
}

/** Predict's rule: the threshold set in Settings, else the one chosen from this model's validation predictions. */
export function thresholdOf(model: CurrentModel, custom: number | null): ReviewThreshold {
  const { value, basis } = model.suggestedThreshold;
  return { value: custom ?? value, suggested: value, isCustom: custom !== null, basis };
}

/** The suggestions of the resumes still unlabelled: how many reach the threshold, and the mean probability (the accuracy the model expects). */
export function figuresOf(model: CurrentModel, unlabelledIds: readonly number[], threshold: number): { confident: number; estimatedAccuracy: number | null } {
  let confident = 0;
  let sum = 0;
  let count = 0;
  for (const id of unlabelledIds) {
    const suggestion = model.suggestions.get(id);
    if (!suggestion) continue;
    count++;
    sum += suggestion.probability;
    if (suggestion.probability >= threshold) confident++;
  }
  return { confident, estimatedAccuracy: count > 0 ? sum / count : null };
}
