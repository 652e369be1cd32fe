/**
 * Creating and checking the data folder before the database opens, with a sentence for each way
 * it can be unusable (a file in its place, a file in its path, no permission, read-only) instead of
 * a raw EEXIST or ENOTDIR. Plain Node; used by the composition root and openDatabase.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../rpc/app-error';

const chooseAnother = 'choose another data folder with --data-dir or RESUME_STUDIO_DATA_DIR';

/** The first existing part of `target`'s path that is not a folder, if any. */
function fileInPath(target: string): string | null {
  let current = path.resolve(target);
  for (;;) {
    try {
      return fs.statSync(current).isDirectory() ? null : current;
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return null;
      current = parent;
    }
  }
}

/** The sentence for a data folder (or database file) that cannot be written. */
export function readOnlyReason(what: string, code: string | undefined): string {
  const why = code === 'EROFS' ? 'is on a read-only disk' : 'is read-only for this user';
  return `${what} ${why}, so Resume Studio cannot save anything there. Make it writable, or ${chooseAnother}.`;
}

/** True when this process may create and change files in `dir` (false on a read-only disk or without permission). */
export function writableCode(target: string): string | null {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'EACCES';
  }
}

/** Creates the data folder if needed; throws a sentence when it cannot be one. */
export function prepareDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const blocker = code === 'EEXIST' || code === 'ENOTDIR' ? fileInPath(dataDir) : null;
    if (blocker === path.resolve(dataDir)) throw new AppError('bad_input', `The data folder ${dataDir} is a file, not a folder; ${chooseAnother}.`);
    if (blocker) throw new AppError('bad_input', `The data folder ${dataDir} cannot be created because ${blocker} is a file, not a folder; ${chooseAnother}.`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new AppError('failed', readOnlyReason(`The data folder ${dataDir} cannot be created: its parent folder`, code));
    }
    throw new AppError('failed', `The data folder ${dataDir} cannot be created (${code ?? (error as Error).message}); ${chooseAnother}.`);
  }
  const code = writableCode(dataDir);
  if (code) throw new AppError('failed', readOnlyReason(`The data folder ${dataDir}`, code));
}
