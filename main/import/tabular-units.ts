/**
 * CSV / JSONL datasets as import units: one unit per row, text and label from the columns the
 * user chose (or the usual names when they did not). Plain Node; loaded by import-units.ts.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { ImportPreview } from '../../preload/contract';
import { AppError } from '../core/app-error';
import type { ImportUnit } from './import-runner';
import { byCategoryOrder, type ColumnMapping } from './import-units';
import { makeDisplayName } from './walk';

type Row = Record<string, string>;

const textNames = ['text', 'resume', 'resume_str', 'content', 'body', 'document'];
const labelNames = ['category', 'label', 'class', 'role', 'job_category'];

const guess = (columns: string[], names: string[]) => columns.find((c) => names.includes(c.trim().toLowerCase())) ?? null;

async function readRows(file: string, kind: 'csv' | 'jsonl'): Promise<{ columns: string[]; rows: Row[] }> {
  const raw = (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const name = path.basename(file);
  if (kind === 'csv') {
    let records: Row[];
    try {
      records = parseCsv(raw, { columns: true, skip_empty_lines: true, relax_column_count: false, bom: true }) as Row[];
    } catch (error) {
      throw new AppError('bad_input', `${name} is not a valid CSV file: ${(error as Error).message}`);
    }
    const columns = records[0] ? Object.keys(records[0]) : [];
    return { columns, rows: records };
  }
  const rows: Row[] = [];
  const columns = new Set<string>();
  raw.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new AppError('bad_input', `${name} line ${index + 1} is not valid JSON.`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new AppError('bad_input', `${name} line ${index + 1} is not a JSON object.`);
    const row: Row = {};
    for (const [key, field] of Object.entries(value)) {
      columns.add(key);
      row[key] = typeof field === 'string' ? field : field == null ? '' : JSON.stringify(field);
    }
    rows.push(row);
  });
  return { columns: [...columns], rows };
}

function resolveMapping(file: string, columns: string[], mapping: ColumnMapping) {
  const name = path.basename(file);
  const textColumn = mapping.textColumn ?? guess(columns, textNames);
  const labelColumn = mapping.labelColumn === undefined ? guess(columns, labelNames) : mapping.labelColumn;
  if (!textColumn) throw new AppError('bad_input', `${name} has no text column (looked for ${textNames.join(', ')}); columns are: ${columns.join(', ')}. Choose one.`);
  if (!columns.includes(textColumn)) throw new AppError('bad_input', `${name} has no column "${textColumn}"; columns are: ${columns.join(', ')}.`);
  if (labelColumn && !columns.includes(labelColumn)) throw new AppError('bad_input', `${name} has no column "${labelColumn}"; columns are: ${columns.join(', ')}.`);
  return { textColumn, labelColumn };
}

/** Columns, a few sample rows, the suggested mapping and counts by label. */
export async function previewTabularSource(file: string, kind: 'csv' | 'jsonl', mapping: ColumnMapping): Promise<Partial<ImportPreview>> {
  const { columns, rows } = await readRows(file, kind);
  const textColumn = mapping.textColumn ?? guess(columns, textNames);
  const labelColumn = mapping.labelColumn === undefined ? guess(columns, labelNames) : mapping.labelColumn;
  const byCategory = new Map<string | null, number>();
  for (const row of rows) {
    const label = labelColumn ? row[labelColumn]?.trim() || null : null;
    byCategory.set(label, (byCategory.get(label) ?? 0) + 1);
  }
  // Sample cells are cut short: the preview shows the shape, not whole resumes.
  const sampleRows = rows.slice(0, 5).map((row) => Object.fromEntries(columns.map((c) => [c, (row[c] ?? '').slice(0, 160)])));
  return {
    files: rows.length,
    byCategory: [...byCategory].map(([category, files]) => ({ category, files })).sort(byCategoryOrder),
    byFormat: [{ format: kind, files: rows.length }],
    tabular: { columns, rows: rows.length, sampleRows, textColumn, labelColumn },
  };
}

/** One 'record' unit per row. */
export async function readTabularUnits(file: string, kind: 'csv' | 'jsonl', mapping: ColumnMapping): Promise<ImportUnit[]> {
  const { columns, rows } = await readRows(file, kind);
  const { textColumn, labelColumn } = resolveMapping(file, columns, mapping);
  const base = path.basename(file);
  return rows.map((row, index) => {
    const relPath = `${base}#${kind === 'csv' ? 'row' : 'line'} ${index + 1}`;
    return { kind: 'record', relPath, displayName: makeDisplayName(relPath), sourcePath: file, category: labelColumn ? row[labelColumn]?.trim() || null : null, text: row[textColumn] ?? '' };
  });
}
