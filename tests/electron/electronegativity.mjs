#!/usr/bin/env node
/**
 * Runs @doyensec/electronegativity over the Electron shell (main/electron + preload/index.ts, plus
 * renderer/index.html for the CSP check) and exits 1 on any HIGH finding. Works offline: the
 * tool's release / translation look-ups fail softly, and the Electron version is passed in
 * (otherwise it assumes 0.1.0 and its insecure defaults). Other findings are printed for review.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'package.json'));
const cli = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
const electronVersion = require('electron/package.json').version;

// Scan a copy holding only the shell, so other layers' code is not attributed to it.
const scanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-electronegativity-'));
const csv = path.join(scanDir, 'report.csv');
const copy = (from, to) => fs.existsSync(path.join(root, from)) && fs.cpSync(path.join(root, from), path.join(scanDir, 'src', to), { recursive: true });
copy('main/electron', 'main/electron');
copy('preload/index.ts', 'preload/index.ts');
copy('renderer/index.html', 'renderer/index.html');

const run = spawnSync(process.execPath, [cli, '-i', path.join(scanDir, 'src'), '-e', electronVersion, '-r', '-o', csv], { encoding: 'utf8' });
if (!fs.existsSync(csv)) {
  console.error(`electronegativity did not produce a report (exit ${run.status}):\n${run.stderr || run.stdout}`);
  process.exit(1);
}

/** Splits one CSV line with quoted fields. */
const splitCsv = (line) => [...line.matchAll(/("([^"]*(?:""[^"]*)*)"|[^,]*)(,|$)/g)].map((m) => (m[2] ?? m[1]).replaceAll('""', '"').trim()).slice(0, -1);
const findings = fs
  .readFileSync(csv, 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map(splitCsv)
  .map(([issue, severity, confidence, file, location, , description]) => ({ issue, severity, confidence, file, location, description }));
fs.rmSync(scanDir, { recursive: true, force: true });

for (const f of findings) console.log(`${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.issue} ${f.file}:${f.location} — ${f.description}`);
const high = findings.filter((f) => f.severity === 'HIGH');
console.log(`electronegativity (Electron ${electronVersion}): ${findings.length} finding(s), ${high.length} HIGH.`);
process.exit(high.length > 0 ? 1 : 0);
