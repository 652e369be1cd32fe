/**
 * Builds the curation domain of one data directory: table queries, labelling with history,
 * categories, and their handler groups. Given a `thread`, the table and the actions that can touch
 * many resumes run on the curation thread (curation-thread.ts) and only the cheap reads stay here;
 * without one (inside that thread, and in tests of the services) everything runs in place. Plain Node.
 */
import type { DatasetSummary, LabelChange } from '../../preload/contract';
import type { EventBus } from '../rpc/event-bus';
import type { Db } from '../store/database';
import type { DocumentsRepo } from '../store/documents-repo';
import { createDatasetRepo } from '../store/dataset-repo';
import { createImportRepo } from '../store/import-repo';
import { createLabelHistoryRepo } from '../store/label-history-repo';
import type { WriteQueue } from '../store/write-queue';
import { curationThreadMethods, curationThreadReads } from './curation-calls';
import { createCurationThread } from './curation-thread';
import { createCategoriesHandlers } from './categories-handlers';
import { createCategoriesService } from './categories-service';
import { createDocumentList } from './document-list';
import { createDocumentsHandlers } from './documents-handlers';
import { createLabelsService, type ModelLabel } from './labels-service';

/** What curation is built from. */
export interface CurationDeps {
  db: Db;
  documents: DocumentsRepo;
  events: EventBus;
  datasetSummary: () => DatasetSummary;
  /** Blind mode: searches (and bulk actions on a search) match what blind mode shows. */
  isBlind?: () => boolean;
  /** Run the table and the labelling actions on a thread of their own, over this database file, writes in turn on `writes`. */
  thread?: { databasePath: string; writes: WriteQueue };
}

/** The curation services and the `documents.*` + `categories.*` handler groups, and `dataset.health`. */
export function wireCuration(deps: CurationDeps) {
  const list = createDocumentList(deps.db, deps.documents, { isBlind: deps.isBlind });
  const labels = createLabelsService({ ...deps, history: createLabelHistoryRepo(deps.db), matchingIds: (filter) => list.matchingIds(filter) });
  const categories = createCategoriesService(deps.documents, labels);
  const imports = createImportRepo(deps.db, deps.documents);
  const dataset = createDatasetRepo(deps.db, deps.documents, imports);
  const inPlace = {
    ...createDocumentsHandlers({ documents: deps.documents, labels, list, skippedCopies: (ids) => imports.skippedCopiesOf(ids) }),
    ...createCategoriesHandlers({ documents: deps.documents, categories }),
    'dataset.health': () => dataset.health(),
  };
  const thread = deps.thread && createCurationThread({ ...deps.thread, events: deps.events, isBlind: deps.isBlind ?? (() => false) });
  const onThread = thread
    ? Object.fromEntries(
        curationThreadMethods.map((method) => [
          method,
          (input: unknown) => (curationThreadReads.includes(method) ? thread.read(method, input) : thread.write(method, input)),
        ]),
      )
    : {};
  return {
    list,
    labels,
    categories,
    handlers: { ...inPlace, ...onThread } as typeof inPlace,
    /** "Accept the confident ones": on the thread when there is one. */
    labelByModel: (modelLabels: ModelLabel[], description: string): Promise<LabelChange> =>
      thread ? thread.labelByModel(modelLabels, description) : Promise.resolve(labels.labelByModel(modelLabels, description)),
    /** Waits for queued actions and stops the thread. */
    close: async () => thread?.close(),
  };
}

/** The curation domain's type. */
export type Curation = ReturnType<typeof wireCuration>;
