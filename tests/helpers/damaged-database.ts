/**
 * Real SQLite stores damaged on purpose, for the integrity check and the restore path: a store
 * with enough documents to have interior b-tree pages, a backup named as migrations name them,
 * and the overwrite that breaks those pages. Generated data only.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { openDatabase } from '../../main/store/database';

/** Adds `documents` generated resumes to the store at `file` (creating and migrating it). */
export async function addDocuments(file: string, documents: number, firstIndex = 0): Promise<void> {
  const db = await openDatabase(file);
  const insert = db.prepare('INSERT INTO documents (file_name, text, text_hash) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = firstIndex; i < firstIndex + documents; i++) insert.run(`cv-${i}.txt`, `Generated resume ${i}: `.padEnd(400, 'skills '), `hash-${i}`);
  })();
  db.close();
}

/** Copies the (closed) store to a backup named like a migration's, dated `modified`; returns its path. */
export function backUp(file: string, modified: Date, version = 1): string {
  const backup = `${file}.v${version}.${modified.toISOString().replace(/[:.]/g, '-')}.bak`;
  fs.copyFileSync(file, backup);
  fs.utimesSync(backup, modified, modified);
  return backup;
}

/** Overwrites the middle of every interior page of the documents table (its child pointers); returns their numbers. */
export function corruptInteriorPages(file: string): number[] {
  // The read-only look would leave -wal / -shm beside a closed store; a damaged store has none.
  const created = ['-wal', '-shm'].map((suffix) => `${file}${suffix}`).filter((companion) => !fs.existsSync(companion));
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'documents' AND pagetype = 'internal'").all() as { pageno: number }[]).map(
    (row) => row.pageno,
  );
  db.close();
  for (const companion of created) fs.rmSync(companion, { force: true });
  const fd = fs.openSync(file, 'r+');
  for (const page of pages) fs.writeSync(fd, Buffer.alloc(pageSize / 2, 0xab), 0, pageSize / 2, (page - 1) * pageSize + pageSize / 4);
  fs.closeSync(fd);
  return pages;
}

/** The number of documents a healthy store holds. */
export function countDocuments(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * Changes one character of one key in a leaf page of the UNIQUE index on documents.text_hash
 * (the kind of damage a bad sector or a torn write leaves): the page stays well-formed, so
 * quick_check passes, but the index no longer matches its table: one row's own hash is missing
 * from it. Returns the changed key's first digit position in the file (for the record).
 */
export function corruptTextHashIndex(file: string): number {
  const created = ['-wal', '-shm'].map((suffix) => `${file}${suffix}`).filter((companion) => !fs.existsSync(companion));
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const leaves = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'documents_text_hash' AND pagetype = 'leaf'").all() as { pageno: number }[]).map(
    (row) => row.pageno,
  );
  db.close();
  for (const companion of created) fs.rmSync(companion, { force: true });
  const page = leaves[Math.floor(leaves.length / 2)]!;
  const bytes = Buffer.alloc(pageSize);
  const fd = fs.openSync(file, 'r+');
  try {
    fs.readSync(fd, bytes, 0, pageSize, (page - 1) * pageSize);
    // Search from the cell content area (page header bytes 5–6), so the key changed is a live cell.
    const at = bytes.indexOf('hash-', bytes.readUInt16BE(5) || 65536);
    // The first digit: always part of the key (what follows a key is its row id, in binary).
    const digit = at + 'hash-'.length;
    bytes[digit] = bytes[digit] === 0x39 ? 0x31 : bytes[digit]! + 1;
    fs.writeSync(fd, bytes, 0, pageSize, (page - 1) * pageSize);
    return (page - 1) * pageSize + digit;
  } finally {
    fs.closeSync(fd);
  }
}
