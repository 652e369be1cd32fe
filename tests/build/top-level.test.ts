/** The repository's shape is fixed (the user's rule): only these top-level folders are tracked. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const allowedFolders = ['.ci', '.github', 'assets', 'bin', 'main', 'ml', 'preload', 'renderer', 'tests'];

it('tracks no top-level folder outside main/ renderer/ preload/ ml/ assets/ tests/ bin/ .ci/ .github/', () => {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  const folders = new Set(tracked.filter((file) => file.includes('/')).map((file) => file.slice(0, file.indexOf('/'))));
  expect([...folders].filter((folder) => !allowedFolders.includes(folder)).sort()).toEqual([]);
});
