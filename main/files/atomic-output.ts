/**
 * Output files that appear whole or not at all. Everything is written under a temporary name
 * beside the target (same folder, so the same disk) and renamed onto it once complete and synced: a
 * full disk, a read-only target or a crash leaves no truncated file behind (one that a re-run
 * would refuse as "already exists", or a folder export that re-imports as finished with a tenth of
 * its resumes). A failure is one sentence naming the target, not a raw ENOSPC / EROFS / ENOENT.
 * Plain Node; used by the CLI's export, export-model and train --out.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../rpc/app-error';

/** Why a write failed, as words a user can act on. */
export function writeFailureReason(code: string | undefined): string {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission was denied';
    case 'ENOENT':
      return 'its folder does not exist';
    case 'ENOTDIR':
      return 'part of that path is a file, not a folder';
    default:
      return `the system reported ${code ?? 'an unknown error'}`;
  }
}

/** The error for a failed write of `target` (nothing was left there); an error that is not the file system's passes as is. */
export function outputWriteError(target: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof AppError || typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error as Error;
  return new AppError('failed', `Could not write ${target}: ${writeFailureReason(code)}; nothing was left there (the partial output was removed).`);
}

/** A name beside `target` that no other run picks: ".<name>.<random>.partial". */
export function temporaryNameBeside(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(4).toString('hex')}.partial`);
}

/** A file being written under a temporary name; `commit` renames it onto the target, `abort` removes it. */
export interface AtomicFile {
  write(chunk: string): void;
  /** Syncs, closes and renames onto the target (refusing to replace one that appeared meanwhile unless `replace`). */
  commit(): void;
  /** Closes and removes the temporary file (safe to call after a failed commit). */
  abort(): void;
}

/** Starts writing `target` under a temporary name beside it; `replace` allows an existing target to be replaced. */
export function openAtomicFile(target: string, options: { replace?: boolean } = {}): AtomicFile {
  const temporary = temporaryNameBeside(target);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temporary, 'wx');
  } catch (error) {
    throw outputWriteError(target, error);
  }
  const close = () => {
    if (fd === null) return;
    const open = fd;
    fd = null;
    fs.closeSync(open);
  };
  const abort = () => {
    try {
      close();
    } catch {
      // Closing after a failed write can fail too; the file is removed all the same.
    }
    fs.rmSync(temporary, { force: true });
  };
  return {
    write(chunk) {
      try {
        // A write to a nearly full disk can be short without failing: only the next one throws
        // ENOSPC. Looping until every byte is out turns the short write into that error.
        const bytes = Buffer.from(chunk);
        for (let offset = 0; offset < bytes.length;) offset += fs.writeSync(fd!, bytes, offset);
      } catch (error) {
        abort();
        throw outputWriteError(target, error);
      }
    },
    commit() {
      try {
        // Synced before the rename: after a power cut the name never points at an unwritten file.
        fs.fsyncSync(fd!);
        close();
        if (!options.replace && fs.existsSync(target)) throw new AppError('conflict', `${target} appeared while it was being written; it was left as it is.`);
        fs.renameSync(temporary, target);
      } catch (error) {
        abort();
        throw outputWriteError(target, error);
      }
    },
    abort,
  };
}

/** Writes `data` to `target` whole or not at all (an existing target is replaced only when complete). */
export function writeFileAtomic(target: string, data: string): void {
  const file = openAtomicFile(target, { replace: true });
  file.write(data);
  file.commit();
}

/**
 * Builds a folder under a temporary name beside `target`, then renames it onto `target` (which
 * must not exist, or be an empty folder). `build` fills the folder it is given; on any failure the
 * temporary folder is removed and the error is a sentence naming `target`.
 */
export function buildFolderAtomic<T>(target: string, build: (folder: string) => T): T {
  const temporary = temporaryNameBeside(target);
  try {
    fs.mkdirSync(temporary);
  } catch (error) {
    throw outputWriteError(target, error);
  }
  try {
    const result = build(temporary);
    // An empty folder the user named is replaced (rename onto a directory fails on Windows).
    if (fs.existsSync(target)) fs.rmdirSync(target);
    fs.renameSync(temporary, target);
    return result;
  } catch (error) {
    fs.rmSync(temporary, { recursive: true, force: true });
    throw outputWriteError(target, error);
  }
}
