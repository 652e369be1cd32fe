/**
 * Records of a CSV or JSON Lines table, streamed for the app and read whole for the CLI, with the
 * same parsing rules either way: a BOM is dropped, quoted CSV fields may span lines, blank lines are
 * skipped, each JSONL line must be an object. Only regular files are opened (regular-file.ts).
 * The whole-file reader also detects the encoding as the text extractor does (a cp1252 table reads
 * as written); the stream still reads UTF-8. Plain Node; used by the importer and main/datasets.
 */
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream';
import { parse as parseCsvStream, type Options as CsvOptions } from 'csv-parse';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { createRegularReadStream, NotRegularFileError, readRegularFileSync } from '../parsing/regular-file';
import { decodeText } from '../parsing/extract/text';

/** The table formats understood here. */
export type TabularFormat = 'csv' | 'jsonl';

/** One row: column name → cell value (strings for CSV, any JSON value for JSONL). */
export type TableRecord = Record<string, unknown>;

/** A table that could not be read; the message names the file and the reason. */
export class DatasetError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'DatasetError';
  }

  /** A DatasetError whose message is already a sentence naming the file. */
  static withMessage(message: string): DatasetError {
    const error = new DatasetError('', '');
    error.message = message;
    return error;
  }
}

/** The format implied by a file name, or null. */
export function tabularFormatOf(file: string): TabularFormat | null {
  const ext = path.extname(file).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : null;
}

/** A cell as text: missing → '', strings as they are, numbers and nested JSON values serialized. */
export function cellText(record: TableRecord, column: string | null): string {
  const value = column === null ? undefined : record[column];
  return value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A cell written as '=… '+… '-… '@… (or before a tab / carriage return) is the spreadsheet-safe
 * form `resume-studio export` and spreadsheets write so the cell is not run as a formula: the
 * apostrophe is not part of the text, so it is dropped and an exported dataset imports unchanged.
 */
export function unneutraliseCsvCell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

// bom: a leading UTF-8 BOM is not part of the first header; quoted fields may span CRLF lines.
const csvOptions = {
  bom: true,
  skip_empty_lines: true,
  relax_quotes: false,
  cast: (value: string, context: { header: boolean }) => (context.header ? value : unneutraliseCsvCell(value)),
} satisfies CsvOptions;

/** Parses one JSONL line (1-based `lineNumber`); blank lines give null. */
function parseJsonlLine(file: string, raw: string, lineNumber: number): TableRecord | null {
  const line = (lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
  if (!line) return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new DatasetError(file, `line ${lineNumber} is not valid JSON (${(error as Error).message})`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new DatasetError(file, `line ${lineNumber} is not a JSON object`);
  return value as TableRecord;
}

/** A file-system or parser error as a DatasetError naming the file; a non-regular file keeps its own sentence. */
function describeReadError(file: string, format: TabularFormat, error: unknown): Error {
  if (error instanceof DatasetError || error instanceof NotRegularFileError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code && !code.startsWith('CSV_')) return new DatasetError(file, `cannot read the file (${code})`);
  return new DatasetError(file, format === 'csv' ? `invalid CSV (${(error as Error).message})` : `cannot read the file (${(error as Error).message})`);
}

/** A table being read: its records, and its columns as far as they are known (CSV: the header; JSONL: every key seen). */
export interface TableStream {
  readonly columns: readonly string[];
  records(): AsyncGenerator<TableRecord>;
}

/**
 * Streams the records of a CSV / JSONL file. Parsing works through the file a chunk at a time, so
 * the event loop keeps turning and memory stays flat however large the file. Errors (unreadable,
 * not a regular file, invalid CSV or JSON) throw from the iteration, naming the file.
 */
export function streamTable(file: string, options: { signal?: AbortSignal } = {}): TableStream {
  const format = tabularFormatOf(file);
  if (!format) throw new DatasetError(file, 'unsupported table format (expected .csv or .jsonl)');
  const columns: string[] = [];
  const seen = new Set<string>();
  async function* records(): AsyncGenerator<TableRecord> {
    let input: Awaited<ReturnType<typeof createRegularReadStream>>;
    try {
      input = await createRegularReadStream(file);
    } catch (error) {
      throw describeReadError(file, format!, error);
    }
    try {
      if (format === 'csv') {
        const parser = parseCsvStream({
          ...csvOptions,
          columns: (header: string[]) => {
            columns.push(...header);
            return header;
          },
        });
        // pipeline: a read error (EIO, a file cut short) reaches the parser, so the loop below throws it.
        pipeline(input, parser, () => undefined);
        for await (const record of parser as AsyncIterable<TableRecord>) {
          if (options.signal?.aborted) return;
          yield record;
        }
        return;
      }
      const lines = readline.createInterface({ input, crlfDelay: Infinity });
      let lineNumber = 0;
      for await (const line of lines) {
        if (options.signal?.aborted) return;
        const record = parseJsonlLine(file, line, ++lineNumber);
        if (!record) continue;
        for (const key of Object.keys(record)) {
          if (!seen.has(key)) {
            seen.add(key);
            columns.push(key);
          }
        }
        yield record;
      }
    } catch (error) {
      throw describeReadError(file, format!, error);
    } finally {
      input.destroy();
    }
  }
  return { columns, records };
}

/** Every record of a CSV / JSONL table (up to `maxRows`) with its columns, read synchronously: for the CLI and benchmarks only. */
export function readTableSync(file: string, maxRows = Infinity): { columns: string[]; records: TableRecord[] } {
  const format = tabularFormatOf(file);
  if (!format) throw new DatasetError(file, 'unsupported table format (expected .csv or .jsonl)');
  let content: string;
  try {
    // The importer's decoding (BOM, strict UTF-8, else chardet): a cp1252 table reads as written.
    const decoded = decodeText(readRegularFileSync(file));
    if (!decoded.ok) throw new DatasetError(file, decoded.reason);
    content = decoded.text;
  } catch (error) {
    throw describeReadError(file, format, error);
  }
  if (format === 'csv') {
    let records: TableRecord[];
    let columns: string[] = [];
    try {
      const to = Number.isFinite(maxRows) ? maxRows : undefined;
      records = parseCsvSync(content, { ...csvOptions, to, columns: (header: string[]) => (columns = header) });
    } catch (error) {
      throw describeReadError(file, format, error);
    }
    return { columns, records };
  }
  const records: TableRecord[] = [];
  const columns = new Set<string>();
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length && records.length < maxRows; i++) {
    const record = parseJsonlLine(file, lines[i]!, i + 1);
    if (!record) continue;
    for (const key of Object.keys(record)) columns.add(key);
    records.push(record);
  }
  return { columns: [...columns], records };
}
