// Stores generated documents straight through the documents repository, as an import batch does.
import type { Db } from '../../../main/store/database';
import { createDocumentsRepo } from '../../../main/store/documents-repo';
import { createImportRepo } from '../../../main/store/import-repo';

/** One generated document: its text and label. */
export interface SeedDocument {
  text: string;
  category: string | null;
  fileName?: string;
}

/** Inserts `docs` in one transaction under a new import job; returns their ids in order. */
export function seedDocuments(db: Db, docs: readonly SeedDocument[]): number[] {
  const documents = createDocumentsRepo(db);
  const jobId = createImportRepo(db, documents).createJob('/generated', 'folder', {});
  return db.transaction(() =>
    docs.map((d, i) => {
      const outcome = documents.insert({
        importJobId: jobId,
        sourcePath: `/generated/${d.fileName ?? `resume-${i}.txt`}`,
        fileName: d.fileName ?? `resume-${i}.txt`,
        format: 'txt',
        sizeBytes: d.text.length,
        contentHash: `content-${jobId}-${i}`,
        textHash: `text-${d.text}`,
        text: d.text,
        category: d.category,
      });
      if (!outcome.inserted) throw new Error(`seed text ${i} is a duplicate`);
      return outcome.id;
    }),
  )();
}
