/**
 * CSV and JSONL readers for labelled text tables, with column auto-detection and a preview. Plain
 * Node; used by the CLI and reusable by the importer (a user-chosen column mapping + preview).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/** The table formats understood here. */
export type TabularFormat = 'csv' | 'jsonl';

/** Which columns hold the text and the label; undefined means auto-detect. */
export interface ColumnMapping {
  textColumn?: string;
  labelColumn?: string;
}

/** Column names tried, in order, when none is given (compared case-insensitively). */
export const TEXT_COLUMN_CANDIDATES = ['text', 'resume', 'resume_str', 'resume_text', 'content', 'body'];
/** Label column names tried, in order, when none is given. */
export const LABEL_COLUMN_CANDIDATES = ['category', 'label', 'class', 'job_category', 'role'];

/** An error that names the file and the reason, for users. */
export class DatasetError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'DatasetError';
  }
}

/** The format implied by a file name, or null. */
export function tabularFormatOf(file: string): TabularFormat | null {
  const ext = path.extname(file).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : null;
}

/** Every record of a CSV / JSONL table (up to `maxRows`) with its columns; throws DatasetError naming the file. */
export function readTableRecords(file: string, maxRows = Infinity): { columns: string[]; records: Record<string, unknown>[] } {
  const format = tabularFormatOf(file);
  if (!format) throw new DatasetError(file, 'unsupported table format (expected .csv or .jsonl)');
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new DatasetError(file, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (format === 'csv') {
    let records: Record<string, string>[];
    try {
      // bom: a leading UTF-8 BOM is not part of the first header; quoted fields may span CRLF lines.
      records = parse(content, { columns: true, bom: true, skip_empty_lines: true, relax_quotes: false, to: Number.isFinite(maxRows) ? maxRows : undefined });
    } catch (error) {
      throw new DatasetError(file, `invalid CSV (${(error as Error).message})`);
    }
    const header = parse(content, { bom: true, to_line: 1 }) as string[][];
    return { columns: header[0] ?? [], records };
  }
  const records: Record<string, unknown>[] = [];
  const columns = new Set<string>();
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length && records.length < maxRows; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new DatasetError(file, `line ${i + 1} is not valid JSON (${(error as Error).message})`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new DatasetError(file, `line ${i + 1} is not a JSON object`);
    for (const key of Object.keys(value)) columns.add(key);
    records.push(value as Record<string, unknown>);
  }
  return { columns: [...columns], records };
}

/** A cell as text: missing → '', strings as they are, numbers and nested JSON values serialized. */
export function cellText(record: Record<string, unknown>, column: string | null): string {
  const value = column === null ? undefined : record[column];
  return value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

/** The first column whose name matches a candidate (case-insensitive), or null. */
export function guessColumn(columns: string[], candidates: string[]): string | null {
  for (const candidate of candidates) {
    const hit = columns.find((c) => c.trim().toLowerCase() === candidate);
    if (hit !== undefined) return hit;
  }
  return null;
}

function resolveColumn(file: string, columns: string[], wanted: string | undefined, candidates: string[], role: string, flag: string): string {
  if (wanted !== undefined) {
    if (columns.includes(wanted)) return wanted;
    throw new DatasetError(file, `no ${role} column "${wanted}" (columns: ${columns.join(', ') || 'none'})`);
  }
  const guessed = guessColumn(columns, candidates);
  if (guessed !== null) return guessed;
  throw new DatasetError(file, `cannot find a ${role} column (tried ${candidates.join(', ')}; columns: ${columns.join(', ') || 'none'}); pass ${flag}`);
}

/** The first rows of a table with its columns and the guessed mapping (null when no guess). */
export function previewTabular(
  file: string,
  options: { rows?: number } = {},
): { format: TabularFormat; columns: string[]; rows: Record<string, string>[]; guess: { textColumn: string | null; labelColumn: string | null } } {
  const { columns, records } = readTableRecords(file, options.rows ?? 5);
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
  const { columns, records } = readTableRecords(file);
  if (records.length === 0) throw new DatasetError(file, 'the table has no rows');
  const textColumn = resolveColumn(file, columns, mapping.textColumn, TEXT_COLUMN_CANDIDATES, 'text', '--text-column');
  const labelColumn = resolveColumn(file, columns, mapping.labelColumn, LABEL_COLUMN_CANDIDATES, 'label', '--label-column');
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
