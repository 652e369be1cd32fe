/**
 * Labelled text tables (CSV / JSONL) for the CLI and the benchmarks: every row with a text and a
 * label, read whole. Reading and column choice are the importer's (table-records.ts, columns.ts),
 * so the app and the CLI accept the same files the same way. Plain Node.
 */
import type { ColumnMapping } from '../../preload/contract';
import { guessColumn, LABEL_COLUMN_CANDIDATES, resolveColumns, TEXT_COLUMN_CANDIDATES } from '../import/columns';
import { cellText, DatasetError, readTableSync, tabularFormatOf, type TabularFormat } from '../import/table-records';

export { DatasetError, tabularFormatOf, TEXT_COLUMN_CANDIDATES, LABEL_COLUMN_CANDIDATES, type TabularFormat };

/** The CLI's flags for choosing a column. */
const howToChoose = (role: 'text' | 'label') => `Pass --${role}-column NAME.`;

/** The first rows of a table with its columns and the guessed mapping (null when no guess). */
export function previewTabular(
  file: string,
  options: { rows?: number } = {},
): { format: TabularFormat; columns: string[]; rows: Record<string, string>[]; guess: { textColumn: string | null; labelColumn: string | null } } {
  const { columns, records } = readTableSync(file, options.rows ?? 5);
  return {
    format: tabularFormatOf(file)!,
    columns,
    rows: records.map((r) => Object.fromEntries(columns.map((c) => [c, cellText(r, c)]))),
    guess: { textColumn: guessColumn(columns, TEXT_COLUMN_CANDIDATES), labelColumn: guessColumn(columns, LABEL_COLUMN_CANDIDATES) },
  };
}

/** One labelled row. */
export interface LabelledRow {
  text: string;
  label: string;
  /** 1-based record number in the file (header excluded). */
  record: number;
}

/** Reads every row's text and label; rows with an empty text or label are counted, not returned. */
export function readTabular(
  file: string,
  mapping: ColumnMapping = {},
): { rows: LabelledRow[]; textColumn: string; labelColumn: string; skippedEmptyText: number; skippedEmptyLabel: number } {
  const { columns, records } = readTableSync(file);
  if (records.length === 0) throw new DatasetError(file, 'the table has no rows');
  // Training needs a label on every row: "unlabelled" (null) is the importer's choice only.
  const resolved = resolveColumns(
    file,
    columns,
    { textColumn: mapping.textColumn, labelColumn: mapping.labelColumn ?? undefined },
    {
      requireText: true,
      requireLabel: true,
      howToChoose,
    },
  );
  if (!resolved.ok) throw DatasetError.withMessage(resolved.message);
  const textColumn = resolved.textColumn!;
  const labelColumn = resolved.labelColumn!;
  let skippedEmptyText = 0;
  let skippedEmptyLabel = 0;
  const rows: LabelledRow[] = [];
  records.forEach((r, i) => {
    const text = cellText(r, textColumn);
    const label = cellText(r, labelColumn).trim();
    if (!text.trim()) skippedEmptyText++;
    else if (!label) skippedEmptyLabel++;
    else rows.push({ text, label, record: i + 1 });
  });
  return { rows, textColumn, labelColumn, skippedEmptyText, skippedEmptyLabel };
}
