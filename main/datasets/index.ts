/** Labelled dataset loading for the CLI, the bench and the importer. Plain Node. */
export { loadLabelledDataset, assertTrainable, classCounts, type LabelledDataset } from './load';
export {
  readTabular,
  previewTabular,
  tabularFormatOf,
  DatasetError,
  TEXT_COLUMN_CANDIDATES,
  LABEL_COLUMN_CANDIDATES,
  type ColumnMapping,
  type LabelledRow,
  type TabularFormat,
} from './tabular';
export { readCategoryFolders, readTextFile, TEXT_EXTENSIONS, type FolderDataset } from './folder';
export { readModelFile } from './model-file';
