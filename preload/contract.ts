/**
 * The one contract between the UI and the backend. Every method is named `domain.verb`; that one
 * string is the dispatcher key, the IPC payload, the HTTP path (`POST /rpc/<method>`) and what the
 * UI calls. Pure: imported by main/ (schemas + types), by the renderer (types only) and by
 * preload/index.ts (channel names). No node:*, no DOM, no electron.
 */
import { z } from 'zod';

/** Declares a method: its zod input schema now, its output type as a type argument. */
function method<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

const noInput = z.object({}).strict();

/** Settings a user can change; every key has a default so a fresh data directory works. */
export const settingsSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']),
  defaultEngine: z.enum(['fast', 'mljs']),
  testFraction: z.number().min(0.05).max(0.5),
  seed: z.number().int().min(0),
});
export type Settings = z.infer<typeof settingsSchema>;
export const defaultSettings: Settings = { theme: 'system', defaultEngine: 'fast', testFraction: 0.2, seed: 42 };

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
export type FileStatus = (typeof fileStatuses)[number];

export interface AppInfo {
  name: string;
  version: string;
  dataDir: string;
  databasePath: string;
  schemaVersion: number;
  transport: 'electron' | 'http' | 'cli';
  platform: string;
}

export interface CategoryCount {
  category: string;
  documents: number;
}

export interface DatasetSummary {
  documents: number;
  labelled: number;
  unlabelled: number;
  categories: CategoryCount[];
  importJobs: number;
  trainingRuns: number;
  models: number;
}

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
  relPath: string;
  displayName: string;
  category: string | null;
  format: string | null;
  sizeBytes: number | null;
  status: FileStatus;
  reason: string;
  documentId: number | null;
}

/** The column mapping a user chose for a CSV / JSONL dataset. */
export const columnMappingSchema = z.object({
  textColumn: z.string().min(1).optional(),
  /** Omitted: the usual names are tried; null: import the rows unlabelled. */
  labelColumn: z.string().min(1).nullable().optional(),
});

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
  tabular: { columns: string[]; rows: number; sampleRows: Record<string, string>[]; textColumn: string | null; labelColumn: string | null } | null;
}

/** Progress of a running import (event payload). */
export interface ImportProgress {
  jobId: number;
  doneFiles: number;
  totalFiles: number;
  filesPerSecond: number;
  etaSeconds: number | null;
  counts: Partial<Record<FileStatus, number>>;
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
}

const jobIdInput = z.object({ jobId: z.number().int().positive() }).strict();
const pathInput = z.string().min(1).max(4096);

export const contract = {
  'app.info': method<AppInfo>()(noInput),
  'dataset.summary': method<DatasetSummary>()(noInput),
  'settings.get': method<Settings>()(noInput),
  'settings.set': method<Settings>()(settingsSchema.partial().strict()),
  'dataset.health': method<DataHealth>()(noInput),
  'import.pickFolder': method<{ supported: boolean; path: string | null }>()(noInput),
  'import.preview': method<ImportPreview>()(columnMappingSchema.extend({ path: pathInput }).strict()),
  'import.start': method<ImportJob>()(columnMappingSchema.extend({ path: pathInput }).strict()),
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

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

/** Events pushed from the backend to the UI, named in the past tense. */
export interface EventMap {
  'settings.changed': Settings;
  'import.progressed': ImportProgress;
  'import.finished': ImportJob;
  'dataset.changed': DatasetSummary;
  /** The application menu asks the UI to show a view. */
  'ui.navigated': { view: AppView };
}

/** The views the menu and the navigation can show. */
export type AppView = 'import' | 'dataset' | 'train' | 'evaluate' | 'predict' | 'settings';
export type EventName = keyof EventMap;
/** One event; a union discriminated by `name`, so narrowing on the name types the payload. */
export type StudioEvent<E extends EventName = EventName> = { [K in E]: { name: K; payload: EventMap[K] } }[E];

/** Errors cross both transports as data, never as thrown exceptions. */
export interface RpcError {
  code: 'bad_input' | 'unknown_method' | 'not_found' | 'conflict' | 'failed' | 'cancelled' | 'forbidden';
  message: string;
}
export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

/** What the preload exposes as `window.studio` and what the HTTP client implements. */
export interface StudioApi {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<RpcResult<MethodOutput<M>>>;
  onEvent(listener: (event: StudioEvent) => void): () => void;
}

export { ipcChannels } from './channels';

/** Largest JSON body the HTTP bridge accepts; dropped files travel base64 inside it. */
export const maxRequestBytes = 32 * 1024 * 1024;
