/**
 * `npm run bench:integrity -- [--documents N] [--chars N]`: what the integrity check at start costs.
 * Builds a generated store of N documents (default 50,000 of ~5,000 characters, about the size of
 * a real resume's text) in a temporary folder, then times the start-up check (integrity_check,
 * which compares every index with its table), quick_check (what start-up ran before issue 22) and a
 * whole openDatabase (check + open + pragmas), three times each, interleaved so both checks see the
 * same load; the first run is cold-ish, later ones warm (page cache).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../main/store/database';
import { checkIntegrity } from '../../main/store/integrity';

const { values } = parseArgs({ options: { documents: { type: 'string', default: '50000' }, chars: { type: 'string', default: '5000' } } });
const documents = Number(values.documents);
const chars = Number(values.chars);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resume-studio-bench-integrity-'));
const file = path.join(dir, 'studio.sqlite');

const words = ['managed', 'budget', 'team', 'python', 'customer', 'sales', 'nursing', 'kitchen', 'audit', 'design', 'teaching', 'logistics'];
const db = await openDatabase(file);
const insert = db.prepare('INSERT INTO documents (file_name, text, text_hash, char_count) VALUES (?, ?, ?, ?)');
let seed = 7;
const nextWord = () => words[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % words.length]!;
const buildStartMs = performance.now();
for (let start = 0; start < documents; start += 1000) {
  db.transaction(() => {
    for (let i = start; i < Math.min(documents, start + 1000); i++) {
      let text = `Generated resume ${i}.`;
      while (text.length < chars) text += ` ${nextWord()}`;
      insert.run(`cv-${i}.txt`, text, `hash-${i}`, text.length);
    }
  })();
}
db.close();
const buildS = (performance.now() - buildStartMs) / 1000;
const sizeMb = fs.statSync(file).size / 1024 ** 2;

const timeOpen = async () => {
  const startMs = performance.now();
  (await openDatabase(file)).close();
  return performance.now() - startMs;
};
const full: ReturnType<typeof checkIntegrity>[] = [];
const quick: ReturnType<typeof checkIntegrity>[] = [];
for (let i = 0; i < 3; i++) {
  full.push(checkIntegrity(file, { level: 'full' }));
  quick.push(checkIntegrity(file, { level: 'quick' }));
}
const opens = [await timeOpen(), await timeOpen(), await timeOpen()];
fs.rmSync(dir, { recursive: true, force: true });

console.log(`integrity benchmark: ${documents} documents of ~${chars} characters, ${sizeMb.toFixed(0)} MB (built in ${buildS.toFixed(1)} s)`);
const line = (reports: typeof full) => `${reports.map((c) => `${c.checkMs.toFixed(0)} ms`).join(', ')} (${reports.every((c) => c.ok) ? 'ok' : 'FAILED'})`;
console.log(`  integrity_check      ${line(full)}   (the start-up check)`);
console.log(`  quick_check          ${line(quick)}   (before issue 22; misses indexes that disagree with their tables)`);
console.log(`  openDatabase total   ${opens.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`);
console.log(
  `  load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} (2 shared cores: timings are noisy)`,
);
