/**
 * CSV / JSONL datasets as import units: one unit per row, text and label from the columns the
 * user chose (or the usual names when they did not). Reads tables with main/datasets (the CLI's
 * reader); unlike the CLI, rows without a label are kept, unlabelled. Plain Node.
 */
import path from 'node:path';
import type { ImportPreview } from '../../preload/contract';
import { AppError } from '../rpc/app-error';
import { cellText as cell, DatasetError, guessColumn, LABEL_COLUMN_CANDIDATES, readTableRecords, TEXT_COLUMN_CANDIDATES } from '../datasets/tabular';
import type { ImportUnit } from './import-runner';
import { byCategoryOrder, type ColumnMapping } from './import-units';
import { makeDisplayName } from './walk';

/** Reads the table, turning the reader's errors into user-facing bad_input errors. */
function readTable(file: string) {
  try {
    return readTableRecords(file);
  } catch (error) {
    if (error instanceof DatasetError) throw new AppError('bad_input', error.message);
    throw error;
  }
}

/** The chosen columns, or the guessed ones; a named column that does not exist is an error. */
function resolveMapping(file: string, columns: string[], mapping: ColumnMapping, requireText: boolean) {
  const name = path.basename(file);
  const textColumn = mapping.textColumn ?? guessColumn(columns, TEXT_COLUMN_CANDIDATES);
  const labelColumn = mapping.labelColumn === undefined ? guessColumn(columns, LABEL_COLUMN_CANDIDATES) : mapping.labelColumn;
  for (const chosen of [mapping.textColumn, mapping.labelColumn]) {
    if (chosen && !columns.includes(chosen)) throw new AppError('bad_input', `${name} has no column "${chosen}"; columns are: ${columns.join(', ')}.`);
  }
  if (requireText && !textColumn) {
    throw new AppError(
      'bad_input',
      `${name} has no text column (looked for ${TEXT_COLUMN_CANDIDATES.join(', ')}); columns are: ${columns.join(', ')}. Choose one.`,
    );
  }
  return { textColumn, labelColumn };
}

/** Columns, a few sample rows, the suggested mapping and counts by label. */
export async function previewTabularSource(file: string, kind: 'csv' | 'jsonl', mapping: ColumnMapping): Promise<Partial<ImportPreview>> {
  const { columns, records } = readTable(file);
  const { textColumn, labelColumn } = resolveMapping(file, columns, mapping, false);
  const byCategory = new Map<string | null, number>();
  for (const row of records) {
    const label = cell(row, labelColumn).trim() || null;
    byCategory.set(label, (byCategory.get(label) ?? 0) + 1);
  }
  // Sample cells are cut short: the preview shows the shape, not whole resumes.
  const sampleRows = records.slice(0, 5).map((row) => Object.fromEntries(columns.map((c) => [c, cell(row, c).slice(0, 160)])));
  return {
    files: records.length,
    byCategory: [...byCategory].map(([category, files]) => ({ category, files })).sort(byCategoryOrder),
    byFormat: [{ format: kind, files: records.length }],
    tabular: { columns, rows: records.length, sampleRows, textColumn, labelColumn },
  };
}

/** One 'record' unit per row. */
export async function readTabularUnits(file: string, mapping: ColumnMapping): Promise<ImportUnit[]> {
  const { columns, records } = readTable(file);
  const { textColumn, labelColumn } = resolveMapping(file, columns, mapping, true);
  const base = path.basename(file);
  return records.map((row, index) => {
    // Record numbers, not line numbers: CSV fields span lines and blank JSONL lines are skipped.
    const relPath = `${base}#record ${index + 1}`;
    return {
      kind: 'record',
      relPath,
      displayName: makeDisplayName(relPath),
      sourcePath: file,
      category: cell(row, labelColumn).trim() || null,
      text: cell(row, textColumn),
    };
  });
}
