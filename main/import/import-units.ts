/**
 * Turns an import path into the units of work of a job (one per file or dataset row) and into the
 * preview shown before anything is written. Plain Node; used by the import service.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { columnMappingSchema, ImportPreview } from '../../preload/contract';
import { AppError } from '../rpc/app-error';
import { tabularFormatOf } from '../datasets/tabular';
import type { ImportUnit } from './import-runner';
import { makeDisplayName, walkImportRoot } from './walk';

/** The user's choice of columns for a CSV / JSONL dataset, as the contract defines it (labelColumn null: unlabelled). */
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** Categories by name, the unlabelled (null) group last. */
export function byCategoryOrder(a: { category: string | null }, b: { category: string | null }): number {
  if (a.category === b.category) return 0;
  if (a.category === null) return 1;
  if (b.category === null) return -1;
  return a.category.localeCompare(b.category);
}

async function statOrExplain(target: string) {
  try {
    return await fs.stat(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission was denied' : `it could not be read (${code})`;
    throw new AppError('bad_input', `Cannot import "${target}": ${why}.`);
  }
}

/** Every unit of a job over `target`: files to parse, dataset rows, and entries already judged. */
export async function listUnits(target: string, mapping: ColumnMapping, signal?: AbortSignal): Promise<ImportUnit[]> {
  const stat = await statOrExplain(target);
  if (stat.isDirectory()) {
    const walked = await walkImportRoot(target, { signal });
    return [
      ...walked.files.map((f): ImportUnit => ({ kind: 'file', ...f })),
      ...walked.problems.map((p): ImportUnit => ({
        kind: 'judged',
        relPath: p.relPath,
        displayName: p.displayName,
        category: null,
        status: p.status,
        reason: p.reason,
      })),
      ...walked.skipped.map((s): ImportUnit => ({
        kind: 'judged',
        relPath: s.relPath,
        displayName: s.displayName,
        category: null,
        status: 'unsupported',
        reason: s.reason,
      })),
    ];
  }
  if (tabularFormatOf(target)) {
    const { readTabularUnits } = await import('./tabular-units');
    return readTabularUnits(target, mapping);
  }
  // A FIFO or a device would block or never end: only regular files are read.
  if (!stat.isFile()) throw new AppError('bad_input', `Cannot import "${target}": it is not a regular file or folder.`);
  const fileName = path.basename(target);
  return [{ kind: 'file', absolutePath: target, relPath: fileName, fileName, displayName: makeDisplayName(fileName), category: null, sizeBytes: stat.size }];
}

/** Counts by category and by type (from the extension: the bytes are sniffed during the import). */
export async function describeSource(target: string, mapping: ColumnMapping, options: { countOnly?: boolean } = {}): Promise<ImportPreview> {
  const stat = await statOrExplain(target);
  const kind: ImportPreview['kind'] = stat.isDirectory() ? 'folder' : (tabularFormatOf(target) ?? 'files');
  const empty: ImportPreview = { path: target, kind, files: 0, totalBytes: 0, byCategory: [], byFormat: [], skipped: 0, problems: 0, tabular: null };
  if (options.countOnly) return empty;
  if (kind === 'csv' || kind === 'jsonl') {
    const { previewTabularSource } = await import('./tabular-units');
    return { ...empty, ...(await previewTabularSource(target, kind, mapping)), totalBytes: stat.size };
  }
  if (kind === 'files') {
    return { ...empty, files: 1, totalBytes: stat.size, byCategory: [{ category: null, files: 1 }], byFormat: [{ format: formatOf(target), files: 1 }] };
  }
  const walked = await walkImportRoot(target);
  const byCategory = new Map<string | null, number>();
  const byFormat = new Map<string, number>();
  let totalBytes = 0;
  for (const file of walked.files) {
    byCategory.set(file.category, (byCategory.get(file.category) ?? 0) + 1);
    byFormat.set(formatOf(file.fileName), (byFormat.get(formatOf(file.fileName)) ?? 0) + 1);
    totalBytes += file.sizeBytes;
  }
  return {
    ...empty,
    files: walked.files.length + walked.skipped.length + walked.problems.length,
    totalBytes,
    byCategory: [...byCategory].map(([category, files]) => ({ category, files })).sort(byCategoryOrder),
    byFormat: [...byFormat].map(([format, files]) => ({ format, files })).sort((a, b) => b.files - a.files),
    skipped: walked.skipped.length,
    problems: walked.problems.length,
  };
}

function formatOf(fileName: string): string {
  return path.extname(fileName).slice(1).toLowerCase() || 'no extension';
}
