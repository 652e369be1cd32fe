/** Read-side queries over documents and categories for the dataset summary. */
import type { DataHealth, DatasetSummary } from '../../preload/contract';
import type { Db } from './database';

/** Counts shown on the Dataset page and by `resume-studio info`. */
export function createDatasetRepo(db: Db) {
  const counts = db.prepare<[], { documents: number; labelled: number }>('SELECT COUNT(*) AS documents, COUNT(category_id) AS labelled FROM documents');
  const byCategory = db.prepare<[], { category: string; documents: number }>(
    `SELECT c.name AS category, COUNT(d.id) AS documents FROM categories c
     LEFT JOIN documents d ON d.category_id = c.id GROUP BY c.id ORDER BY c.name`,
  );
  const tableCount = (table: 'import_jobs' | 'training_runs' | 'models') => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const health = db.prepare<
    [number, number],
    Omit<DataHealth, 'classCounts' | 'tinyClasses' | 'tinyClassThreshold' | 'shortTextChars' | 'longTextChars' | 'extractionFailures'>
  >(
    `SELECT COUNT(*) - COUNT(category_id) AS unlabelled,
            COALESCE(SUM(char_count < ?), 0) AS shortTexts,
            COALESCE(SUM(char_count > ?), 0) AS longTexts,
            COUNT(near_duplicate_of) AS nearDuplicates
     FROM documents`,
  );
  // A file that failed in one job and was imported later is not a failure any more.
  const failures = db.prepare<[], { n: number }>(
    `SELECT COUNT(DISTINCT rel_path) AS n FROM import_items i
     WHERE status NOT IN ('imported', 'duplicate')
       AND NOT EXISTS (SELECT 1 FROM import_items j WHERE j.rel_path = i.rel_path AND j.status IN ('imported', 'duplicate') AND j.id > i.id)`,
  );
  return {
    /** Class balance, tiny classes, failures and text-length outliers. */
    health(thresholds = { tinyClass: 10, shortChars: 300, longChars: 50_000 }): DataHealth {
      const classCounts = byCategory.all();
      const row = health.get(thresholds.shortChars, thresholds.longChars)!;
      return {
        ...row,
        classCounts,
        tinyClasses: classCounts.filter((c) => c.documents < thresholds.tinyClass),
        tinyClassThreshold: thresholds.tinyClass,
        shortTextChars: thresholds.shortChars,
        longTextChars: thresholds.longChars,
        extractionFailures: failures.get()!.n,
      };
    },
    /** Document, label, category, job, run and model counts. */
    summary(): DatasetSummary {
      const { documents, labelled } = counts.get()!;
      return {
        documents,
        labelled,
        unlabelled: documents - labelled,
        categories: byCategory.all(),
        importJobs: tableCount('import_jobs'),
        trainingRuns: tableCount('training_runs'),
        models: tableCount('models'),
      };
    },
  };
}

/** The dataset repository's type. */
export type DatasetRepo = ReturnType<typeof createDatasetRepo>;
