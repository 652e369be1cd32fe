/**
 * `npm run bench:api -- [--json] [--data FILE] [--duration 30] [--connections 16] [--threads N]`: trains
 * a model on the dataset (default: the livecareer text corpus next to the repo), starts the real
 * `resume-studio serve` process on loopback, and drives it with autocannon: 16 connections for 30 s,
 * one ~700-word resume per POST /v1/predict; then POST /v1/predict/batch with 100 resumes per request.
 * Prints requests/s, p50/p95/p99 latency (every response's time is recorded, so p95 is exact),
 * errors (connection errors, timeouts and non-2xx) and batch resumes/s; with --json one object with
 * exactly the keys requests_per_s, p50_ms, p95_ms, p99_ms, errors, batch_resumes_per_s. The load
 * average goes to stderr: this machine is shared, so timings are only as quiet as it was.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadLabelledDataset } from '../../main/datasets/index';
import { findDuplicateGroups, serializeModel, TextClassifier } from '../../ml/index';

const root = path.resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    data: { type: 'string', default: path.resolve(root, '../shared/data/livecareer-resume-text/resumes.jsonl') },
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '16' },
    // Unset: serve's own default (one prediction thread per core, at most 4), the configuration measured.
    threads: { type: 'string' },
    'batch-duration': { type: 'string', default: '10' },
  },
});
const log = (line: string) => console.error(line);
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

// The model: every unique resume of the corpus (exact duplicates dropped), the default fast engine.
const dataset = loadLabelledDataset(values.data);
const groups = findDuplicateGroups(dataset.texts);
const firstOfGroup = new Map<number, number>();
groups.groupOf.forEach((group, i) => firstOfGroup.has(group) || firstOfGroup.set(group, i));
const keep = [...firstOfGroup.values()];
const texts = keep.map((i) => dataset.texts[i]!);
const labels = keep.map((i) => dataset.labels[i]!);
log(`training on ${texts.length} unique resumes of ${values.data} (load average ${load()})`);
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'resume-studio-bench-api-'));
const modelFile = path.join(temp, 'model.json');
fs.writeFileSync(modelFile, serializeModel(new TextClassifier({ engine: 'fast' }).fit(texts, labels)));

// The resume sent: the one closest to 700 words; the batch: 100 resumes spread over the corpus.
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const single = texts.reduce((best, text) => (Math.abs(words(text) - 700) < Math.abs(words(best) - 700) ? text : best));
const batchItems = Array.from({ length: 100 }, (_, i) => ({ text: texts[Math.floor((i * texts.length) / 100)]!, name: `r${i}` }));

// The real server process, as `resume-studio serve` runs it: the built CLI, so build it first (a
// bundle older than the sources would measure old code; the build's output goes to stderr, so
// --json stays one line).
log('building the CLI bundle (electron-vite build)');
execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
const token = 'bench-token-0123456789abcdef';
const server = spawn(
  process.execPath,
  [
    path.join(root, 'bin/resume-studio.mjs'),
    'serve',
    '--model',
    modelFile,
    '--port',
    '0',
    '--rate-limit',
    '0',
    ...(values.threads === undefined ? [] : ['--threads', values.threads]),
  ],
  {
    env: { ...process.env, RESUME_STUDIO_API_TOKEN: token },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
let serveOutput = '';
const url = await new Promise<string>((resolve, reject) => {
  server.stdout.on('data', (chunk: Buffer) => {
    serveOutput += chunk.toString();
    const match = /prediction API on (http:\/\/\S+)/.exec(serveOutput);
    if (match) resolve(match[1]!);
  });
  server.once('exit', (code) => reject(new Error(`serve exited (${code}) before listening:\n${serveOutput}`)));
});
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

/** Runs autocannon against one route, recording every response's latency. */
async function drive(route: string, body: string, connections: number, durationS: number) {
  const latenciesMs: number[] = [];
  const instance = autocannon({ url: `${url}${route}`, method: 'POST', headers, body, connections, duration: durationS });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTimeMs: number) => latenciesMs.push(responseTimeMs));
  const result = await instance;
  latenciesMs.sort((a, b) => a - b);
  const at = (q: number) => latenciesMs[Math.min(latenciesMs.length - 1, Math.ceil(q * latenciesMs.length) - 1)] ?? NaN;
  return { result, p50: at(0.5), p95: at(0.95), p99: at(0.99), errors: result.errors + result.timeouts + result.non2xx };
}

try {
  // A short warm-up so the first JIT compilations are not in the figures.
  await drive('/v1/predict', JSON.stringify({ text: single }), 2, 2);
  log(`serve: ${/prediction threads: \d+/.exec(serveOutput)?.[0] ?? 'prediction threads: ?'}`);
  log(`single: ${words(single)} words, ${values.connections} connections, ${values.duration} s (load average ${load()})`);
  const one = await drive('/v1/predict', JSON.stringify({ text: single }), Number(values.connections), Number(values.duration));
  log(`batch: 100 resumes per request, 2 connections, ${values['batch-duration']} s (load average ${load()})`);
  const batch = await drive('/v1/predict/batch', JSON.stringify({ items: batchItems }), 2, Number(values['batch-duration']));
  log(`done (load average ${load()}, ${os.availableParallelism()} cores)`);
  const figures = {
    requests_per_s: Math.round((one.result.requests.total / one.result.duration) * 10) / 10,
    p50_ms: one.p50,
    p95_ms: one.p95,
    p99_ms: one.p99,
    errors: one.errors + batch.errors,
    batch_resumes_per_s: Math.round((batch.result.requests.total * 100) / batch.result.duration),
  };
  if (values.json) console.log(JSON.stringify(figures));
  else {
    console.log('prediction API benchmark (resume-studio serve, loopback)');
    console.log(`  requests/s            ${figures.requests_per_s}`);
    console.log(`  latency p50/p95/p99   ${figures.p50_ms} / ${figures.p95_ms} / ${figures.p99_ms} ms`);
    console.log(`  errors                ${figures.errors}`);
    console.log(`  batch resumes/s       ${figures.batch_resumes_per_s} (100 per request)`);
  }
} finally {
  server.kill('SIGTERM');
  fs.rmSync(temp, { recursive: true, force: true });
}
