/**
 * The main thread's handle on the curation thread (curation-task.ts): the table's queries and every
 * labelling action that can touch many resumes run there, writes one at a time through the core's
 * write queue, and the events each raised are announced here once it has committed. A thread that
 * dies is replaced on the next call; its action was one transaction, so nothing half-done stays.
 * Plain Node; used by the curation wiring.
 */
import type { LabelChange } from '../../preload/contract';
import type { EventBus } from '../rpc/event-bus';
import type { WriteQueue } from '../store/write-queue';
import type { WorkerEntry } from '../workers/spawn';
import { createWorkerGroup } from '../workers/worker-group';
import type { CurationCall, CurationThreadMethod, CurationWorkerApi } from './curation-calls';
import type { ModelLabel } from './labels-service';

/** Where the curation worker lives, bundled and as source. */
export const curationWorkerEntry: WorkerEntry = { bundledName: 'curation-worker', sourcePath: 'curation/curation-worker.ts' };

/** What the curation thread is given. */
export interface CurationThreadDeps {
  databasePath: string;
  events: EventBus;
  writes: WriteQueue;
  isBlind: () => boolean;
}

/** Creates the handle; the thread starts with the first call. */
export function createCurationThread(deps: CurationThreadDeps) {
  const group = createWorkerGroup<CurationWorkerApi>(curationWorkerEntry, { size: 1, taskName: 'Curating', afterDeath: 'restarted' });

  const call = async (request: Pick<CurationCall, 'method' | 'input'>): Promise<unknown> => {
    const answer = await group.request('call', { ...request, databasePath: deps.databasePath, isBlind: deps.isBlind() } as CurationCall);
    for (const event of answer.events) deps.events.emit(event.name, event.payload as never);
    return answer.value;
  };

  return {
    /** A read (the table, a search): answered in the thread's order, after any write sent before it. */
    read: (method: CurationThreadMethod, input: unknown) => call({ method, input }),
    /** A write (or its dry run), in its turn among the main thread's writes. */
    write: (method: CurationThreadMethod, input: unknown) => deps.writes.run(() => call({ method, input })),
    /** "Accept the confident ones": the model's labels of many resumes in one undoable step. */
    labelByModel: (labels: ModelLabel[], description: string) =>
      deps.writes.run(() => call({ method: 'labels.labelByModel', input: { labels, description } }) as Promise<LabelChange>),
    /** Waits for the writes queued so far, then stops the thread. */
    async close(): Promise<void> {
      await deps.writes.idle();
      await group.close();
    },
  };
}

/** The handle's type. */
export type CurationThread = ReturnType<typeof createCurationThread>;
