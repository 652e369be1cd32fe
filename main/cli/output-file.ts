/**
 * Checks, before any long work, that a command can write its output file (`train --out`), so a
 * bad path fails in a second with a sentence instead of after minutes of training. Plain Node;
 * used by the CLI commands.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../rpc/app-error';

/** Throws a sentence naming `--<option>` when `file` cannot be created or replaced; leaves nothing behind. */
export function assertWritableOutput(option: string, file: string): void {
  const fail = (why: string) => {
    throw new AppError('bad_input', `--${option} ${file}: ${why}; give a path you can write to.`);
  };
  let existing: fs.Stats | null = null;
  try {
    existing = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') fail('part of that path is a file, not a folder');
    if (code !== 'ENOENT') fail(`it cannot be checked (${code})`);
  }
  if (existing?.isDirectory()) fail('that is a folder; name a file inside it, e.g. model.json');
  // Writing into a FIFO or a device would block or go somewhere other than a file.
  if (existing && !existing.isFile()) fail('that is not a regular file');
  const folder = path.dirname(path.resolve(file));
  if (!existing && !fs.existsSync(folder)) fail(`the folder ${folder} does not exist`);
  // Opening for real catches what permission bits do not (a read-only disk, ACLs); a file this
  // check creates is removed again.
  try {
    fs.closeSync(fs.openSync(file, existing ? 'r+' : 'wx'));
    if (!existing) fs.rmSync(file, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') fail('permission denied');
    if (code === 'EROFS') fail('the disk is read-only');
    fail(`it cannot be written (${code})`);
  }
}
