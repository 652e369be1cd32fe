// The import service under misuse and failure: concurrent starts, cancel while listing, a parser
// that breaks, hooks and state writes that throw. Real SQLite and folder; the parser is a stand-in
// where the test needs it to misbehave on purpose.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../../../main/rpc/event-bus';
import type { ParseOutcome } from '../../../main/import/import-runner';
import { createImportService, type ClosableParser } from '../../../main/import/import-service';
import { openDatabase, type Db } from '../../../main/store/database';
import { createImportRepo, type ImportRepo } from '../../../main/store/import-repo';
import type { StudioEvent } from '../../../preload/contract';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let db: Db;
let repo: ImportRepo;
let root: string;
beforeEach(async () => {
  temp = makeTempDir();
  db = await openDatabase(path.join(temp.dir, 'studio.sqlite'));
  repo = createImportRepo(db);
  root = path.join(temp.dir, 'resumes');
  await fs.mkdir(path.join(root, 'CHEF'), { recursive: true });
  for (let i = 0; i < 12; i++) await fs.writeFile(path.join(root, 'CHEF', `cv-${i}.txt`), `Chef resume number ${i}: menus, brigade ${i * 7}`);
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

/**
 * A parser that reads the file as text, slowly, and can be told to throw on one file, or to hold
 * every file until it is closed (so a cancel always meets files in flight, however fast the machine).
 */
function textParser(options: { throwOn?: string; holdUntilClosed?: boolean } = {}): ClosableParser & { closed: boolean } {
  let release!: () => void;
  const closed = new Promise<void>((resolve) => (release = resolve));
  const parser = {
    closed: false,
    async parseBytes(bytes: Uint8Array, fileName: string): Promise<ParseOutcome> {
      await (options.holdUntilClosed ? closed : new Promise((r) => setTimeout(r, 5)));
      if (parser.closed) throw Object.assign(new Error('The import was cancelled.'), { name: 'AbortError' });
      if (fileName === options.throwOn) throw new Error('the parser process could not start');
      return { status: 'imported', text: new TextDecoder().decode(bytes), format: 'txt' };
    },
    async close() {
      parser.closed = true;
      release();
    },
  };
  return parser;
}

function makeService(overrides: Partial<Parameters<typeof createImportService>[0]> = {}) {
  const events = createEventBus();
  const seen: StudioEvent[] = [];
  events.subscribe((e) => seen.push(e));
  const service = createImportService({ repo, events, createParser: () => textParser(), batchSize: 2, concurrency: 2, ...overrides });
  return { service, seen };
}

describe('import service robustness', () => {
  it('refuses a second start or resume while one is starting, without a race', async () => {
    const { service } = makeService();
    const results = await Promise.allSettled([service.start(root, {}), service.start(root, {})]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.message).toMatch(/Another import is starting|still running/);
    const job = (await service.waitForIdle())!;
    expect(job).toMatchObject({ state: 'finished', doneFiles: 12, totalFiles: 12 });
    expect(repo.listJobs()).toHaveLength(1);

    db.prepare("UPDATE import_jobs SET state = 'interrupted'").run();
    const resumes = await Promise.allSettled([service.resume(job.id), service.resume(job.id)]);
    expect(resumes.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await service.waitForIdle()).toMatchObject({ state: 'finished', doneFiles: 12, totalFiles: 12 });
  });

  it('a parser that breaks fails the job with a sentence naming the file, frees the slot and announces the end', async () => {
    const { service, seen } = makeService({ createParser: () => textParser({ throwOn: 'cv-5.txt' }) });
    await service.start(root, {});
    const job = (await service.waitForIdle())!;
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/The import stopped at "CHEF\/cv-5\.txt": the parser process could not start/);
    expect(job.doneFiles).toBe((db.prepare('SELECT COUNT(*) AS n FROM import_items').get() as { n: number }).n);
    expect(seen.filter((e) => e.name === 'import.finished')).toHaveLength(1);
    // The slot is free again: the job can be resumed with a working parser.
    const healthy = makeService();
    await healthy.service.resume(job.id);
    expect(await healthy.service.waitForIdle()).toMatchObject({ state: 'finished', doneFiles: 12 });
  });

  it('cancel closes the parser at once, with files still in flight', async () => {
    const parsers: ReturnType<typeof textParser>[] = [];
    const { service } = makeService({ createParser: () => (parsers.push(textParser({ holdUntilClosed: true })), parsers.at(-1)!) });
    const started = await service.start(root, {});
    const cancelled = await service.cancel(started.id);
    expect(cancelled.state).toBe('cancelled');
    expect(parsers[0]!.closed).toBe(true);
    expect(cancelled.doneFiles).toBe(0);
    expect(await service.waitForIdle()).toBeUndefined();
  });

  it('a throwing after-job hook or a failed state write still ends the job and frees the slot', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const setState = repo.setState.bind(repo);
    const flakyRepo: ImportRepo = {
      ...repo,
      setState: (id, state, error) =>
        state === 'running'
          ? setState(id, state, error)
          : (() => {
              throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
            })(),
    };
    const { service, seen } = makeService({
      repo: flakyRepo,
      afterJob: async () => {
        throw new Error('near-duplicate worker died');
      },
    });
    await service.start(root, {});
    const job = (await service.waitForIdle())!;
    expect(job.state).toBe('finished');
    expect(job.error).toMatch(/could not be saved: database or disk is full/);
    expect(seen.filter((e) => e.name === 'import.finished')).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/near-duplicate worker died/));
    await expect(service.start(root, {})).resolves.toMatchObject({ state: 'running' });
    await service.waitForIdle();
    warn.mockRestore();
  });

  it('a resume whose folder disappeared records why instead of staying "running"', async () => {
    const { service } = makeService();
    await service.start(root, {});
    const job = (await service.waitForIdle())!;
    db.prepare("UPDATE import_jobs SET state = 'interrupted'").run();
    await fs.rm(root, { recursive: true });
    await expect(service.resume(job.id)).rejects.toThrow(/does not exist/);
    expect(repo.getJob(job.id)).toMatchObject({ state: 'failed', error: expect.stringMatching(/does not exist/) });
    await expect(service.start(temp.dir, {})).resolves.toBeDefined();
    await service.waitForIdle();
  });

  it('a copy of a file that failed to parse is parsed itself, not called a duplicate', async () => {
    const parser = textParser();
    const failing: ClosableParser = {
      close: parser.close,
      parseBytes: async (bytes, fileName) =>
        fileName.startsWith('bad') ? { status: 'damaged', reason: 'The PDF is damaged.' } : parser.parseBytes(bytes, fileName, { handOver: true }),
    };
    await fs.writeFile(path.join(root, 'CHEF', 'bad-1.txt'), 'same bytes');
    await fs.writeFile(path.join(root, 'CHEF', 'bad-2.txt'), 'same bytes');
    await fs.writeFile(path.join(root, 'CHEF', 'good-copy.txt'), 'Chef resume number 3: menus, brigade 21');
    const { service } = makeService({ createParser: () => failing });
    await service.start(root, {});
    const job = (await service.waitForIdle())!;
    expect(job.counts).toEqual({ imported: 12, damaged: 2, duplicate: 1 });
  });

  it('resume retries files that timed out, updating their rows without counting them twice', async () => {
    const base = textParser();
    const slowOnce: ClosableParser = {
      close: base.close,
      parseBytes: async (bytes, fileName) =>
        fileName === 'cv-3.txt' ? { status: 'timeout', reason: 'Parsing took longer than 30 s.' } : base.parseBytes(bytes, fileName, { handOver: true }),
    };
    const first = makeService({ createParser: () => slowOnce });
    await first.service.start(root, {});
    const job = (await first.service.waitForIdle())!;
    expect(job.counts).toEqual({ imported: 11, timeout: 1 });
    db.prepare("UPDATE import_jobs SET state = 'interrupted'").run();
    const second = makeService();
    const progress: number[] = [];
    second.seen.length = 0;
    await second.service.resume(job.id);
    const resumed = (await second.service.waitForIdle())!;
    expect(resumed).toMatchObject({ state: 'finished', doneFiles: 12, totalFiles: 12, counts: { imported: 12 } });
    expect((db.prepare('SELECT COUNT(*) AS n FROM import_items').get() as { n: number }).n).toBe(12);
    for (const e of second.seen) if (e.name === 'import.progressed') progress.push(e.payload.doneFiles);
    expect(Math.max(...progress)).toBe(12);
    // The first event comes before any batch: where the resume starts (11 already done).
    expect(progress[0]).toBe(11);
  });

  it('refuses something that is neither a regular file nor a folder before opening it, in preview and start', async () => {
    const { service } = makeService();
    await expect(service.preview('/dev/null', {})).rejects.toThrow(/"\/dev\/null": it is a device, not a regular file or folder, so it was not opened/);
    await expect(service.start('/dev/null', {})).rejects.toThrow(/it is a device, not a regular file or folder/);
    // Refused like a missing path: no job is created for it.
    expect(repo.listJobs()).toEqual([]);
  });
});
