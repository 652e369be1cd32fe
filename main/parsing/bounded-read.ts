/**
 * Reads one user file with a hard cap: the size is checked on the open handle (not on what a
 * folder walk saw earlier), and never more than the cap plus one byte is read, so a file that grew
 * after the walk, or grows while it is read, cannot fill memory. FIFOs and devices are refused
 * without blocking. Plain Node; used by the import runner and the parse worker.
 */
import fs from 'node:fs/promises';
import { formatBytes, tooLargeReason } from './extract/result';
import { describeIoError } from './io-errors';

/** The bytes, or why there are none (a status and a sentence). */
export type BoundedRead =
  { ok: true; bytes: Buffer } | { ok: false; status: 'too_large' | 'io_error' | 'unsupported'; reason: string; sizeBytes: number | null };

/** The sentence for a file that is not a regular file. */
export const notRegularFileReason = 'This is not a regular file (it is a folder, device, pipe or socket), so it was not read.';

/** Reads `filePath` (bytes for a name that is not UTF-8) if it is a regular file of at most `maxBytes`. */
export async function readAtMost(filePath: string | Uint8Array, maxBytes: number): Promise<BoundedRead> {
  // A path that crossed a thread arrives as a plain Uint8Array; fs wants a Buffer.
  const target = typeof filePath === 'string' ? filePath : Buffer.from(filePath.buffer, filePath.byteOffset, filePath.byteLength);
  let handle: fs.FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO would otherwise wait for a writer forever, holding a libuv thread.
    handle = await fs.open(target, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, status: 'io_error', reason: describeIoError((error as NodeJS.ErrnoException).code), sizeBytes: null };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, status: 'unsupported', reason: notRegularFileReason, sizeBytes: null };
    if (stat.size > maxBytes) return { ok: false, status: 'too_large', reason: tooLargeReason(stat.size, maxBytes), sizeBytes: stat.size };
    // One byte more than expected, so growth since the stat shows up as a longer read. Memory of its
    // own (never a slice of Node's shared pool of small Buffers), so the bytes can move to a parse worker.
    let buffer = Buffer.allocUnsafeSlow(stat.size + 1);
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) {
        return {
          ok: false,
          status: 'too_large',
          reason: `The file grew while it was being read and is now over the ${formatBytes(maxBytes)} limit for one resume; try again once it stops changing.`,
          sizeBytes: total,
        };
      }
      if (total === buffer.length) {
        const grown = Buffer.allocUnsafeSlow(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
    }
    return { ok: true, bytes: buffer.subarray(0, total) };
  } catch (error) {
    return { ok: false, status: 'io_error', reason: describeIoError((error as NodeJS.ErrnoException).code), sizeBytes: null };
  } finally {
    await handle.close().catch(() => undefined);
  }
}
