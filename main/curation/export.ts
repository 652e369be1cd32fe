/**
 * Writes the dataset out as CSV, JSONL or a folder per category, so it can be shared, versioned or
 * imported elsewhere; each format re-imports to the same documents and labels. Excluded documents
 * are left out unless asked (as training leaves them out). Every format appears whole or not at all
 * (written under a temporary name beside the target, then renamed). Plain Node; used by `resume-studio export`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildFolderAtomic, openAtomicFile } from '../files/atomic-output';
import type { DocumentsRepo, ExportedDocument } from '../store/documents-repo';
import { stringify } from 'csv-stringify/sync';
import { csvWriteOptions } from '../../preload/csv-cells';

/** The export formats. */
export const exportFormats = ['csv', 'jsonl', 'folders'] as const;
/** One export format. */
export type ExportFormat = (typeof exportFormats)[number];

/** What an export wrote. */
export interface ExportResult {
  documents: number;
  /** Sentences about what a reader should know (e.g. a category renamed to be a folder name). */
  warnings: string[];
}

/**
 * Writes lines to a file through a small buffer (a 50,000-resume export never sits in memory whole);
 * the file gets its name only at `commit`, so a failed export leaves nothing behind.
 */
function lineWriter(file: string) {
  const output = openAtomicFile(file);
  let buffer: string[] = [];
  let size = 0;
  const flush = () => {
    if (buffer.length > 0) output.write(buffer.join(''));
    buffer = [];
    size = 0;
  };
  return {
    write(line: string) {
      buffer.push(line);
      size += line.length;
      if (size > 1 << 20) flush();
    },
    commit() {
      flush();
      output.commit();
    },
    abort: output.abort,
  };
}

/** Characters no folder name may hold on Windows, macOS or Linux. */
// eslint-disable-next-line no-control-regex
const unsafeInName = /[/\\:*?"<>|\u0000-\u001f]/g;

/** A file-system-safe name: unsafe characters become _, no trailing dot or space, never "." or "..". */
export function safeName(name: string, maxChars = 100): string {
  const cleaned = name
    .replace(unsafeInName, '_')
    .slice(0, maxChars)
    .replace(/[. ]+$/, '');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '_' : cleaned;
}

function writeFolders(out: string, docs: Iterable<ExportedDocument>, warnings: string[]): number {
  const folderOf = new Map<string, string>();
  const foldersLower = new Map<string, string>();
  let count = 0;
  for (const doc of docs) {
    let dir = out;
    // Unlabelled resumes sit at the top level: importing the folder leaves them unlabelled.
    if (doc.category !== null) {
      let folder = folderOf.get(doc.category);
      if (folder === undefined) {
        folder = safeName(doc.category);
        if (folder !== doc.category) warnings.push(`The category "${doc.category}" was written as the folder "${folder}"; importing it back gives that name.`);
        const clash = foldersLower.get(folder.toLowerCase());
        if (clash !== undefined)
          warnings.push(
            `The folders "${clash}" and "${folder}" differ only by case: on Windows and macOS they are one folder. Export as csv or jsonl to keep them apart.`,
          );
        foldersLower.set(folder.toLowerCase(), folder);
        folderOf.set(doc.category, folder);
        fs.mkdirSync(path.join(out, folder));
      }
      dir = path.join(out, folder);
    }
    const base = safeName(doc.fileName.replace(/\.[^.]*$/, ''), 80);
    fs.writeFileSync(path.join(dir, `${doc.id}-${base}.txt`), doc.text, { flag: 'wx' });
    count++;
  }
  return count;
}

/** Each document of `docs` through `map`, lazily (an export never holds the dataset in memory). */
function* mapped(docs: Iterable<ExportedDocument>, map: (doc: ExportedDocument) => ExportedDocument): Generator<ExportedDocument> {
  for (const doc of docs) yield map(doc);
}

/** Exports the dataset to `out` (a new file, or a new or empty folder for `folders`). */
export function exportDataset(
  documents: DocumentsRepo,
  format: ExportFormat,
  out: string,
  options: {
    includeExcluded?: boolean;
    /** Blind mode: each document as written (names and personal data masked). */
    mask?: (doc: ExportedDocument) => ExportedDocument;
  } = {},
): ExportResult {
  const warnings: string[] = [];
  if (format === 'folders') {
    if (fs.existsSync(out) && fs.readdirSync(out).length > 0) throw new Error(`${out} is not empty; export into a new or empty folder.`);
  } else if (fs.existsSync(out)) {
    throw new Error(`${out} already exists; choose a new file name (nothing was overwritten).`);
  }
  const docs = documents.iterateForExport(options.includeExcluded ?? false);
  const written = options.mask ? mapped(docs, options.mask) : docs;
  try {
    // A partial folder export would re-import as "finished" with a fraction of the resumes: the
    // folder gets its name only once every file is in it.
    if (format === 'folders') return { documents: buildFolderAtomic(out, (folder) => writeFolders(folder, written, warnings)), warnings };
    return { documents: writeTable(out, format, written), warnings };
  } finally {
    // A failed write leaves the statement open; the connection must be free to close.
    docs.return?.();
  }
}

function writeTable(out: string, format: 'csv' | 'jsonl', docs: Iterable<ExportedDocument>): number {
  const writer = lineWriter(out);
  let count = 0;
  let isComplete = false;
  try {
    // Every field quoted: a spreadsheet then never guesses a type for a file name or a label.
    const csvRow = (cells: string[]) => stringify([cells], { ...csvWriteOptions, quoted: true });
    if (format === 'csv') writer.write(csvRow(['id', 'file_name', 'category', 'text']));
    for (const doc of docs) {
      if (format === 'csv') {
        writer.write(csvRow([String(doc.id), doc.fileName, doc.category ?? '', doc.text]));
      } else {
        writer.write(`${JSON.stringify({ id: doc.id, file_name: doc.fileName, category: doc.category, text: doc.text })}\n`);
      }
      count++;
    }
    writer.commit();
    isComplete = true;
  } finally {
    if (!isComplete) writer.abort();
  }
  return count;
}
