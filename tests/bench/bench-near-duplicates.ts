/**
 * `npm run bench:near-duplicates -- [--rows N] [--json]`: the near-duplicate pass against its worst
 * case, through the real import path. Generates a CSV of N rows (default 100,000) that are one
 * template with a number changed — every row is a near-duplicate of every other, so a naive
 * search compares N² pairs — imports it into a fresh data directory (streamed rows, worker pool,
 * SQLite, then the near-duplicate pass in its worker) and prints the time, the flags written and
 * the process's peak RSS. Exits 1 unless the flags are written and the peak RSS stays under 1 GB.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../../main/core/core';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, json: { type: 'boolean', default: false } } });
const rows = Number(values.rows);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resume-studio-bench-near-'));
const csv = path.join(dir, 'near-identical.csv');

// About 1.9 KB a row, like the real CSV datasets; synthetic words only.
const paragraph =
  'Warehouse team leader responsible for stock control, goods in and goods out, health and safety audits, night shift rotas, ' +
  'inventory systems, loading bay scheduling, picking and packing accuracy, dispatch planning, weekly cycle counts, damage reports, ' +
  'supplier returns, temperature checks for chilled goods, forklift and reach truck supervision, and training new starters on site. ';
const template = (n: number) => `Candidate reference ${n}. ${paragraph.repeat(4)}Available from week ${n % 52}.`;
const out = fs.createWriteStream(csv);
out.write('resume_text,category\n');
for (let i = 0; i < rows; i++) {
  if (!out.write(`"${template(i)}",WAREHOUSE\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}
await new Promise<void>((resolve) => out.end(() => resolve()));
const csvMb = fs.statSync(csv).size / 1024 ** 2;

const core = await createCore({ dataDir: path.join(dir, 'data'), transport: 'cli' });
const startMs = performance.now();
await core.call('import.start', { path: csv });
const job = (await core.imports.waitForIdle())!;
const seconds = (performance.now() - startMs) / 1000;
const health = await core.call('dataset.health', {});
await core.close();
fs.rmSync(dir, { recursive: true, force: true });

const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const result = {
  rows,
  csv_mb: Number(csvMb.toFixed(1)),
  state: job.state,
  imported: job.counts.imported ?? 0,
  near_duplicates_flagged: health.nearDuplicates,
  unchecked: health.nearDuplicatesUnchecked,
  problem: health.nearDuplicateProblem,
  seconds: Number(seconds.toFixed(1)),
  peak_rss_mb: peakRssMb,
};
const isOk = job.state === 'finished' && health.nearDuplicates >= 0.99 * (rows - 1) && health.nearDuplicatesUnchecked === 0 && peakRssMb < 1024;
if (values.json) console.log(JSON.stringify({ ...result, ok: isOk }));
else {
  console.log(`near-duplicate benchmark: ${rows} near-identical rows, ${result.csv_mb} MB of CSV, through the import`);
  console.log(`  import + pass         ${result.seconds} s (${result.state}, ${result.imported} imported)`);
  console.log(`  flagged               ${result.near_duplicates_flagged} near-duplicates, ${result.unchecked} unchecked`);
  if (result.problem) console.log(`  problem               ${result.problem}`);
  console.log(`  peak RSS              ${result.peak_rss_mb} MB (limit 1024 MB)`);
  console.log(isOk ? 'OK' : 'FAILED: flags missing or peak RSS at or over 1 GB');
}
process.exitCode = isOk ? 0 : 1;
