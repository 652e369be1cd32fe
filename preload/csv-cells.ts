/**
 * How the app writes CSV, in one place for its two writers (the dataset export in main/, the batch
 * results download in the renderer), both csv-stringify with these options: CRLF line ends (RFC
 * 4180), quotes wherever a field holds a delimiter, a quote or a line break, and cells a
 * spreadsheet would run as a formula neutralised. Pure, no zod: both sides import it.
 */
import type { Options } from 'csv-stringify';

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula; a
 * leading apostrophe makes it text (OWASP's CSV-injection advice). A text that already starts with
 * apostrophes before such a character gets one more, so the importer's "drop one apostrophe"
 * (main/import/table-records.ts) gives it back unchanged.
 */
export function neutraliseCsvCell(value: string): string {
  return /^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The options every CSV the app writes uses. */
export const csvWriteOptions = {
  record_delimiter: 'windows',
  // csv-stringify quotes fields holding its record delimiter (\r\n), not a lone \n or \r.
  quoted_match: /[\r\n]/,
  cast: { string: (value: string) => neutraliseCsvCell(value) },
} as const satisfies Options;
