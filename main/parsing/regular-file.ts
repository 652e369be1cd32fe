/**
 * Opening user files safely: only regular files are opened, and never in a way that can block.
 * A FIFO, a device or a socket named like a dataset would otherwise freeze the reader (opening a
 * FIFO waits for a writer; reading a device never ends). The path is stat'ed first, opened with
 * O_NONBLOCK (so a FIFO swapped in between cannot block either) and checked again on the handle.
 * Plain Node; used by the table reader, the import listing and the CLI's dataset readers.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

/** A path that exists but is not a regular file; the message is a sentence naming it. */
export class NotRegularFileError extends Error {
  override name = 'NotRegularFileError';
  constructor(file: string, what: string) {
    super(`"${path.basename(file)}" is ${what}, not a regular file, so it was not opened; give a regular .csv, .jsonl or resume file.`);
  }
}

/** What a non-regular file is, in words; null for a regular file. */
export function nonRegularKind(stats: fs.Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'a special file';
}

/** O_NONBLOCK where the platform has it (not on Windows, which has no FIFOs of this kind). */
const readFlags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

const refuseUnlessRegular = (file: string, stats: fs.Stats) => {
  const kind = nonRegularKind(stats);
  if (kind) throw new NotRegularFileError(file, kind);
};

/** Opens a regular file for reading, or throws NotRegularFileError (file-system errors pass through with their code). */
export async function openRegularFile(file: string): Promise<fsp.FileHandle> {
  refuseUnlessRegular(file, await fsp.stat(file));
  const handle = await fsp.open(file, readFlags);
  try {
    refuseUnlessRegular(file, await handle.stat());
    return handle;
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/** A read stream over a regular file (see openRegularFile); the stream closes the handle. */
export async function createRegularReadStream(file: string, options: { highWaterMark?: number } = {}): Promise<fs.ReadStream> {
  const handle = await openRegularFile(file);
  return handle.createReadStream({ highWaterMark: options.highWaterMark ?? 64 * 1024 });
}

/** The whole content of a regular file, read synchronously (the CLI and benchmarks, never the app's main thread). */
export function readRegularFileSync(file: string): Buffer {
  refuseUnlessRegular(file, fs.statSync(file));
  const fd = fs.openSync(file, readFlags);
  try {
    refuseUnlessRegular(file, fs.fstatSync(fd));
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
