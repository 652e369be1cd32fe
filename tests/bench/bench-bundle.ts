/**
 * `npm run bench:bundle`: builds the renderer and prints what a browser downloads — every chunk's
 * size raw, gzip and brotli (the files browser mode serves), and the total of the first paint (the
 * entry and the Dataset page with everything they import statically), read from Vite's manifest.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const root = path.resolve(import.meta.dirname, '..', '..');
const outDir = path.join(root, 'out', 'renderer');
const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
  cwd: root,
  encoding: 'utf8',
});
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;

const sizeOf = (file: string) => {
  const full = path.join(outDir, file);
  const variant = (ext: string) => (fs.existsSync(full + ext) ? fs.statSync(full + ext).size : fs.statSync(full).size);
  return { raw: fs.statSync(full).size, gzip: variant('.gz'), brotli: variant('.br') };
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10);

/** The chunk keys a chunk pulls in before it runs (itself and its static imports, transitively). */
function staticClosure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(imported, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
const datasetKey = Object.keys(manifest).find((key) => key.endsWith('dataset-page.tsx'))!;
const firstPaint = new Set([...staticClosure(entryKey), ...staticClosure(datasetKey)]);
const files = (keys: Iterable<string>) => [...keys].flatMap((key) => [manifest[key]!.file, ...(manifest[key]!.css ?? [])]);
const firstPaintFiles = new Set(files(firstPaint));

console.log(`${'file'.padEnd(48)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}  first paint`);
const rows = [...new Set(files(Object.keys(manifest)))].map((file) => ({ file, ...sizeOf(file) })).sort((a, b) => b.raw - a.raw);
for (const row of rows) console.log(`${row.file.padEnd(48)} ${kb(row.raw)} ${kb(row.gzip)} ${kb(row.brotli)}  ${firstPaintFiles.has(row.file) ? 'yes' : ''}`);
const total = (list: typeof rows) =>
  list.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const first = total(rows.filter((row) => firstPaintFiles.has(row.file)));
const all = total(rows);
console.log(`${'first paint (entry + Dataset page)'.padEnd(48)} ${kb(first.raw)} ${kb(first.gzip)} ${kb(first.brotli)}`);
console.log(`${'everything'.padEnd(48)} ${kb(all.raw)} ${kb(all.gzip)} ${kb(all.brotli)}`);
const recharts = rows.filter((row) => fs.readFileSync(path.join(outDir, row.file), 'utf8').includes('recharts-wrapper'));
console.log(`recharts is in: ${recharts.map((row) => `${row.file}${firstPaintFiles.has(row.file) ? ' (FIRST PAINT!)' : ''}`).join(', ') || 'no chunk'}`);
