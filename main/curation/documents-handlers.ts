/** Handlers of the `documents.*` methods: read, list and search resumes, label / exclude them, undo and redo. Plain Node. */
import type { documentsMethods } from '../../preload/contract';
import { AppError } from '../rpc/app-error';
import type { HandlersFor } from '../rpc/dispatcher';
import type { DocumentsRepo } from '../store/documents-repo';
import { cleaningOf } from './cleaning';
import type { DocumentList } from './document-list';
import { duplicateGroups, type SkippedCopies } from './duplicate-groups';
import type { LabelsService, LabelTarget } from './labels-service';

/** What the documents handlers use. */
export interface DocumentsHandlerDeps {
  documents: DocumentsRepo;
  labels: LabelsService;
  list: DocumentList;
  skippedCopies: SkippedCopies;
}

const targetOf = (input: { ids?: number[]; filter?: LabelTarget['filter'] }): LabelTarget => (input.ids ? { ids: input.ids } : { filter: input.filter! });

/** The documents domain's handler group. */
export function createDocumentsHandlers(deps: DocumentsHandlerDeps): HandlersFor<typeof documentsMethods> {
  const mustGet = (id: number) => {
    const found = deps.documents.get(id);
    if (!found) throw new AppError('not_found', `No resume has the id ${id}.`);
    return found;
  };
  return {
    'documents.get': ({ id }) => mustGet(id),
    'documents.list': ({ filter, sort, offset, limit }) => deps.list.list(filter, sort, offset, limit),
    'documents.cleaning': ({ id }) => cleaningOf(id, mustGet(id).text),
    'documents.duplicateGroups': ({ offset, limit, includeResolved }) =>
      duplicateGroups(deps.documents, deps.skippedCopies, { offset, limit, includeResolved }),
    'documents.setCategory': (input) => deps.labels.setCategory(targetOf(input), input.category, { dryRun: input.dryRun }),
    'documents.setExcluded': (input) => deps.labels.setExcluded(targetOf(input), input.excluded, { dryRun: input.dryRun }),
    'documents.confirmModelLabels': (input) => deps.labels.confirmModelLabels(targetOf(input), { dryRun: input.dryRun }),
    'documents.keepOne': ({ keepId }) => deps.labels.keepOne(keepId),
    'documents.undo': () => deps.labels.undo(),
    'documents.redo': () => deps.labels.redo(),
    'documents.history': () => deps.labels.history(),
  };
}
