/** Writes generated resumes as a folder of category folders (what the importer reads), for tests that train. */
import fs from 'node:fs';
import path from 'node:path';
import { generateResumeSample, SAMPLE_CATEGORIES } from '../../ml/index';

/** Writes `perClass` generated resumes for each of the first `categories` sample categories under `dir`; returns the root. */
export function writeLabelledFolder(dir: string, options: { perClass: number; categories?: number; seed?: number }): string {
  const keep = new Set(SAMPLE_CATEGORIES.slice(0, options.categories ?? SAMPLE_CATEGORIES.length));
  const root = path.join(dir, 'resumes');
  const counts = new Map<string, number>();
  for (const row of generateResumeSample({ seed: options.seed ?? 7, perClass: options.perClass })) {
    if (!keep.has(row.category)) continue;
    const n = (counts.get(row.category) ?? 0) + 1;
    counts.set(row.category, n);
    fs.mkdirSync(path.join(root, row.category), { recursive: true });
    fs.writeFileSync(path.join(root, row.category, `${row.category.toLowerCase()}-${n}.txt`), row.text);
  }
  return root;
}
