/**
 * CSV of a batch's results table, in the order and with the filters shown. Cells that a
 * spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) get a
 * leading apostrophe (OWASP's CSV injection advice), so a file named "=HYPERLINK(…)" stays text. Pure.
 */

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

/** A cell that cannot run as a formula: a leading apostrophe before = + - @ tab or CR. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One cell, neutralised and quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvCell(value: string): string {
  const safe = neutraliseCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole CSV text, CRLF line ends as RFC 4180 says; confidence as a plain decimal. */
export function batchCsv(rows: readonly CsvRow[]): string {
  const lines = [csvHeader.join(',')];
  for (const row of rows) {
    const cells = [
      row.file,
      row.category,
      row.confidence === null ? '' : String(Math.round(row.confidence * 10_000) / 10_000),
      row.needsReview === null ? '' : row.needsReview ? 'yes' : 'no',
      row.topWords.join('; '),
      row.status,
      row.reason,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
