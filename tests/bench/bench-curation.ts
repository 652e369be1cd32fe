/**
 * `npm run bench:curation -- [--docs 50000] [--json]`: fills a fresh data directory with generated
 * resumes (ml/sample, stored in import-sized batches through the documents repository, so the
 * full-text index is built by its triggers as in a real import), then times what the curation view
 * does: 100 varied full-text searches (first window of 100 rows, through the dispatcher), the first
 * and a deep window of the table sorted by name (cold: a fresh id list each time), a bulk relabel of
 * 10,000 resumes and its undo, then a relabel, undo and merge of every resume with the main thread's
 * worst event-loop lag meanwhile (searches and these actions run on the curation thread), and prints
 * the database size. Timings are medians of wall time on a shared machine: the load average is
 * printed beside them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../../main/core/core';
import { createDocumentList } from '../../main/curation/document-list';
import { textHash } from '../../main/store/text-hash';
import { createDocumentsRepo } from '../../main/store/documents-repo';
import { createImportRepo } from '../../main/store/import-repo';
import { CATEGORY_SPECS } from '../../ml/sample/vocabulary';
import { generateResumeSample } from '../../ml/sample/generate';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '50000' }, json: { type: 'boolean', default: false } } });
const wantedDocs = Number(values.docs);
if (!Number.isInteger(wantedDocs) || wantedDocs < 10_000) {
  console.error('usage: npm run bench:curation -- [--docs N (at least 10000)] [--json]');
  process.exit(2);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resume-studio-bench-curation-'));
const core = await createCore({ dataDir, transport: 'cli' });
const documents = createDocumentsRepo(core.db);
const jobId = createImportRepo(core.db, documents).createJob('/generated', 'jsonl', {});

const fillStartMs = performance.now();
const classes = Object.keys(CATEGORY_SPECS);
const sample = generateResumeSample({ seed: 5, perClass: Math.ceil(wantedDocs / classes.length), nearDuplicateRate: 0 }).slice(0, wantedDocs);
const batchSize = 500;
for (let start = 0; start < sample.length; start += batchSize) {
  core.db.transaction(() => {
    sample.slice(start, start + batchSize).forEach((doc, i) => {
      const n = start + i;
      documents.insert({
        importJobId: jobId,
        sourcePath: `/generated/resumes.jsonl#record ${n + 1}`,
        fileName: `resumes.jsonl#record ${n + 1}`,
        format: 'jsonl',
        sizeBytes: doc.text.length,
        contentHash: null,
        textHash: textHash(doc.text),
        text: doc.text,
        category: doc.category,
      });
    });
  })();
}
const fillS = (performance.now() - fillStartMs) / 1000;
const docs = documents.counts().documents;

/** Median and 95th percentile (nearest rank) of a list of milliseconds. */
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
/** CPU milliseconds of this process, per measured step: on a loaded machine the wall time waits for a core, the CPU time does not. */
const cpuMs: Record<string, number[]> = {};
const time = async (run: () => unknown, label = 'other') => {
  const startCpu = process.cpuUsage();
  const startMs = performance.now();
  await run();
  const elapsedMs = performance.now() - startMs;
  const cpu = process.cpuUsage(startCpu);
  (cpuMs[label] ??= []).push((cpu.user + cpu.system) / 1000);
  return elapsedMs;
};

// 100 varied queries from the generator's own vocabulary: words, phrases, prefixes, AND / OR / NOT,
// a purely negative one, and some that match nothing.
const terms = [...new Set(Object.values(CATEGORY_SPECS).flatMap((spec) => spec.terms))];
const word = (i: number) => terms[(i * 7919) % terms.length]!;
const shapes = [
  (i: number) => word(i),
  (i: number) => `"${word(i)}"`,
  (i: number) => `${word(i).slice(0, 4)}*`,
  (i: number) => `${word(i)} ${word(i + 1)}`,
  (i: number) => `${word(i)} OR ${word(i + 2)}`,
  (i: number) => `${word(i)} NOT ${word(i + 3)}`,
  (i: number) => `NOT ${word(i)}`,
  (i: number) => `(${word(i)} OR ${word(i + 4)}) AND ${word(i + 5)}`,
  (i: number) => `zzqx${i} OR ${word(i)}`,
  (i: number) => `nosuchword${i}`,
];
const queries = Array.from({ length: 100 }, (_, i) => shapes[i % shapes.length]!(i));

/**
 * The main thread's longest stretch without a timer turn while `run` works, in ms: what any other
 * request (the window, the HTTP bridge) would wait at worst. A 1 ms timer chain, ended by the time
 * since its last turn, so work that blocks the thread from start to end counts in full.
 */
const worstLag = async (run: () => Promise<unknown>) => {
  let last = performance.now();
  let worst = 0;
  let timer: NodeJS.Timeout;
  const turn = () => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
    timer = setTimeout(turn, 1);
  };
  timer = setTimeout(turn, 1);
  await run();
  clearTimeout(timer);
  return Math.max(worst, performance.now() - last);
};
const idleLagMs = await worstLag(() => new Promise((resolve) => setTimeout(resolve, 1000)));

const searchMs: number[] = [];
const searchLagMs = await worstLag(async () => {
  for (const q of queries) {
    searchMs.push(await time(() => core.call('documents.list', { filter: { q }, limit: 100 }), 'search'));
    // As between a person's keystrokes: the event loop turns between two searches.
    await new Promise((resolve) => setImmediate(resolve));
  }
});
const slowest = queries.map((q, i) => ({ q, ms: searchMs[i]! })).sort((a, b) => b.ms - a.ms)[0]!;

