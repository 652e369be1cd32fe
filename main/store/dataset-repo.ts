/** Read-side queries over documents and categories for the dataset summary. */
import type { DatasetSummary } from '../../preload/contract';
import type { Db } from './database';

/** Counts shown on the Dataset page and by `resume-studio info`. */
export function createDatasetRepo(db: Db) {
  const counts = db.prepare<[], { documents: number; labelled: number }>(
    'SELECT COUNT(*) AS documents, COUNT(category_id) AS labelled FROM documents',
  );
  const byCategory = db.prepare<[], { category: string; documents: number }>(
    `SELECT c.name AS category, COUNT(d.id) AS documents FROM categories c
     LEFT JOIN documents d ON d.category_id = c.id GROUP BY c.id ORDER BY c.name`,
  );
  const tableCount = (table: 'import_jobs' | 'training_runs' | 'models') =>
    (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
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
