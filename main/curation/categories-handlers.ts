/** Handlers of the `categories.*` methods. Plain Node. */
import type { categoriesMethods } from '../../preload/contract';
import type { HandlersFor } from '../rpc/dispatcher';
import type { DocumentsRepo } from '../store/documents-repo';
import type { CategoriesService } from './categories-service';

/** What the categories handlers use. */
export interface CategoriesHandlerDeps {
  documents: DocumentsRepo;
  categories: CategoriesService;
}

/** The categories domain's handler group. */
export function createCategoriesHandlers(deps: CategoriesHandlerDeps): HandlersFor<typeof categoriesMethods> {
  return {
    'categories.list': () => deps.documents.categoryCounts(),
    'categories.create': ({ name, dryRun }) => deps.categories.create(name, dryRun),
    'categories.rename': ({ from, to, dryRun }) => deps.categories.rename(from, to, dryRun),
    'categories.merge': ({ from, into, dryRun }) => deps.categories.merge(from, into, dryRun),
    'categories.delete': ({ name, dryRun }) => deps.categories.remove(name, dryRun),
  };
}
