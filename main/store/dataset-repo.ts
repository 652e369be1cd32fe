/**
 * The dataset summary and data-health figures, read from the repositories that own each table.
 */
import type { DataHealth, DatasetSummary } from '../../preload/contract';
import { similarCategories } from './category-names';
import type { Db } from './database';
import { createDocumentsRepo, type DocumentsRepo } from './documents-repo';
import { createImportRepo, type ImportRepo } from './import-repo';
import { createModelsRepo } from './models-repo';
import { createNearDuplicateIndexRepo } from './near-duplicate-index-repo';
import { createTrainingRepo } from './training-repo';

/** Counts shown on the Dataset page and by `resume-studio info`. */
export function createDatasetRepo(
  db: Db,
  documents: DocumentsRepo = createDocumentsRepo(db),
  imports: ImportRepo = createImportRepo(db, documents),
  counted: { runs: { count(): number }; models: { count(): number } } = defaultCounted(db),
) {
  const nearDuplicateIndex = createNearDuplicateIndexRepo(db);
  return {
    /** Class balance, tiny classes, similar category names, failures and text-length outliers. */
    health(thresholds = { tinyClass: 10, shortChars: 300, longChars: 50_000 }): DataHealth {
      const classCounts = documents.categoryCounts();
      return {
        ...documents.healthCounts(thresholds.shortChars, thresholds.longChars),
        classCounts,
        tinyClasses: classCounts.filter((c) => c.documents < thresholds.tinyClass),
        similarCategories: similarCategories(classCounts),
        tinyClassThreshold: thresholds.tinyClass,
        shortTextChars: thresholds.shortChars,
        longTextChars: thresholds.longChars,
        extractionFailures: imports.countUnresolvedFailures(),
        nearDuplicatesUnchecked: documents.countNotCheckedForNearDuplicates(),
        nearDuplicateProblem: nearDuplicateIndex.problem(),
      };
    },
    /** Document, label, category, job, run and model counts. */
    summary(): DatasetSummary {
      const { documents: total, labelled } = documents.counts();
      return {
        documents: total,
        labelled,
        unlabelled: total - labelled,
        categories: documents.categoryCounts(),
        importJobs: imports.countJobs(),
        trainingRuns: counted.runs.count(),
        models: counted.models.count(),
      };
    },
  };
}

/** The run and model repositories over `db`, for callers that only want counts. */
function defaultCounted(db: Db) {
  const models = createModelsRepo(db);
  return { runs: createTrainingRepo(db, models), models };
}

/** The dataset repository's type. */
export type DatasetRepo = ReturnType<typeof createDatasetRepo>;