// Table windows sorted by name, cold: each run builds the ordered id list from scratch.
const byName = { key: 'name', direction: 'asc' } as const;
const coldWindow = (offset: number, label: string) => time(() => createDocumentList(core.db, documents).list({}, byName, offset, 100), label);
const firstPageMs: number[] = [];
const deepPageMs: number[] = [];
for (let i = 0; i < 7; i++) {
  firstPageMs.push(await coldWindow(0, 'first'));
  deepPageMs.push(await coldWindow(docs - 100, 'deep'));
}
// What scrolling does: the id list is kept, so a deep window after the first costs a slice.
const list = createDocumentList(core.db, documents);
list.list({}, byName, 0, 100);
const warmDeepMs = await time(() => list.list({}, byName, docs - 100, 100));

const relabelIds = Array.from({ length: 10_000 }, (_, i) => i + 1);
const relabelMs = await time(() => core.call('documents.setCategory', { ids: relabelIds, category: 'Bench relabel' }), 'relabel');
const undoMs = await time(() => core.call('documents.undo', {}), 'undo');
const restored = documents.countInCategory('Bench relabel') === 0;

// Every resume at once, as the issue's probe did at 54-65k: each action's time and the main
// thread's worst lag meanwhile (the actions run on the curation thread).
const bulk: Record<string, { s: number; lagMs: number }> = {};
const timedBulk = async (label: string, run: () => Promise<unknown>) => {
  let ms = 0;
  const lagMs = await worstLag(async () => {
    ms = await time(run, label);
  });
  bulk[label] = { s: ms / 1000, lagMs };
};
await timedBulk('relabel all', () => core.call('documents.setCategory', { filter: {}, category: 'Bench relabel' }));
await timedBulk('undo all', () => core.call('documents.undo', {}));
const [into, ...from] = documents.categoryCounts().map((c) => c.category);
await timedBulk('merge all', () => core.call('categories.merge', { from, into: into! }));
await timedBulk('undo merge', () => core.call('documents.undo', {}));
const bulkRestored = documents.countInCategory('Bench relabel') === 0 && documents.categoryCounts().length === classes.length;

core.db.pragma('wal_checkpoint(TRUNCATE)');
const dbBytes = ['studio.sqlite', 'studio.sqlite-wal'].reduce(
  (sum, name) => sum + (fs.existsSync(path.join(dataDir, name)) ? fs.statSync(path.join(dataDir, name)).size : 0),
  0,
);
await core.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const result = {
  docs,
  search_p50_ms: round(percentile(searchMs, 50), 1),
  search_p95_ms: round(percentile(searchMs, 95), 1),
  first_page_ms: round(percentile(firstPageMs, 50), 1),
  deep_page_ms: round(percentile(deepPageMs, 50), 1),
  bulk_relabel_s: round(relabelMs / 1000, 3),
  undo_s: round(undoMs / 1000, 3),
  idle_lag_ms: round(idleLagMs, 1),
  search_lag_ms: round(searchLagMs, 1),
  bulk: Object.fromEntries(Object.entries(bulk).map(([label, b]) => [label, { s: round(b.s, 3), lag_ms: round(b.lagMs, 1) }])),
  db_mb: round(dbBytes / 1024 / 1024, 1),
};
if (values.json) {
  console.log(JSON.stringify(result));
} else {
  const [load1] = os.loadavg();
  console.log(
    `curation benchmark: ${result.docs} generated resumes (stored in ${fillS.toFixed(1)} s), ${os.availableParallelism()} cores, load average ${load1!.toFixed(1)}`,
  );
  const cpu = (label: string, p = 50) => `${round(percentile(cpuMs[label]!, p), 1)} ms CPU`;
  console.log(
    `  search p50 / p95          ${result.search_p50_ms} / ${result.search_p95_ms} ms  (${cpu('search')} / ${cpu('search', 95)}; 100 queries, first 100 rows and the total)`,
  );
  console.log(
    `  slowest search            ${round(slowest.ms, 1)} ms: ${slowest.q}${slowest.q === queries[0] ? ' (the first: it starts the curation thread)' : ''}`,
  );
  console.log(`  first window, by name     ${result.first_page_ms} ms  (${cpu('first')}; cold: sorts every match)`);
  console.log(`  deep window, by name      ${result.deep_page_ms} ms cold (${cpu('deep')}), ${round(warmDeepMs, 1)} ms while scrolling (id list kept)`);
  console.log(`  bulk relabel of 10 000    ${result.bulk_relabel_s} s  (${cpu('relabel')})`);
  console.log(`  undo of it                ${result.undo_s} s  (${cpu('undo')}; labels restored: ${restored ? 'yes' : 'NO'})`);
  console.log(`  main-thread lag, worst     idle ${result.idle_lag_ms} ms, during the 100 searches ${result.search_lag_ms} ms`);
  for (const [label, b] of Object.entries(bulk)) {
    console.log(`  ${`${label} (${docs})`.padEnd(26)}${round(b.s, 3)} s, main-thread lag ${round(b.lagMs, 1)} ms (${cpu(label)})`);
  }
  console.log(`  database                  ${result.db_mb} MB`);
}
if (!restored || !bulkRestored) process.exitCode = 1;
