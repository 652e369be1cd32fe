/** Handlers of the `dataset.*` methods: counts and data health of the stored documents. Plain Node. */
import type { datasetMethods } from '../../preload/contract';
import type { HandlersFor } from '../rpc/dispatcher';
import type { DatasetRepo } from '../store/dataset-repo';

/** What the dataset handlers read. */
export interface DatasetHandlerDeps {
  dataset: DatasetRepo;
}

/** The dataset domain's handler group. */
export function createDatasetHandlers(deps: DatasetHandlerDeps): HandlersFor<typeof datasetMethods> {
  return {
    'dataset.summary': () => deps.dataset.summary(),
    'dataset.health': () => deps.dataset.health(),
  };
}
