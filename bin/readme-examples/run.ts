/**
 * `npm run docs:examples [-- --check] [-- --data resumes.jsonl]`: reruns README's prediction
 * examples and writes their figures into README.md, or with --check only says which differ (exit 1).
 * Without --data the livecareer blocks are left alone. Usage: node --import tsx bin/readme-examples/run.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readmeExamples } from './examples';
import { staleBlocks, writeBlocks } from './readme-blocks';

const root = path.resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, data: { type: 'string' } } });
const readmePath = path.join(root, 'README.md');
const readme = fs.readFileSync(readmePath, 'utf8');
const bodies = await readmeExamples({ data: values.data, root });
const stale = staleBlocks(readme, bodies);
if (values.check) {
  if (stale.length) {
    console.error(`README.md differs from a fresh run in: ${stale.join(', ')} (npm run docs:examples${values.data ? ' -- --data …' : ''} rewrites them).`);
    process.exit(1);
  }
  console.log(`README.md matches a fresh run: ${[...bodies.keys()].join(', ')}.`);
} else {
  fs.writeFileSync(readmePath, writeBlocks(readme, bodies));
  console.log(stale.length ? `Rewrote ${stale.join(', ')} in README.md.` : 'README.md was already up to date.');
}
