/**
 * The dataset summary and data-health figures, read from the repositories that own each table.
 * Training runs and models are counted here until their own repository lands (issue 10).
 */
import type { DataHealth, DatasetSummary } from '../../preload/contract';
import { similarCategories } from './category-names';
import type { Db } from './database';
import { createDocumentsRepo, type DocumentsRepo } from './documents-repo';
import { createImportRepo, type ImportRepo } from './import-repo';
import { createNearDuplicateIndexRepo } from './near-duplicate-index-repo';

/** Counts shown on the Dataset page and by `resume-studio info`. */
export function createDatasetRepo(db: Db, documents: DocumentsRepo = createDocumentsRepo(db), imports: ImportRepo = createImportRepo(db, documents)) {
  const nearDuplicateIndex = createNearDuplicateIndexRepo(db);
  const tableCount = (table: 'training_runs' | 'models') => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
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
        trainingRuns: tableCount('training_runs'),
        models: tableCount('models'),
      };
    },
  };
}

/** The dataset repository's type. */
export type DatasetRepo = ReturnType<typeof createDatasetRepo>;
