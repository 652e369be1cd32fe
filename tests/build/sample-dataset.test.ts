/**
 * The committed sample dataset (assets/sample-resumes) is exactly what `npm run sample:write`
 * writes: the script runs for real into a temporary folder and every file is compared byte for byte,
 * so a hand edit, a stale file or a generator that stopped being deterministic fails here.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';

const root = path.resolve(import.meta.dirname, '../..');
const committedDir = path.join(root, 'assets', 'sample-resumes');

/** Every file under `dir`, as "/"-separated paths relative to it, sorted. */
function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

let outDir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir: outDir, cleanup } = makeTempDir('sample-write-'));
  // The npm script's own command line, with --out so the committed folder is left alone.
  const script = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts['sample:write'] as string;
  expect(script).toBe('node --import tsx bin/sample-resumes/write.ts');
  execFileSync(process.execPath, ['--import', 'tsx', 'bin/sample-resumes/write.ts', '--out', outDir], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, TZ: 'Pacific/Kiritimati' },
  });
});

afterAll(() => cleanup?.());

describe('npm run sample:write', () => {
  it('writes the same files as are committed', () => {
    const written = listFiles(outDir);
    expect(written.length).toBeGreaterThan(80);
    expect(listFiles(committedDir)).toEqual(written);
  });

  it('reproduces every committed file byte for byte', () => {
    const differing = listFiles(outDir).filter((file) => !fs.readFileSync(path.join(outDir, file)).equals(fs.readFileSync(path.join(committedDir, file))));
    expect(differing, 'files that differ from a fresh `npm run sample:write`; run it and commit the result').toEqual([]);
  });

  it('holds PDF, DOCX and TXT resumes in one folder per category', () => {
    const files = listFiles(committedDir);
    expect(new Set(files.map((file) => path.extname(file)))).toEqual(new Set(['.pdf', '.docx', '.txt']));
    expect(new Set(files.map((file) => file.split('/')[0]))).toEqual(
      new Set(['Accountant', 'Data Scientist', 'Nurse', 'Sales', 'Software Engineer', 'Teacher']),
    );
    expect(files.every((file) => file.split('/').length === 2)).toBe(true);
  });
});
