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

export const contract = {
  'app.info': method<AppInfo>()(noInput),
  'dataset.summary': method<DatasetSummary>()(noInput),
  'settings.get': method<Settings>()(noInput),
  'settings.set': method<Settings>()(settingsSchema.partial().strict()),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

/** Events pushed from the backend to the UI, named in the past tense. */
export interface EventMap {
  'settings.changed': Settings;
}
export type EventName = keyof EventMap;
export interface StudioEvent<E extends EventName = EventName> {
  name: E;
  payload: EventMap[E];
}

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

/** Electron IPC channel names (one invoke channel, one event channel). */
export const ipcChannels = { invoke: 'studio:invoke', event: 'studio:event' } as const;

/** Largest JSON body the HTTP bridge accepts; dropped files travel base64 inside it. */
export const maxRequestBytes = 32 * 1024 * 1024;
