/**
 * What the main thread asks the curation thread (curation-task.ts) and what it answers: plain data
 * that crosses postMessage. Imported by both sides and by the curation wiring. Plain Node.
 */
import type { StudioEvent } from '../../preload/contract';
import type { ModelLabel } from './labels-service';

/**
 * The handler methods the curation thread runs: the table (its searches), the data-health counts
 * (0.2-0.56 s over 200,000 resumes) and every action that can touch many resumes.
 */
export const curationThreadMethods = [
  'documents.list',
  'dataset.health',
  'documents.setCategory',
  'documents.setExcluded',
  'documents.confirmModelLabels',
  'documents.keepOne',
  'documents.undo',
  'documents.redo',
  'categories.create',
  'categories.rename',
  'categories.merge',
  'categories.delete',
] as const;

/** The methods among them that only read: they do not wait for the write queue. */
export const curationThreadReads: readonly CurationThreadMethod[] = ['documents.list', 'dataset.health'];

/** A method the curation thread runs. */
export type CurationThreadMethod = (typeof curationThreadMethods)[number];

/** One call: a handler method and its (already validated) input, or the model's labels of "accept the confident ones". */
export type CurationCall = { databasePath: string; isBlind: boolean } & (
  { method: CurationThreadMethod; input: unknown } | { method: 'labels.labelByModel'; input: { labels: ModelLabel[]; description: string } }
);

/** A call's answer and the events it raised, in order. */
export interface CurationAnswer {
  value: unknown;
  events: StudioEvent[];
}

/** The curation worker's interface. */
export type CurationWorkerApi = { call: { input: CurationCall; result: CurationAnswer; progress: never } };
