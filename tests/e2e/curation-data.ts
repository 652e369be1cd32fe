/**
 * A generated dataset of 20,000+ resumes for the curation e2e tests: written as a CSV, imported once
 * through the real importer (the CLI over the same core), then copied per test so each starts from
 * the same database. Also reads that database directly, to check what the UI shows against it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { generateResumeSample } from '../../ml/sample/generate';
import { startBackend, type Backend } from './backend';
import { longStepMs } from './deadlines';

const root = path.resolve(import.meta.dirname, '../..');

/** 8 categories × 2,450 resumes plus 3% near-duplicates: just over 20,000. */
export const perClass = 2_450;

const csvField = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** Writes the CSV and imports it into a new data directory; returns the directory. */
export function prepareDataset(resumesPerClass = perClass): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-curation-e2e-'));
  const rows = generateResumeSample({ seed: 12, perClass: resumesPerClass, nearDuplicateRate: 0.03 });
  const csv = path.join(dir, 'resumes.csv');
  fs.writeFileSync(csv, ['text,category', ...rows.map((r) => `${csvField(r.text)},${csvField(r.category)}`)].join('\n'));
  const dataDir = path.join(dir, 'prepared');
  execFileSync(process.execPath, [path.join(root, 'bin/resume-studio.mjs'), 'import', csv, '--data-dir', dataDir], { stdio: 'pipe', timeout: longStepMs });
  return dataDir;
}

/** A backend over a fresh copy of the prepared data directory. */
export async function backendOnCopy(prepared: string): Promise<Backend> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-curation-copy-'));
  fs.cpSync(prepared, copy, { recursive: true });
  return startBackend(copy);
}

/** Runs one read-only query on a data directory's database. */
export function queryDb<T>(dataDir: string, sql: string, ...params: unknown[]): T {
  const db = new Database(path.join(dataDir, 'studio.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

/** Documents labelled `category` in the database. */
export function countInCategory(dataDir: string, category: string): number {
  return queryDb<{ n: number }>(dataDir, 'SELECT COUNT(*) AS n FROM documents d JOIN categories c ON c.id = d.category_id WHERE c.name = ?', category).n;
}
