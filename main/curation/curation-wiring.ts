/** Builds the curation domain of one data directory: table queries, labelling with history, categories, and their handler groups. Plain Node. */
import type { DatasetSummary } from '../../preload/contract';
import type { EventBus } from '../rpc/event-bus';
import type { Db } from '../store/database';
import type { DocumentsRepo } from '../store/documents-repo';
import { createImportRepo } from '../store/import-repo';
import { createLabelHistoryRepo } from '../store/label-history-repo';
import { createCategoriesHandlers } from './categories-handlers';
import { createCategoriesService } from './categories-service';
import { createDocumentList } from './document-list';
import { createDocumentsHandlers } from './documents-handlers';
import { createLabelsService } from './labels-service';

/** What curation is built from. */
export interface CurationDeps {
  db: Db;
  documents: DocumentsRepo;
  events: EventBus;
  datasetSummary: () => DatasetSummary;
  /** Blind mode: searches (and bulk actions on a search) match what blind mode shows. */
  isBlind?: () => boolean;
}

/** The curation services and the `documents.*` + `categories.*` handler groups. */
export function wireCuration(deps: CurationDeps) {
  const list = createDocumentList(deps.db, deps.documents, { isBlind: deps.isBlind });
  const labels = createLabelsService({ ...deps, history: createLabelHistoryRepo(deps.db), matchingIds: (filter) => list.matchingIds(filter) });
  const categories = createCategoriesService(deps.documents, labels);
  const imports = createImportRepo(deps.db, deps.documents);
  return {
    list,
    labels,
    categories,
    handlers: {
      ...createDocumentsHandlers({ documents: deps.documents, labels, list, skippedCopies: (ids) => imports.skippedCopiesOf(ids) }),
      ...createCategoriesHandlers({ documents: deps.documents, categories }),
    },
  };
}

/** The curation domain's type. */
export type Curation = ReturnType<typeof wireCuration>;
