/** Handlers of the `documents.*` methods: read one resume, label / exclude it, undo and redo. Plain Node. */
import type { documentsMethods } from '../../preload/contract';
import { AppError } from '../rpc/app-error';
import type { HandlersFor } from '../rpc/dispatcher';
import type { DocumentsRepo } from '../store/documents-repo';
import type { LabelsService } from './labels-service';

/** What the documents handlers use. */
export interface DocumentsHandlerDeps {
  documents: DocumentsRepo;
  labels: LabelsService;
}

/** The documents domain's handler group. */
export function createDocumentsHandlers(deps: DocumentsHandlerDeps): HandlersFor<typeof documentsMethods> {
  return {
    'documents.get': ({ id }) => {
      const found = deps.documents.get(id);
      if (!found) throw new AppError('not_found', `No resume has the id ${id}.`);
      return found;
    },
    'documents.setCategory': ({ ids, category }) => deps.labels.setCategory(ids, category),
    'documents.setExcluded': ({ ids, excluded }) => deps.labels.setExcluded(ids, excluded),
    'documents.undo': () => deps.labels.undo(),
    'documents.redo': () => deps.labels.redo(),
    'documents.history': () => deps.labels.history(),
  };
}
