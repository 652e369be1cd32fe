/** The `dataset.*` methods and events: counts and health of the stored documents. Pure. */
import { method, noInput } from './define';

/** Documents in one category. */
export interface CategoryCount {
  category: string;
  documents: number;
}

/** What the dataset holds, in counts. */
export interface DatasetSummary {
  documents: number;
  labelled: number;
  unlabelled: number;
  categories: CategoryCount[];
  importJobs: number;
  trainingRuns: number;
  models: number;
}

/** Categories whose names differ only by case, spacing or punctuation ("ARTS" and "Arts"), with the one to merge into. */
export interface SimilarCategories {
  categories: CategoryCount[];
  /** The name with the most documents: the one-click merge keeps it. */
  suggested: string;
}

/** The data-health summary shown beside the dataset. */
export interface DataHealth {
  classCounts: CategoryCount[];
  tinyClasses: CategoryCount[];
  tinyClassThreshold: number;
  unlabelled: number;
  extractionFailures: number;
  shortTexts: number;
  shortTextChars: number;
  longTexts: number;
  longTextChars: number;
  nearDuplicates: number;
  similarCategories: SimilarCategories[];
  /** Documents the near-duplicate search has not checked yet (it runs after each import). */
  nearDuplicatesUnchecked: number;
  /** Why the last near-duplicate search failed, as a sentence; null when it succeeded. */
  nearDuplicateProblem: string | null;
}

/** The dataset domain's methods. */
export const datasetMethods = {
  'dataset.summary': method<DatasetSummary>()(noInput),
  'dataset.health': method<DataHealth>()(noInput),
} as const;

/** The dataset domain's events. */
export interface DatasetEvents {
  'dataset.changed': DatasetSummary;
}
