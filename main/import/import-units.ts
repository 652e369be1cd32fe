/**
 * Turns an import path into the units of work of a job (one per file or dataset row) and into the
 * preview shown before anything is written. Plain Node; used by the import service.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ColumnMapping, ImportPreview } from '../../preload/contract';
import { AppError } from '../rpc/app-error';
import type { ImportUnit } from './import-runner';
import { byCategoryOrder } from './preview-order';
import { nonRegularKind } from '../parsing/regular-file';
import { previewTabularSource, streamTabularUnits, type StreamedUnits } from './tabular-units';
import { tabularFormatOf } from './table-records';
import { makeDisplayName, walkImportRoot } from './walk';

/** A job's options: its column mapping, and whether symlinks leading out of a folder are followed. */
export type ImportOptions = ColumnMapping & { followLinks?: boolean };

/** A folder or a regular file; anything else (a FIFO, a device, a socket) is refused before it is opened. */
async function statOrExplain(target: string) {
  let stat: Awaited<ReturnType<typeof fs.stat>>;
  try {
    stat = await fs.stat(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission was denied' : `it could not be read (${code})`;
    throw new AppError('bad_input', `Cannot import "${target}": ${why}.`);
  }
  const kind = stat.isDirectory() ? null : nonRegularKind(stat);
  // Opening a FIFO waits for a writer and reading a device never ends: either would hang the import.
  if (kind) throw new AppError('bad_input', `Cannot import "${target}": it is ${kind}, not a regular file or folder, so it was not opened.`);
  return stat;
}

/** Every unit of a job over `target`: files to parse and entries already judged, or a table's rows as a stream. */
export async function listUnits(target: string, mapping: ImportOptions, signal?: AbortSignal): Promise<ImportUnit[] | StreamedUnits> {
  const stat = await statOrExplain(target);
  if (stat.isDirectory()) {
    const walked = await walkImportRoot(target, { signal, followLinks: mapping.followLinks });
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
  if (tabularFormatOf(target)) return streamTabularUnits(target, mapping, signal);
  const fileName = path.basename(target);
  return [{ kind: 'file', absolutePath: target, relPath: fileName, fileName, displayName: makeDisplayName(fileName), category: null, sizeBytes: stat.size }];
}

/** Counts by category and by type (from the extension: the bytes are sniffed during the import). */
export async function describeSource(
  target: string,
  mapping: ImportOptions,
  options: {
    countOnly?: boolean;
    signal?: AbortSignal;
    /** True for a file an earlier import of this folder recorded with the same relative path and size (of job `knownJobId`). */
    known?: (relPath: string, sizeBytes: number) => boolean;
    knownJobId?: number;
  } = {},
): Promise<ImportPreview> {
  const stat = await statOrExplain(target);
  const kind: ImportPreview['kind'] = stat.isDirectory() ? 'folder' : (tabularFormatOf(target) ?? 'files');
  const empty: ImportPreview = {
    path: target,
    kind,
    files: 0,
    totalBytes: 0,
    byCategory: [],
    byFormat: [],
    skipped: 0,
    problems: 0,
    unsupported: 0,
    nestedCategories: [],
    alreadyImported: null,
    tabular: null,
  };
  if (options.countOnly) return empty;
  if (kind === 'csv' || kind === 'jsonl') return { ...empty, ...(await previewTabularSource(target, kind, mapping, options.signal)), totalBytes: stat.size };
  if (kind === 'files') {
    const format = formatOf(target);
    return {
      ...empty,
      files: 1,
      totalBytes: stat.size,
      byCategory: [{ category: null, files: 1 }],
      byFormat: [{ format, files: 1 }],
      unsupported: unreadableFormats.has(format) ? 1 : 0,
    };
  }
  const walked = await walkImportRoot(target, { followLinks: mapping.followLinks });
  const byCategory = new Map<string | null, number>();
  const byFormat = new Map<string, number>();
  const nested = new Set<string>();
  let totalBytes = 0;
  let unsupported = 0;
  let known = 0;
  for (const file of walked.files) {
    byCategory.set(file.category, (byCategory.get(file.category) ?? 0) + 1);
    byFormat.set(formatOf(file.fileName), (byFormat.get(formatOf(file.fileName)) ?? 0) + 1);
    totalBytes += file.sizeBytes;
    if (unreadableFormats.has(formatOf(file.fileName))) unsupported++;
    // "Category/sub/file": the category folder has folders of its own.
    if (file.category !== null && file.relPath.split('/').length > 2) nested.add(file.category);
    if (options.known?.(file.relPath, file.sizeBytes)) known++;
  }
  return {
    ...empty,
    files: walked.files.length + walked.skipped.length + walked.problems.length,
    totalBytes,
    byCategory: [...byCategory].map(([category, files]) => ({ category, files })).sort(byCategoryOrder),
    byFormat: [...byFormat].map(([format, files]) => ({ format, files })).sort((a, b) => b.files - a.files),
    skipped: walked.skipped.length,
    problems: walked.problems.length,
    unsupported,
    nestedCategories: [...nested].sort(),
    alreadyImported: known > 0 && options.knownJobId !== undefined ? { files: known, jobId: options.knownJobId } : null,
  };
}

/**
 * Extensions of files the importer refuses as "unsupported" after sniffing them (images, media,
 * archives, programs, office formats other than Word): the preview counts them so it does not
 * promise an import that then reports them. Files without an extension are sniffed and may be text.
 */
const unreadableFormats = new Set(
  'png jpg jpeg gif bmp tif tiff webp heic ico psd mp3 wav m4a ogg flac mp4 mov avi mkv webm zip rar 7z gz tgz bz2 xz tar exe dll so dylib dmg iso msi apk jar bin xls xlsx ppt pptx odt ods odp pages key numbers rtf epub'.split(
    ' ',
  ),
);

function formatOf(fileName: string): string {
  return path.extname(fileName).slice(1).toLowerCase() || 'no extension';
}
