/**
 * The one contract between the UI and the backend. Every method is named `domain.verb`; that one
 * string is the dispatcher key, the IPC payload, the HTTP path (`POST /rpc/<method>`) and what the
 * UI calls. Each domain declares its methods and events in preload/contracts/<domain>.ts; this file
 * composes them (adding a domain = one import, one spread, one intersection). Pure: imported by
 * main/ (schemas + types), by the renderer (types only) and by preload/index.ts (channel names).
 * No node:*, no DOM, no electron.
 */
import type { z } from 'zod';
import { apiMethods, type ApiEvents } from './contracts/api';
import { appMethods, type AppEvents } from './contracts/app';
import { categoriesMethods } from './contracts/categories';
import { datasetMethods, type DatasetEvents } from './contracts/dataset';
import type { RpcResult } from './contracts/define';
import { documentsMethods, type DocumentsEvents } from './contracts/documents';
import { importMethods, type ImportEvents } from './contracts/import';
import { labellingMethods, type LabellingEvents } from './contracts/labelling';
import { evaluationMethods, type EvaluationEvents } from './contracts/evaluation';
import { modelsMethods, type ModelsEvents } from './contracts/models';
import { trainingMethods, type TrainingEvents } from './contracts/training';
import { predictMethods, type PredictEvents } from './contracts/predict';
import { settingsMethods, type SettingsEvents } from './contracts/settings';

export * from './contracts/define';
export * from './contracts/app';
export * from './contracts/settings';
export * from './contracts/dataset';
export * from './contracts/import';
export * from './contracts/file-limits';
export * from './contracts/terms';
export * from './contracts/documents';
export * from './contracts/document-query';
export * from './contracts/search-syntax';
export * from './contracts/categories';
export * from './contracts/labelling';
export * from './contracts/models';
export * from './contracts/training';
export * from './contracts/evaluation';
export * from './contracts/predict';
export * from './contracts/api';

/** Every method of every domain. */
export const contract = {
  ...appMethods,
  ...settingsMethods,
  ...datasetMethods,
  ...importMethods,
  ...documentsMethods,
  ...categoriesMethods,
  ...labellingMethods,
  ...modelsMethods,
  ...trainingMethods,
  ...evaluationMethods,
  ...predictMethods,
  ...apiMethods,
} as const;

/** The contract's type. */
export type Contract = typeof contract;
/** Every method name, e.g. `import.start`. */
export type MethodName = keyof Contract;
/** What a caller passes to a method (before schema defaults). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a method resolves to. */
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

/** Events pushed from the backend to the UI, named in the past tense. */
export type EventMap = AppEvents &
  SettingsEvents &
  DatasetEvents &
  ImportEvents &
  DocumentsEvents &
  LabellingEvents &
  ModelsEvents &
  TrainingEvents &
  EvaluationEvents &
  PredictEvents &
  ApiEvents;
/** Every event name. */
export type EventName = keyof EventMap;
/** One event; a union discriminated by `name`, so narrowing on the name types the payload. */
export type StudioEvent<E extends EventName = EventName> = { [K in E]: { name: K; payload: EventMap[K] } }[E];

/** What the preload exposes as `window.studio` and what the HTTP client implements. */
export interface StudioApi {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<RpcResult<MethodOutput<M>>>;
  onEvent(listener: (event: StudioEvent) => void): () => void;
}

export { ipcChannels } from './channels';

/** Largest JSON body the HTTP bridge accepts; dropped files travel base64 inside it. */
export const maxRequestBytes = 32 * 1024 * 1024;
