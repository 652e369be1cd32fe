/**
 * `npm run sample:write`: (re)writes the bundled sample dataset, assets/sample-resumes/, from the
 * generator. Deterministic: a re-run gives the same bytes (tests/build/sample-dataset.test.ts
 * checks the committed folder against a fresh run). `--out DIR` writes elsewhere.
 * Usage: node --import tsx bin/sample-resumes/write.ts [--out DIR]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSample } from './plan';

const root = path.resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = path.resolve(values.out ?? path.join(root, 'assets', 'sample-resumes'));

const { files } = await buildSample();
// Start from an empty folder so a file the generator no longer makes does not linger.
fs.rmSync(outDir, { recursive: true, force: true });
let totalBytes = 0;
for (const [relPath, bytes] of files) {
  const target = path.join(outDir, ...relPath.split('/'));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, bytes);
  totalBytes += bytes.length;
}
console.log(`Wrote ${files.size} files (${Math.round(totalBytes / 1024)} KB) to ${path.relative(process.cwd(), outDir) || '.'}`);
