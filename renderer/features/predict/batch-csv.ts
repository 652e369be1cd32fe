/**
 * CSV of a batch's results table, in the order and with the filters shown, written like every CSV
 * of the app: a file named "=HYPERLINK(…)" stays text. Pure.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { csvWriteOptions } from '../../../preload/csv-cells';

/** One row as the table shows it. */
export interface CsvRow {
  file: string;
  category: string;
  confidence: number | null;
  needsReview: boolean | null;
  topWords: string[];
  status: string;
  reason: string;
}

/** The header row. */
export const csvHeader = ['file', 'category', 'confidence', 'needs_review', 'top_words', 'status', 'reason'];

/** The whole CSV text (the app's one way of writing CSV: preload/csv-cells.ts); confidence as a plain decimal. */
export function batchCsv(rows: readonly CsvRow[]): string {
  const records = rows.map((row) => [
    row.file,
    row.category,
    row.confidence === null ? '' : String(Math.round(row.confidence * 10_000) / 10_000),
    row.needsReview === null ? '' : row.needsReview ? 'yes' : 'no',
    row.topWords.join('; '),
    row.status,
    row.reason,
  ]);
  return stringify([csvHeader, ...records], csvWriteOptions);
}
