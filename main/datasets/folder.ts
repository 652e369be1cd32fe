/** Reads a folder of category folders of plain-text resumes: <root>/<category>/<file>.txt. */
import fs from 'node:fs';
import path from 'node:path';
import { decodeText } from '../parsing/extract/text';
import { readRegularFileSync } from '../parsing/regular-file';
import { DatasetError } from './tabular';

/** Extensions read as plain text (PDF/DOCX come with the importer). */
export const TEXT_EXTENSIONS = ['.txt', '.text', '.md'];

/** Files found per category and what was ignored. */
export interface FolderDataset {
  rows: { text: string; label: string; file: string }[];
  ignoredFiles: string[];
}

/**
 * Decodes a regular text file as the importer does (byte-order mark, else strict UTF-8, else
 * chardet's guess: a cp1252 "Résumé… café" stays intact); binary bytes are a DatasetError naming
 * the file, and a FIFO or device is refused (NotRegularFileError), never waited on.
 */
export function readTextFile(file: string): string {
  const decoded = decodeText(readRegularFileSync(file));
  if (!decoded.ok) throw new DatasetError(file, decoded.reason);
  return decoded.text;
}

/** Reads every category folder; an empty category folder is an error that names it. */
export function readCategoryFolders(root: string): FolderDataset {
  const entries = fs.readdirSync(root, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  const rows: FolderDataset['rows'] = [];
  const ignoredFiles: string[] = [];
  const categories = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.'));
  if (categories.length === 0) throw new DatasetError(root, 'no category folders found (expected <folder>/<category>/<resume>.txt)');
  for (const e of entries) if (e.isFile()) ignoredFiles.push(path.join(root, e.name));
  for (const dir of categories) {
    const folder = path.join(root, dir.name);
    let count = 0;
    for (const f of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(folder, f.name);
      if (!f.isFile() || !TEXT_EXTENSIONS.includes(path.extname(f.name).toLowerCase())) {
        ignoredFiles.push(file);
        continue;
      }
      const text = readTextFile(file);
      if (!text.trim()) {
        ignoredFiles.push(file);
        continue;
      }
      rows.push({ text, label: dir.name, file });
      count++;
    }
    if (count === 0) throw new DatasetError(folder, `category "${dir.name}" has no non-empty ${TEXT_EXTENSIONS.join('/')} files`);
  }
  return { rows, ignoredFiles };
}
