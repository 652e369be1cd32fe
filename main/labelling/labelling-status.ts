/** The labelling page's figures from the current labels and the latest model. Pure over its inputs; used by the labelling service. */
import type { AnswerStats, CategoryCount, LabellingStatus } from '../../preload/contract';
import { figuresOf, thresholdOf, type CurrentModel } from './labelling-model-state';

/** What the status is computed from. */
export interface StatusInputs {
  /** Per category, resumes people labelled (not excluded). */
  counts: CategoryCount[];
  setAside: { unlabelled: number; modelLabelled: number };
  unlabelledIds: readonly number[];
  current: CurrentModel | null;
  customThreshold: number | null;
  isRefreshing: boolean;
  lastError: string | null;
  answers: AnswerStats;
  minPerCategory: number;
  refreshEvery: number;
}

/** "Chef (1), Nurse (0)". */
const listed = (counts: CategoryCount[]) => counts.map((c) => `${c.category} (${c.documents})`).join(', ');

/** The sentence saying what the model still needs, or null when it can be fitted. */
function missingLabels(counts: CategoryCount[], min: number): string | null {
  const enough = counts.filter((c) => c.documents >= min);
  if (enough.length >= 2) return null;
  const have = counts.length === 0 ? 'there are no categories yet' : `so far: ${listed(counts)}`;
  return `Suggestions start once two categories each have ${min} resumes labelled by you (create categories and label a few, import labelled resumes, or apply a keyword rule); ${have}.`;
}

/** The status of the loop. */
export function labellingStatusOf(inputs: StatusInputs): LabellingStatus {
  const { current, counts, minPerCategory } = inputs;
  const missing = missingLabels(counts, minPerCategory);
  const reviewThreshold = current ? thresholdOf(current, inputs.customThreshold) : null;
  const figures = current && reviewThreshold ? figuresOf(current, inputs.unlabelledIds, reviewThreshold.value) : { confident: 0, estimatedAccuracy: null };
  const state = inputs.unlabelledIds.length === 0 ? 'done' : current ? 'ready' : missing ? 'needs-labels' : 'training';
  const tooFew = counts.filter((c) => c.documents < minPerCategory);
  const notSuggested = current && tooFew.length > 0 ? `Not suggested until they have ${minPerCategory} resumes labelled by you: ${listed(tooFew)}.` : null;
  return {
    state,
    problem: inputs.lastError ?? (state === 'needs-labels' ? missing : notSuggested),
    isRefreshing: inputs.isRefreshing,
    model: current?.info ?? null,
    categories: counts.map((c) => ({ ...c, isSuggested: current?.info.classes.includes(c.category) ?? false })),
    minPerCategory,
    unlabelled: inputs.setAside.unlabelled,
    modelLabelled: inputs.setAside.modelLabelled,
    answers: inputs.answers,
    estimatedAccuracy: figures.estimatedAccuracy,
    reviewThreshold,
    confident: figures.confident,
    refreshEvery: inputs.refreshEvery,
  };
}
