/** The only module that reads or writes import_jobs and import_items; imported documents are stored through the documents repository. */
import type { FileStatus, ImportItem, ImportJob } from '../../preload/contract';
import type { Db } from './database';
import { idChunks } from './id-chunks';
import { createDocumentsRepo, type DocumentsRepo } from './documents-repo';

/** One finished file, ready to be written with its batch. */
export interface ItemToWrite {
  relPath: string;
  displayName: string;
  category: string | null;
  format: string | null;
  sizeBytes: number | null;
  contentHash: string | null;
  status: FileStatus;
  reason: string;
  /** Present when status is 'imported'. */
  document?: { text: string; textHash: string; sourcePath: string; fileName: string };
}

interface JobRow {
  id: number;
  root_path: string;
  kind: ImportJob['kind'];
  state: ImportJob['state'];
  total_files: number;
  done_files: number;
  options_json: string;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

/** What one batch changed: rows written (new or retried) and, per status, by how much its count moved. */
export interface BatchWritten {
  written: number;
  countChanges: Partial<Record<FileStatus, number>>;
}

/** Outcomes worth another try when a job resumes: the file may be readable, or faster, next time. */
export const retriedOnResume: readonly FileStatus[] = ['timeout', 'io_error'];
const retriedList = retriedOnResume.map((s) => `'${s}'`).join(', ');

/** Creates the import repository over an open database; documents go through `documents`, inside each batch's transaction. */
export function createImportRepo(db: Db, documents: DocumentsRepo = createDocumentsRepo(db)) {
  const statusCounts = db.prepare<[number], { status: FileStatus; n: number }>(
    'SELECT status, COUNT(*) AS n FROM import_items WHERE import_job_id = ? GROUP BY status',
  );
  const toJob = (row: JobRow): ImportJob => ({
    id: row.id,
    rootPath: row.root_path,
    kind: row.kind,
    state: row.state,
    totalFiles: row.total_files,
    doneFiles: row.done_files,
    counts: Object.fromEntries(statusCounts.all(row.id).map((r) => [r.status, r.n])),
    error: row.error,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  });
  const selectJob = db.prepare<[number], JobRow>('SELECT * FROM import_jobs WHERE id = ?');
  const insertItem = db.prepare(
    `INSERT INTO import_items (import_job_id, rel_path, display_name, category, format, size_bytes, content_hash, status, reason, document_id)
     VALUES (@jobId, @relPath, @displayName, @category, @format, @sizeBytes, @contentHash, @status, @reason, @documentId)
     ON CONFLICT(import_job_id, rel_path) DO UPDATE SET
       display_name = excluded.display_name, category = excluded.category, format = excluded.format, size_bytes = excluded.size_bytes,
       content_hash = excluded.content_hash, status = excluded.status, reason = excluded.reason, document_id = excluded.document_id
     WHERE import_items.status IN (${retriedList})`,
  );
  // A file that failed in one job and was imported later is not a failure any more.
  const unresolvedFailures = db.prepare<[], { n: number }>(
    `SELECT COUNT(DISTINCT rel_path) AS n FROM import_items i
     WHERE status NOT IN ('imported', 'duplicate')
       AND NOT EXISTS (SELECT 1 FROM import_items j WHERE j.rel_path = i.rel_path AND j.status IN ('imported', 'duplicate') AND j.id > i.id)`,
  );
  const existingStatus = db.prepare<[number, string], { status: FileStatus }>('SELECT status FROM import_items WHERE import_job_id = ? AND rel_path = ?');
  const bumpDone = db.prepare('UPDATE import_jobs SET done_files = done_files + ? WHERE id = ?');

  const writeBatchTx = db.transaction((jobId: number, items: ItemToWrite[]): BatchWritten => {
    let written = 0;
    let added = 0;
    const countChanges: BatchWritten['countChanges'] = {};
    const bump = (status: FileStatus, by: number) => (countChanges[status] = (countChanges[status] ?? 0) + by);
    for (const item of items) {
      let { status, reason } = item;
      let documentId: number | null = null;
      if (item.document) {
        const doc = item.document;
        const stored = documents.insert({
          importJobId: jobId,
          sourcePath: doc.sourcePath,
          fileName: doc.fileName,
          format: item.format,
          sizeBytes: item.sizeBytes,
          contentHash: item.contentHash,
          textHash: doc.textHash,
          text: doc.text,
          category: item.category,
        });
        if (stored.inserted) {
          documentId = stored.id;
        } else {
          status = 'duplicate';
          reason = `Same text as "${stored.existing.fileName}", which is already in the dataset.`;
          documentId = stored.existing.id;
        }
      }
      // A retried row is updated in place; only new rows add to done_files, so nothing counts twice.
      const previous = existingStatus.get(jobId, item.relPath)?.status;
      const changed = insertItem.run({
        jobId,
        relPath: item.relPath,
        displayName: item.displayName,
        category: item.category,
        format: item.format,
        sizeBytes: item.sizeBytes,
        contentHash: item.contentHash,
        status,
        reason,
        documentId,
      }).changes;
      written += changed;
      if (changed) {
        if (previous === undefined) added++;
        else bump(previous, -1);
        bump(status, 1);
      }
    }
    bumpDone.run(added, jobId);
    return { written, countChanges };
  });

  const selectKnownFiles = db.prepare(
    `SELECT i.rel_path AS relPath, i.size_bytes AS sizeBytes, MAX(j.id) AS jobId FROM import_items i JOIN import_jobs j ON j.id = i.import_job_id
     WHERE j.root_path = ? AND i.status IN ('imported', 'duplicate') AND i.size_bytes IS NOT NULL GROUP BY i.rel_path, i.size_bytes`,
  );

  return {
    /** Files earlier imports of `rootPath` brought in (or found already there), by relative path and size, and the latest such job. */
    knownFiles(rootPath: string): { jobId: number; has(relPath: string, sizeBytes: number): boolean } | null {
      const rows = selectKnownFiles.all(rootPath) as { relPath: string; sizeBytes: number; jobId: number }[];
      if (rows.length === 0) return null;
      const keys = new Set(rows.map((r) => `${r.sizeBytes}\u0000${r.relPath}`));
      return { jobId: Math.max(...rows.map((r) => r.jobId)), has: (relPath, sizeBytes) => keys.has(`${sizeBytes}\u0000${relPath}`) };
    },
    /** Starts a job row in state 'running'. */
    createJob(rootPath: string, kind: ImportJob['kind'], options: object): number {
      const result = db
        .prepare("INSERT INTO import_jobs (root_path, kind, state, options_json) VALUES (?, ?, 'running', ?)")
        .run(rootPath, kind, JSON.stringify(options));
      return Number(result.lastInsertRowid);
    },
    /** A job with its per-status counts, or undefined. */
    getJob(id: number): ImportJob | undefined {
      const row = selectJob.get(id);
      return row && toJob(row);
    },
    /** The options a job was started with (column mapping), for resuming it. */
    jobOptions(id: number): Record<string, unknown> {
      return JSON.parse(selectJob.get(id)?.options_json ?? '{}');
    },
    /** How many import jobs were ever started. */
    countJobs(): number {
      return (db.prepare('SELECT COUNT(*) AS n FROM import_jobs').get() as { n: number }).n;
    },
    /** Files that failed and were not imported by a later job (a later success clears an earlier failure). */
    countUnresolvedFailures(): number {
      return unresolvedFailures.get()!.n;
    },
    /** Files each document's import skipped as exact copies (same text, or same bytes), with the label each copy had. */
    skippedCopiesOf(documentIds: readonly number[]): Map<number, { path: string; category: string | null }[]> {
      const copies = new Map<number, { path: string; category: string | null }[]>();
      for (const { chunk, marks } of idChunks(documentIds)) {
        const rows = db
          .prepare(
            `SELECT COALESCE(i.document_id, d.id) AS documentId, i.display_name AS path, i.category
             FROM import_items i LEFT JOIN documents d ON i.document_id IS NULL AND d.content_hash = i.content_hash
             WHERE i.status = 'duplicate' AND COALESCE(i.document_id, d.id) IN (${marks}) ORDER BY i.id`,
          )
          .all(...chunk) as { documentId: number; path: string; category: string | null }[];
        for (const row of rows) copies.set(row.documentId, [...(copies.get(row.documentId) ?? []), { path: row.path, category: row.category }]);
      }
      return copies;
    },
    /** Every job, newest first. */
    listJobs(): ImportJob[] {
      return db.prepare<[], JobRow>('SELECT * FROM import_jobs ORDER BY id DESC').all().map(toJob);
    },
    /** At start-up, jobs left 'running' by a crash or kill become 'interrupted' (resumable). */
    markRunningInterrupted(): number {
      // Read first: an UPDATE that changes nothing still waits for the write lock, and a CLI command
      // opening the studio while the app writes would fail before doing anything.
      if (!db.prepare("SELECT 1 FROM import_jobs WHERE state = 'running' LIMIT 1").get()) return 0;
      return db.prepare("UPDATE import_jobs SET state = 'interrupted' WHERE state = 'running'").run().changes;
    },
    /** Records how many files the job covers. */
    setTotal(id: number, total: number): void {
      db.prepare('UPDATE import_jobs SET total_files = ? WHERE id = ?').run(total, id);
    },
    /** Moves a job to a new state; terminal states get a finish time. */
    setState(id: number, state: ImportJob['state'], error: string | null = null): void {
      const finished = state === 'running' ? null : new Date().toISOString();
      db.prepare('UPDATE import_jobs SET state = ?, error = ?, finished_at = ? WHERE id = ?').run(state, error, finished, id);
    },
    /** Relative paths this job already settled, so a resumed job skips them (timeouts and read errors are retried). */
    doneRelPaths(id: number): Set<string> {
      const rows = db
        .prepare<[number], { rel_path: string }>(`SELECT rel_path FROM import_items WHERE import_job_id = ? AND status NOT IN (${retriedList})`)
        .all(id);
      return new Set(rows.map((r) => r.rel_path));
    },
    /** The document already holding these exact bytes, if any. */
    documentByContentHash(hash: string): { id: number; fileName: string } | undefined {
      return documents.findByContentHash(hash);
    },
    /** Writes one batch of files in one transaction (all of it lands, or none); returns the rows written or retried and how the status counts moved. */
    writeBatch(jobId: number, items: ItemToWrite[]): BatchWritten {
      return writeBatchTx(jobId, items);
    },
    /** A page of a job's items, optionally filtered by status. */
    report(jobId: number, status: FileStatus | undefined, offset: number, limit: number): { items: ImportItem[]; total: number } {
      const where = status ? 'import_job_id = ? AND status = ?' : 'import_job_id = ?';
      const args: (number | string)[] = status ? [jobId, status] : [jobId];
      const total = (db.prepare(`SELECT COUNT(*) AS n FROM import_items WHERE ${where}`).get(...args) as { n: number }).n;
      const rows = db.prepare(`SELECT * FROM import_items WHERE ${where} ORDER BY (status = 'imported'), id LIMIT ? OFFSET ?`).all(...args, limit, offset) as {
        rel_path: string;
        display_name: string;
        category: string | null;
        format: string | null;
        size_bytes: number | null;
        status: FileStatus;
        reason: string;
        document_id: number | null;
      }[];
      return {
        total,
        items: rows.map((r) => ({
          relPath: r.rel_path,
          displayName: r.display_name,
          category: r.category,
          format: r.format,
          sizeBytes: r.size_bytes,
          status: r.status,
          reason: r.reason,
          documentId: r.document_id,
        })),
      };
    },
  };
}

/** The import repository's type. */
export type ImportRepo = ReturnType<typeof createImportRepo>;
