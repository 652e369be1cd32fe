/** The `import.*` methods and events: bringing resumes in from a folder, a CSV or a JSONL file. Pure. */
import { z } from 'zod';
import { method, noInput, type ResumeText } from './define';

/** The closed set of outcomes for one imported file; the UI shows `reason` beside it. */
export const fileStatuses = [
  'imported',
  'duplicate',
  'empty',
  'no_text',
  'encrypted',
  'damaged',
  'too_large',
  'unsupported',
  'suspicious_archive',
  'timeout',
  'io_error',
] as const;
/** One file's outcome. */
export type FileStatus = (typeof fileStatuses)[number];

/** One import run over a folder or a CSV / JSONL file. */
export interface ImportJob {
  id: number;
  rootPath: string;
  kind: 'folder' | 'csv' | 'jsonl' | 'files';
  state: 'running' | 'interrupted' | 'cancelled' | 'finished' | 'failed';
  totalFiles: number;
  doneFiles: number;
  counts: Partial<Record<FileStatus, number>>;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

/** One file (or CSV / JSONL row) of an import, with its outcome in words. */
export interface ImportItem {
  relPath: ResumeText;
  displayName: ResumeText;
  category: string | null;
  format: string | null;
  sizeBytes: number | null;
  status: FileStatus;
  /** May quote the file's name. */
  reason: ResumeText;
  documentId: number | null;
}

/** The column mapping a user chose for a CSV / JSONL dataset. */
export const columnMappingSchema = z.object({
  textColumn: z.string().min(1).optional(),
  /** Omitted: the usual names are tried; null: import the rows unlabelled. */
  labelColumn: z.string().min(1).nullable().optional(),
});
/** The user's choice of columns for a CSV / JSONL dataset (labelColumn null: unlabelled). */
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** What an import would bring in, before anything is written. */
export interface ImportPreview {
  path: string;
  kind: ImportJob['kind'];
  /** Rows the job will have: files to parse plus entries already judged (skipped, unreadable). */
  files: number;
  totalBytes: number;
  byCategory: { category: string | null; files: number }[];
  byFormat: { format: string; files: number }[];
  skipped: number;
  problems: number;
  /** Files of a type the importer does not read (by extension: images, archives, media…); the import lists them as unsupported. */
  unsupported: number;
  /** First-level folders (categories) holding files in sub-folders of their own: their sub-folders may be the real categories. */
  nestedCategories: string[];
  /** Files already imported from this folder by an earlier import (same path and size): importing again lists them as duplicates. */
  alreadyImported: { files: number; jobId: number } | null;
  tabular: { columns: string[]; rows: number; sampleRows: Record<string, ResumeText>[]; textColumn: string | null; labelColumn: string | null } | null;
}

/** Progress of a running import (event payload). */
export interface ImportProgress {
  jobId: number;
  /** Files saved (a batch at a time: what a resume starts after). */
  doneFiles: number;
  /** Files read so far, saved or waiting in the current batch: what progress shows, file by file. */
  parsedFiles: number;
  totalFiles: number;
  filesPerSecond: number;
  etaSeconds: number | null;
  counts: Partial<Record<FileStatus, number>>;
}

const jobIdInput = z.object({ jobId: z.number().int().positive() }).strict();
const pathInput = z.string().min(1).max(4096);
/** What to import and how: the path, the columns of a dataset, and whether links leaving a folder are followed. */
const importSourceInput = columnMappingSchema.extend({ path: pathInput, followLinks: z.boolean().optional() }).strict();

/** The import domain's methods. */
export const importMethods = {
  'import.pickFolder': method<{ supported: boolean; path: string | null }>()(noInput),
  'import.preview': method<ImportPreview>()(importSourceInput),
  'import.start': method<ImportJob>()(importSourceInput),
  /** Imports the sample dataset bundled with the app; the backend finds the folder, the page never names a path. */
  'import.startSample': method<ImportJob>()(noInput),
  'import.cancel': method<ImportJob>()(jobIdInput),
  'import.resume': method<ImportJob>()(jobIdInput),
  'import.jobs': method<ImportJob[]>()(noInput),
  'import.report': method<{ job: ImportJob; items: ImportItem[]; total: number }>()(
    z
      .object({
        jobId: z.number().int().positive(),
        status: z.enum(fileStatuses).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
  ),
} as const;

/** The import domain's events. */
export interface ImportEvents {
  'import.progressed': ImportProgress;
  'import.finished': ImportJob;
}
