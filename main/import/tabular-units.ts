/**
 * CSV / JSONL datasets as import units: one unit per row, text and label from the columns the
 * user chose (or the usual names when they did not). Tables are streamed (table-records.ts), so
 * a file of hundreds of megabytes is previewed and imported without freezing the main thread or
 * holding every row's text at once; unlike the CLI, rows without a label are kept, unlabelled.
 * Plain Node.
 */
import path from 'node:path';
import type { ColumnMapping, ImportPreview } from '../../preload/contract';
import { AppError } from '../rpc/app-error';
import { resolveColumns } from './columns';
import type { ImportUnit } from './import-runner';
import { byCategoryOrder } from './preview-order';
import { NotRegularFileError } from '../parsing/regular-file';
import { cellText as cell, DatasetError, streamTable, type TableRecord, type TableStream } from './table-records';
import { makeDisplayName } from './walk';

/** Rows of a table to import: how many, and the units one at a time (the file is read again as they are consumed). */
export interface StreamedUnits {
  total: number;
  units: AsyncIterable<ImportUnit>;
}

/** Reading errors become user-facing bad_input errors (their message names the file and the reason). */
async function* recordsOf(table: TableStream): AsyncGenerator<TableRecord, readonly string[]> {
  try {
    yield* table.records();
  } catch (error) {
    if (error instanceof DatasetError || error instanceof NotRegularFileError) throw new AppError('bad_input', error.message);
    throw error;
  }
  return table.columns;
}

/** Runs through every record of a table, calling `each` with the columns known so far, and returns all its columns. */
async function scan(file: string, each: (record: TableRecord, columns: readonly string[]) => void, signal?: AbortSignal): Promise<readonly string[]> {
  const table = streamTable(file, { signal });
  const records = recordsOf(table);
  try {
    for (;;) {
      const next = await records.next();
      if (next.done) return next.value;
      each(next.value, table.columns);
    }
  } finally {
    // Stopping early (a bad mapping) must still close the file.
    await records.return(table.columns);
  }
}

/** The chosen columns, or the guessed ones; a named column that does not exist is an error. */
function columnsFor(file: string, columns: readonly string[], mapping: ColumnMapping, requireText: boolean) {
  const resolved = resolveColumns(path.basename(file), columns, mapping, { requireText, requireLabel: false, howToChoose: () => 'Choose one.' });
  if (!resolved.ok) throw new AppError('bad_input', resolved.message);
  return resolved;
}

/** Columns, a few sample rows, the suggested mapping and counts by label, in one pass (two for JSONL, whose columns are known only at the end). */
export async function previewTabularSource(file: string, kind: 'csv' | 'jsonl', mapping: ColumnMapping, signal?: AbortSignal): Promise<Partial<ImportPreview>> {
  const samples: TableRecord[] = [];
  let rows = 0;
  const byLabel = new Map<string, number>();
  // A CSV's columns are its header, known from the first record on: labels are counted on the way.
  let columns: readonly string[] = [];
  let labelColumn: string | null | undefined;
  const countLabel = (record: TableRecord) => {
    const label = cell(record, labelColumn ?? null).trim();
    byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
  };
  columns = await scan(
    file,
    (record, header) => {
      rows++;
      if (samples.length < 5) samples.push(record);
      if (kind === 'csv') {
        labelColumn ??= columnsFor(file, header, mapping, false).labelColumn;
        countLabel(record);
      }
    },
    signal,
  );
  const resolved = columnsFor(file, columns, mapping, false);
  if (kind === 'jsonl') {
    labelColumn = resolved.labelColumn;
    await scan(file, countLabel, signal);
  }
  // Sample cells are cut short: the preview shows the shape, not whole resumes.
  const sampleRows = samples.map((row) => Object.fromEntries(columns.map((c) => [c, cell(row, c).slice(0, 160)])));
  return {
    files: rows,
    byCategory: [...byLabel].map(([label, files]) => ({ category: label || null, files })).sort(byCategoryOrder),
    byFormat: [{ format: kind, files: rows }],
    tabular: { columns: [...columns], rows, sampleRows, textColumn: resolved.textColumn, labelColumn: resolved.labelColumn },
  };
}

/** Counts the rows and checks the mapping, then hands out one 'record' unit per row as the file is read again. */
export async function streamTabularUnits(file: string, mapping: ColumnMapping, signal?: AbortSignal): Promise<StreamedUnits> {
  let total = 0;
  const columns = await scan(file, () => total++, signal);
  const { textColumn, labelColumn } = columnsFor(file, columns, mapping, true);
  const base = path.basename(file);
  async function* units(): AsyncGenerator<ImportUnit> {
    let index = 0;
    for await (const row of recordsOf(streamTable(file, { signal }))) {
      // Record numbers, not line numbers: CSV fields span lines and blank JSONL lines are skipped.
      const relPath = `${base}#record ${++index}`;
      yield {
        kind: 'record',
        relPath,
        displayName: makeDisplayName(relPath),
        sourcePath: file,
        category: cell(row, labelColumn).trim() || null,
        text: cell(row, textColumn),
      };
    }
  }
  return { total, units: units() };
}
