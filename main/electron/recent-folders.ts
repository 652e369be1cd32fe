/**
 * The data folders used lately, for File → Open Recent: a small JSON list kept next to the
 * default data folder (not inside any one data folder, so every folder's session sees it).
 * Pure Node, unit-tested; imported by main/electron/index.ts.
 */
import fs from 'node:fs';
import path from 'node:path';

/** How many folders the menu lists. */
export const maxRecentFolders = 8;

/** The list, most recent first; a missing or corrupt file is an empty list, never an error. */
export function loadRecentFolders(file: string): string[] {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string').slice(0, maxRecentFolders) : [];
  } catch {
    return [];
  }
}

/** Puts `folder` first (once), keeps the newest few, writes atomically and returns the new list. */
export function rememberRecentFolder(file: string, folder: string): string[] {
  const resolved = path.resolve(folder);
  const list = [resolved, ...loadRecentFolders(file).filter((item) => item !== resolved)].slice(0, maxRecentFolders);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(list, null, 2));
    fs.renameSync(temp, file);
  } catch {
    // Without the list the menu is just shorter next time; not worth stopping the start.
  }
  return list;
}

/** Forgets every folder (File → Open Recent → Clear). */
export function clearRecentFolders(file: string): void {
  fs.rmSync(file, { force: true });
}

/** The data folder named on the command line (`--data-dir=DIR` or `--data-dir DIR`), or null. */
export function dataDirFromArgs(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length) || null;
    if (arg === '--data-dir') return argv[i + 1] ?? null;
  }
  return null;
}

/** The folders among command-line arguments (a folder opened with the app from the OS), flags and files left out. */
export function foldersFromArgs(argv: readonly string[], isDirectory: (p: string) => boolean, cwd: string): string[] {
  const folders: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir') i += 1;
    if (arg.startsWith('-')) continue;
    const full = path.resolve(cwd, arg);
    if (isDirectory(full)) folders.push(full);
  }
  return folders;
}
