/**
 * `npm run bench:drop -- [--drops 12] [--json]`: the drop-to-card latency of the Predict page. Builds
 * the app, starts the real browser-mode backend on a fresh data folder with the sample model active,
 * opens the Predict page in Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium) and drops a
 * generated 2-page PDF resume N times, timing inside the page from the drop event to its card showing
 * a category. The first two drops start the parse and prediction workers; p50 / p95 are over the
 * warm ones. With --json one object: p50_ms, p95_ms, first_ms, drops. The load average goes to
 * stderr: the machine is shared, so timings are only as quiet as it was. (A benchmark, not a test:
 * tests never assert durations.)
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { sampleResumes } from '../fixtures/sample-model';
import { startBackend } from '../e2e/backend';
import { activateSampleModel, dropAndTimeCard } from '../e2e/predict-helpers';
import { makeTextPdfBytes } from '../fixtures/resume-files';

const root = path.resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, drops: { type: 'string', default: '12' } } });
const drops = Math.max(3, Number(values.drops));
const log = (line: string) => console.error(line);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

log(
  `load average before: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
// Build output goes to stderr, so --json stays one line on stdout.
execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 2, 2] });

const backend = await startBackend();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  await activateSampleModel(backend);
  const resume = sampleResumes(1, 21)[0]!;
  const pdf = await makeTextPdfBytes({ pages: 2, lines: resume.text.split('\n') });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${backend.url}#/predict`);
  await page.getByRole('heading', { name: 'Model in use' }).waitFor({ timeout: 60_000 });
  const latenciesMs: number[] = [];
  for (let i = 0; i < drops; i++) {
    latenciesMs.push(await dropAndTimeCard(page, { name: `two-pages-${i}.pdf`, bytes: pdf, type: 'application/pdf' }, '[data-testid="predict-drop-zone"]'));
  }
  const warm = latenciesMs.slice(2).sort((a, b) => a - b);
  const result = { p50_ms: Math.round(quantile(warm, 0.5)), p95_ms: Math.round(quantile(warm, 0.95)), first_ms: Math.round(latenciesMs[0]!), drops };
  log(
    `load average after: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  if (values.json) console.log(JSON.stringify(result));
  else
    console.log(
      `drop-to-card latency, 2-page PDF: p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms over ${warm.length} warm drops (first ${result.first_ms} ms)`,
    );
} finally {
  await browser.close();
  await backend.stop();
}
