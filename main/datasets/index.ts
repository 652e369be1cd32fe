/** Reading external labelled datasets and model files, for the CLI and the benchmarks. Plain Node. */
export { loadLabelledDataset, assertTrainable, classCounts, type LabelledDataset } from './load';
export {
  readTabular,
  previewTabular,
  tabularFormatOf,
  DatasetError,
  TEXT_COLUMN_CANDIDATES,
  LABEL_COLUMN_CANDIDATES,
  type LabelledRow,
  type TabularFormat,
} from './tabular';
export { readCategoryFolders, readTextFile, TEXT_EXTENSIONS, type FolderDataset } from './folder';
export { readModelFile } from './model-file';
