import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParsePool, type ParsePool, ParsePoolClosedError, ParserStartError, parseWorkerEntry } from '../../../main/parsing/parse-pool';
import { nearDuplicateWorkerEntry } from '../../../main/import/near-duplicates';
import { locateWorker } from '../../../main/workers/spawn';
import * as fixtures from '../../fixtures/resume-files';
import { testHookNames, testWorkerEntry } from '../../workers/misbehaviour';

/** The real parse task in a worker that misbehaves on file names starting with a test hook name. */
const workerEntry = testWorkerEntry('misbehaving-parse-worker.ts');

let dir: string;
let pdfPath: string;
const pools: ParsePool[] = [];
const track = (pool: ParsePool) => (pools.push(pool), pool);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'parse-pool-test-'));
  pdfPath = await fixtures.writeTextPdf(dir);
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
  await fs.rm(dir, { recursive: true, force: true });
});

describe('parse pool', () => {
  it('parses files of every kind in parallel worker threads', async () => {
    const pool = track(createParsePool({ size: 2 }));
    const files = [
      [await fixtures.writeMultiPagePdf(dir, 'pool-multi.pdf', 2), 'imported'],
      [await fixtures.writeDocx(dir, 'pool.docx'), 'imported'],
      [await fixtures.writeUtf16Text(dir, 'le', 'pool-u16.txt'), 'imported'],
      [await fixtures.writeImageOnlyPdf(dir, 'pool-scan.pdf'), 'no_text'],
      [await fixtures.writeEncryptedPdf(dir, 'pool-locked.pdf'), 'encrypted'],
      [await fixtures.writeZipBombDocx(dir, 'pool-bomb.docx'), 'suspicious_archive'],
      [await fixtures.writeEmptyFile(dir, 'pool-empty.txt'), 'empty'],
      ...Array.from({ length: 6 }, () => [pdfPath, 'imported']),
    ] as const;
    const results = await Promise.all(files.map(([filePath]) => pool.parse(filePath, path.basename(filePath))));
    expect(results.map((result) => result.status)).toEqual(files.map(([, status]) => status));
    expect(pool.stats()).toEqual({ workersStarted: 2, timeouts: 0, crashes: 0 });
    const first = results[0];
    expect(first?.status === 'imported' && first.pages).toBe(2);
  });

  it('handed-over bytes move to the worker when they own their buffer; a slice of a shared buffer is copied', async () => {
    const pool = track(createParsePool({ size: 1 }));
    const { readAtMost } = await import('../../../main/parsing/bounded-read');
    const read = await readAtMost(pdfPath, 1 << 20);
    if (!read.ok) throw new Error(read.reason);
    const owned = read.bytes;
    const size = owned.byteLength;
    expect(await pool.parseBytes(owned, 'resume.pdf', { handOver: true })).toMatchObject({ status: 'imported', format: 'pdf' });
    // Transferred, not copied: this side's view of the buffer is now empty (a bounded read owns its
    // buffer even for a small file, which Node would otherwise slice from its shared pool).
    expect(size).toBeGreaterThan(1000);
    expect(owned.byteLength).toBe(0);
    // A few bytes of a larger buffer (as Node's pool hands out small Buffers): copied, so the rest of it stays here.
    const shared = new Uint8Array(64);
    const text = new TextEncoder().encode('Registered nurse, ICU.');
    shared.set(text, 8);
    const slice = shared.subarray(8, 8 + text.length);
    expect(await pool.parseBytes(slice, 'note.txt', { handOver: true })).toMatchObject({ status: 'imported', text: 'Registered nurse, ICU.' });
    expect(shared.byteLength).toBe(64);
    expect(new TextDecoder().decode(slice)).toBe('Registered nurse, ICU.');
  });

  it('reports io_error for a missing file and a symlink loop, and refuses a FIFO without blocking', async () => {
    const pool = track(createParsePool({ size: 1 }));
    const loopA = path.join(dir, 'loop-a.txt');
    await fs.symlink(path.join(dir, 'loop-b.txt'), loopA);
    await fs.symlink(loopA, path.join(dir, 'loop-b.txt'));
    const fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const [missing, loop, pipe, folder] = await Promise.all([
      pool.parse(path.join(dir, 'nope.pdf'), 'nope.pdf'),
      pool.parse(loopA, 'loop-a.txt'),
      pool.parse(fifo, 'pipe.txt'),
      pool.parse(dir, 'folder'),
    ]);
    expect(missing).toEqual({ status: 'io_error', reason: 'The file was moved or deleted before it could be read.' });
    expect(loop).toMatchObject({ status: 'io_error', reason: expect.stringMatching(/loops back/) });
    expect(pipe).toMatchObject({ status: 'unsupported', reason: expect.stringMatching(/not a regular file/) });
    expect(folder.status).toBe('unsupported');
  });

  it("parses bytes already in memory (a dropped file) without detaching the caller's copy", async () => {
    const pool = track(createParsePool({ size: 1 }));
    const bytes = await fixtures.makeDocxBytes();
    const result = await pool.parseBytes(bytes, 'dropped.docx');
    expect(result).toMatchObject({ status: 'imported', format: 'docx' });
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it('refuses a file over maxBytes without reading it', async () => {
    const pool = track(createParsePool({ size: 1, maxBytes: 100 }));
    expect(await pool.parse(pdfPath, 'resume.pdf')).toMatchObject({ status: 'too_large', reason: expect.stringMatching(/over the 100 bytes limit/) });
  });
});

describe('parse pool recovery', () => {
  it('times out a hanging file, replaces the worker and parses the next file', async () => {
    const pool = track(createParsePool({ size: 1, perFileTimeoutMs: 1_500, workerEntry }));
    // The next file is small text: under a loaded machine even a PDF could overrun a 1.5 s deadline.
    const textPath = await fixtures.writeUtf8Text(dir, 'after-hang.txt');
    const [hung, next] = await Promise.all([pool.parse(pdfPath, `${testHookNames.hang}.pdf`), pool.parse(textPath, 'after-hang.txt')]);
    expect(hung).toMatchObject({ status: 'timeout', reason: expect.stringMatching(/longer than 1.5 seconds/) });
    expect(next.status).toBe('imported');
    expect(pool.stats()).toMatchObject({ workersStarted: 2, timeouts: 1 });
  });

  it.each([
    [testHookNames.exit, /crashed on this file \(exit code 7\)/],
    [testHookNames.throwUncaught, /crashed on this file \(test hook: uncaught error\)/],
  ])('marks a file whose worker dies (%s) damaged and goes on', async (hookName, reason) => {
    const pool = track(createParsePool({ size: 1, workerEntry }));
    const [crashed, next] = await Promise.all([pool.parse(pdfPath, hookName), pool.parse(pdfPath, 'after-crash.pdf')]);
    expect(crashed).toMatchObject({ status: 'damaged', reason: expect.stringMatching(reason) });
    expect(next.status).toBe('imported');
    expect(pool.stats()).toMatchObject({ workersStarted: 2, crashes: 1 });
  });

  it('marks a file that exhausts the worker heap too_large and goes on', async () => {
    // Filling 192 MB takes a while on a loaded machine: a deadline it cannot reach first.
    const pool = track(createParsePool({ size: 1, maxOldGenerationSizeMb: 192, perFileTimeoutMs: 600_000, workerEntry }));
    const [oom, next] = await Promise.all([pool.parse(pdfPath, testHookNames.outOfMemory), pool.parse(pdfPath, 'after-oom.pdf')]);
    expect(oom).toMatchObject({ status: 'too_large', reason: expect.stringMatching(/ran out of memory.*192 MB/) });
    expect(next.status).toBe('imported');
  });

  it("rejects with ParserStartError when a worker dies before it is ready (not the file's fault)", async () => {
    const pool = track(createParsePool({ size: 1, maxOldGenerationSizeMb: 4 }));
    await expect(pool.parse(pdfPath, 'resume.pdf')).rejects.toBeInstanceOf(ParserStartError);
  });

  it('the production worker has no test hooks: a hook name is just a file name', async () => {
    // A deadline no real parse of this file reaches, however busy the machine; a hang would meet it.
    const pool = track(createParsePool({ size: 1, perFileTimeoutMs: 60_000 }));
    expect((await pool.parse(pdfPath, `${testHookNames.hang}.pdf`)).status).toBe('imported');
  });

  it('close() rejects running and queued files as cancelled and refuses new ones', async () => {
    const pool = createParsePool({ size: 1, workerEntry });
    // Settle into values right away: the rejections happen inside close(). The first file goes to
    // the one worker at once (it hangs there), the second waits in the queue.
    const running = pool.parse(pdfPath, testHookNames.hang).catch((error: unknown) => error);
    const queued = pool.parse(pdfPath, 'queued.pdf').catch((error: unknown) => error);
    await pool.close();
    expect(await running).toBeInstanceOf(ParsePoolClosedError);
    expect(await queued).toMatchObject({ name: 'AbortError', message: expect.stringMatching(/cancelled/) });
    await expect(pool.parse(pdfPath, 'late.pdf')).rejects.toBeInstanceOf(ParsePoolClosedError);
  });
});

describe('locateWorker', () => {
  it('uses the TypeScript source when running from source', async () => {
    const location = locateWorker(parseWorkerEntry, undefined, '');
    expect(location.mode).toBe('source');
    await expect(fs.access(location.filePath)).resolves.toBeUndefined();
  });

  it('from source, prefers a prebuilt bundle of the entry when a folder of them is named', async () => {
    const prebuilt = path.join(dir, 'prebuilt');
    await fs.mkdir(prebuilt, { recursive: true });
    await fs.writeFile(path.join(prebuilt, 'parse-worker.js'), '');
    expect(locateWorker(parseWorkerEntry, undefined, prebuilt)).toEqual({ mode: 'bundled', filePath: path.join(prebuilt, 'parse-worker.js') });
    // An entry the folder lacks still starts from its source.
    expect(locateWorker(nearDuplicateWorkerEntry, undefined, prebuilt).mode).toBe('source');
  });

  it('finds the bundled entry next to the module or one folder up (shared chunk), and says when it is missing', async () => {
    const outMain = path.join(dir, 'out', 'main');
    await fs.mkdir(path.join(outMain, 'chunks'), { recursive: true });
    await fs.writeFile(path.join(outMain, 'parse-worker.js'), '');
    expect(locateWorker(parseWorkerEntry, path.join(outMain, 'cli.js'))).toEqual({ mode: 'bundled', filePath: path.join(outMain, 'parse-worker.js') });
    expect(locateWorker(parseWorkerEntry, path.join(outMain, 'chunks', 'pool-abc.js')).filePath).toBe(path.join(outMain, 'parse-worker.js'));
    expect(() => locateWorker({ bundledName: 'train-worker', sourcePath: 'x.ts' }, path.join(outMain, 'cli.js'))).toThrow(/train-worker\.js was not found/);
  });
});
