/** Writes generated resumes into one folder without category folders (they import unlabelled), keeping each file's true category for the test to answer with. */
import fs from 'node:fs';
import path from 'node:path';
import { generateResumeSample, SAMPLE_CATEGORIES } from '../../ml/index';

/** Writes `perClass` generated resumes of each of the first `categories` sample categories into `dir/pile`; returns the root and each file's category. */
export function writeUnlabelledFolder(
  dir: string,
  options: { perClass: number; categories?: number; seed?: number },
): { root: string; truth: Map<string, string>; categories: string[] } {
  const categories = SAMPLE_CATEGORIES.slice(0, options.categories ?? SAMPLE_CATEGORIES.length);
  const keep = new Set(categories);
  const root = path.join(dir, 'pile');
  fs.mkdirSync(root, { recursive: true });
  const truth = new Map<string, string>();
  // No label noise: the tests answer with these categories as a person would.
  for (const [i, row] of generateResumeSample({ seed: options.seed ?? 7, perClass: options.perClass, labelNoise: 0, nearDuplicateRate: 0 }).entries()) {
    if (!keep.has(row.category)) continue;
    const name = `resume-${String(i + 1).padStart(4, '0')}.txt`;
    fs.writeFileSync(path.join(root, name), row.text);
    truth.set(name, row.category);
  }
  return { root, truth, categories: [...categories] };
}
