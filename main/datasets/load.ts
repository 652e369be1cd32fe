/** One entry point for the CLI and the bench: load a labelled text dataset from a folder, .csv or .jsonl. */
import fs from 'node:fs';
import { generateResumeSample } from '../../ml/index';
import { readCategoryFolders } from './folder';
import type { ColumnMapping } from '../../preload/contract';
import { nonRegularKind } from '../parsing/regular-file';
import { DatasetError, readTabular, tabularFormatOf } from './tabular';

/** A labelled dataset in memory. */
export interface LabelledDataset {
  source: string;
  kind: 'folder' | 'csv' | 'jsonl' | 'sample';
  texts: string[];
  labels: string[];
  /** Where each text came from, to name it in messages: its file, "<file> record N" or "sample row N". */
  origins: string[];
  /** Human-readable notes (skipped rows, ignored files). */
  warnings: string[];
}

/** `sample` or `sample:SEED` (when no such file exists): the generated synthetic resumes, 100 per class. */
const SAMPLE_SOURCE = /^sample(?::(\d+))?$/;

/** Loads texts and labels; throws DatasetError naming the file and the reason. */
export function loadLabelledDataset(source: string, mapping: ColumnMapping = {}): LabelledDataset {
  const sample = SAMPLE_SOURCE.exec(source);
  if (sample && !fs.existsSync(source)) {
    const rows = generateResumeSample({ seed: Number(sample[1] ?? 42), perClass: 100 });
    return {
      source,
      kind: 'sample',
      texts: rows.map((r) => r.text),
      labels: rows.map((r) => r.category),
      origins: rows.map((_, i) => `sample row ${i + 1}`),
      warnings: [],
    };
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source);
  } catch {
    throw new DatasetError(source, 'no such file or folder');
  }
  const kind = stat.isDirectory() ? null : nonRegularKind(stat);
  // A FIFO or a device named like a dataset would block the read forever: refused before opening.
  if (kind) throw new DatasetError(source, `it is ${kind}, not a regular file or folder, so it was not opened`);
  if (stat.isDirectory()) {
    const { rows, ignoredFiles } = readCategoryFolders(source);
    const warnings = ignoredFiles.length ? [`ignored ${ignoredFiles.length} file(s) that are not non-empty text files inside a category folder`] : [];
    return { source, kind: 'folder', texts: rows.map((r) => r.text), labels: rows.map((r) => r.label), origins: rows.map((r) => r.file), warnings };
  }
  const format = tabularFormatOf(source);
  if (!format) throw new DatasetError(source, 'expected a folder of category folders, a .csv or a .jsonl file');
  const t = readTabular(source, mapping);
  const warnings: string[] = [];
  if (t.skippedEmptyText) warnings.push(`skipped ${t.skippedEmptyText} row(s) with an empty "${t.textColumn}"`);
  if (t.skippedEmptyLabel) warnings.push(`skipped ${t.skippedEmptyLabel} row(s) with an empty "${t.labelColumn}"`);
  return {
    source,
    kind: format,
    texts: t.rows.map((r) => r.text),
    labels: t.rows.map((r) => r.label),
    origins: t.rows.map((r) => `${source} record ${r.record}`),
    warnings,
  };
}

/** Refuses data that cannot train a classifier: no rows, or a single class. */
export function assertTrainable(dataset: LabelledDataset): void {
  if (dataset.texts.length === 0) throw new DatasetError(dataset.source, 'no labelled texts found');
  const classes = new Set(dataset.labels);
  if (classes.size < 2) throw new DatasetError(dataset.source, `only one class ("${[...classes][0]}"); training needs at least two categories`);
}

/** Counts per label, sorted by label. */
export function classCounts(labels: readonly string[]): [label: string, count: number][] {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
