/**
 * Child process of `bench:import`: extracts every PDF listed (one path per line on stdin) with
 * Debian's `pdftotext`, N processes at a time, and prints one JSON line: seconds, files, failures.
 * It lowers its own priority first (children inherit it) to the parse workers' priority, so on a
 * loaded machine both sides of the comparison compete for the CPU on the same terms.
 * Usage: node tests/bench/pdftotext-pool.mjs <processes> <nice>  < list
 */
import { spawn } from 'node:child_process';
import os from 'node:os';

const [processes, nice] = process.argv.slice(2).map(Number);
let input = '';
for await (const chunk of process.stdin) input += chunk;
const files = input.split('\n').filter(Boolean);
if (nice) os.setPriority(0, nice);

/** Extracts one file to a pipe that is read and dropped (pdftotext FILE - writes the text to stdout). */
const extract = (file) =>
  new Promise((resolve) => {
    const child = spawn('pdftotext', ['-q', '-enc', 'UTF-8', file, '-'], { stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.resume();
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });

let next = 0;
let failures = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: Math.max(1, processes) }, async () => {
    while (next < files.length) if (!(await extract(files[next++]))) failures++;
  }),
);
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, files: files.length, failures }));
