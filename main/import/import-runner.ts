/**
 * Runs one import job: hashes each file, skips known bytes, parses the rest in the worker pool,
 * and writes results in batches of one transaction each, so a crash or a full disk leaves whole
 * batches or nothing and the job can resume. Plain Node; used by the import service.
 */
import { createHash } from 'node:crypto';
import type { FileStatus, ImportProgress } from '../../preload/contract';
import type { BatchWritten, ImportRepo, ItemToWrite } from '../store/import-repo';
import { defaultMaxBytes, tooLargeReason } from '../parsing/extract/result';
import { readAtMost } from '../parsing/bounded-read';
import { textHash } from '../store/text-hash';
import { createWriteQueue, type WriteQueue } from '../store/write-queue';
import { createTurns, type Turn } from './walk-order-turns';

/** What the parser pool returns for one file (structurally the extractor's result). */
export type ParseOutcome = { status: 'imported'; text: string; format: string } | { status: Exclude<FileStatus, 'imported'>; reason: string; format?: string };

/** The part of the parse pool the runner needs. */
export interface FileParser {
  /**
   * Parses a file's bytes as the runner read and hashed them, handed over (the runner does not read
   * them again): each file is read once, and its bytes move to the parse worker instead of being
   * copied. A worker that read the file again cost it an open, a stat and a read per file.
   */
  parseBytes(bytes: Uint8Array, fileName: string, options: { handOver: true }): Promise<ParseOutcome>;
}

/** One unit of work: a file to parse, a row whose text is known, or a file already judged. */
export type ImportUnit =
  | {
      kind: 'file';
      absolutePath: string;
      /** The path as bytes when it is not valid UTF-8 (absolutePath is then escaped for display). */
      pathBytes?: Uint8Array;
      relPath: string;
      displayName: string;
      fileName: string;
      category: string | null;
      sizeBytes: number;
    }
  | { kind: 'record'; relPath: string; displayName: string; sourcePath: string; category: string | null; text: string }
  | { kind: 'judged'; relPath: string; displayName: string; category: string | null; status: Exclude<FileStatus, 'imported'>; reason: string };

/** Units streamed as they are read (a table's rows), with their number known up front. */
export interface UnitStream {
  total: number;
  units: AsyncIterable<ImportUnit>;
}

/** Options for one run. */
export interface RunImportOptions {
  jobId: number;
  /** A list (a folder's files), or a stream (a table's rows, whose row numbers never change: a changed file is refused on resume). */
  units: ImportUnit[] | UnitStream;
  repo: ImportRepo;
  parser: FileParser;
  signal: AbortSignal;
  /** Files per transaction. */
  batchSize?: number;
  /** Files in flight at once (reading + parsing). */
  concurrency?: number;
  /** Awaited after each batch written, before the next one is (keeps the WAL bounded, wal-checkpointer.ts). */
  afterBatch?: () => Promise<void>;
  /** The process's write queue: each batch is written in its turn (default: a queue of this run's own). */
  writes?: WriteQueue;
  /** Writes one batch in one transaction (default: `repo.writeBatch` on this thread; the app's writer thread, batch-writer.ts). */
  writeBatch?: (jobId: number, items: ItemToWrite[]) => Promise<BatchWritten>;
  onProgress?: (progress: ImportProgress) => void;
  progressIntervalMs?: number;
}

/** How a run ended. */
export type RunOutcome = { state: 'finished' | 'cancelled' } | { state: 'failed'; error: string };

const describeWriteError = (error: unknown, batchFiles: number): string => {
  const code = (error as { code?: string }).code;
  const why = code === 'SQLITE_FULL' ? 'the disk (or the database size limit) is full' : error instanceof Error ? error.message : String(error);
  return `Saving stopped because ${why}. The last batch of ${batchFiles} files was rolled back; everything saved before it is intact. Free some space and resume this import.`;
};

/** Processes the job's units not yet accounted for and returns how the run ended. */
export async function runImport(options: RunImportOptions): Promise<RunOutcome> {
  const { jobId, repo, parser, signal } = options;
  const batchSize = options.batchSize ?? 50;
  const concurrency = options.concurrency ?? 4;
  const done = repo.doneRelPaths(jobId);
  const isList = Array.isArray(options.units);
  const totalFiles = isList ? (options.units as ImportUnit[]).length : (options.units as UnitStream).total;
  // Rows of files that vanished since the last run are not part of this run's progress. A table's
  // rows are matched by number in an unchanged file, so every row already done is one of its rows.
  const alreadyDone = isList ? (options.units as ImportUnit[]).filter((unit) => done.has(unit.relPath)).length : Math.min(done.size, totalFiles);
  const source: AsyncIterator<ImportUnit> | Iterator<ImportUnit> = isList
    ? (options.units as ImportUnit[])[Symbol.iterator]()
    : (options.units as UnitStream).units[Symbol.asyncIterator]();
  repo.setTotal(jobId, totalFiles);

  // Kept up to date from what each batch reports it stored (in-batch text duplicates included), so a
  // large job's rows are never counted again on the main thread.
  const counts: Partial<Record<FileStatus, number>> = { ...repo.getJob(jobId)?.counts };
  let doneFiles = alreadyDone;
  // Progress moves per file read, not per batch saved: a 93-file sample sat at 0 until its first batch of 50.
  let parsedFiles = alreadyDone;
  const startedAtMs = Date.now();
  const doneAtStart = doneFiles;
  let lastProgressMs = 0;
  const pending: ItemToWrite[] = [];
  let fatalError: string | null = null;
  // Bytes seen earlier in this run, with how their parse ended: a copy is a duplicate only of a
  // first copy that was imported, not of one that turned out damaged or timed out.
  const seenContent = new Map<string, { displayName: string; status: Promise<FileStatus> }>();
  // Which of two identical files is "the first" follows the walk, not which lane read its bytes first.
  const turns = createTurns();

  let lastParsedProgressMs = 0;
  /**
   * Progress after a saved batch (throttled as always), or `perFile` between batches (throttled on
   * its own clock, so it never delays the news that a batch was saved).
   */
  const emitProgress = (force: boolean, perFile = false) => {
    const now = Date.now();
    const interval = options.progressIntervalMs ?? 250;
    if (!options.onProgress || (!force && now - (perFile ? lastParsedProgressMs : lastProgressMs) < interval)) return;
    if (perFile) lastParsedProgressMs = now;
    else lastProgressMs = now;
    const elapsedS = (now - startedAtMs) / 1000;
    const rate = elapsedS > 0 ? (Math.max(parsedFiles, doneFiles) - doneAtStart) / elapsedS : 0;
    options.onProgress({
      jobId,
      doneFiles,
      parsedFiles: Math.max(parsedFiles, doneFiles),
      totalFiles,
      filesPerSecond: rate,
      etaSeconds: rate > 0 ? (totalFiles - Math.max(parsedFiles, doneFiles)) / rate : null,
      counts: { ...counts },
    });
  };

  // Say where the run starts at once: a resume shows its position before its first batch is in.
  emitProgress(true);

  const writeBatch = options.writeBatch ?? (async (id: number, items: ItemToWrite[]) => repo.writeBatch(id, items));
  const flush = async () => {
    if (pending.length === 0 || fatalError) return;
    // Lanes go on adding files while a batch is written: a transaction still holds batchSize at most.
    const batch = pending.splice(0, batchSize);
    try {
      const stored = await writeBatch(jobId, batch);
      doneFiles += stored.written;
      for (const [status, change] of Object.entries(stored.countChanges) as [FileStatus, number][]) counts[status] = (counts[status] ?? 0) + change;
    } catch (error) {
      fatalError = describeWriteError(error, batch.length);
      return;
    }
    emitProgress(false);
  };

  // One wait after a batch, shared by every lane: no batch is written until it is over.
  let settling: Promise<void> | null = null;
  const writes = options.writes ?? createWriteQueue();
  const flushBatch = async () => {
    if (settling) await settling;
    // Another lane may have written the batch while this one waited.
    if (pending.length < batchSize) return;
    await writes.run(async () => {
      if (pending.length >= batchSize) await flush();
    });
    if (options.afterBatch && !settling) settling = options.afterBatch().finally(() => (settling = null));
  };

  const processUnit = async (unit: ImportUnit, turn: Turn): Promise<ItemToWrite> => {
    const base = { relPath: unit.relPath, displayName: unit.displayName, category: unit.category };
    if (unit.kind === 'judged') return { ...base, format: null, sizeBytes: null, contentHash: null, status: unit.status, reason: unit.reason };
    if (unit.kind === 'record') {
      const text = unit.text.trim();
      if (!text)
        return { ...base, format: 'record', sizeBytes: null, contentHash: null, status: 'empty', reason: 'This row has no text in the chosen column.' };
      return {
        ...base,
        format: 'record',
        sizeBytes: text.length,
        contentHash: null,
        status: 'imported',
        reason: 'Imported.',
        document: { text, textHash: textHash(text), sourcePath: unit.sourcePath, fileName: unit.displayName },
      };
    }
    // Checked before opening so a file the walk already saw as huge is not even opened; the read
    // below checks again on the open handle, since the file may have grown since the walk.
    if (unit.sizeBytes > defaultMaxBytes)
      return { ...base, format: null, sizeBytes: unit.sizeBytes, contentHash: null, status: 'too_large', reason: tooLargeReason(unit.sizeBytes) };
    const readPath = unit.pathBytes ?? unit.absolutePath;
    const read = await readAtMost(readPath, defaultMaxBytes);
    if (!read.ok) return { ...base, format: null, sizeBytes: read.sizeBytes ?? unit.sizeBytes, contentHash: null, status: read.status, reason: read.reason };
    const bytes = read.bytes;
    // Counted now: the bytes move to the parse worker below.
    const byteCount = bytes.length;
    const contentHash = createHash('sha256').update(bytes).digest('hex');
    const known = repo.documentByContentHash(contentHash);
    if (known)
      return {
        ...base,
        format: null,
        sizeBytes: byteCount,
        contentHash,
        status: 'duplicate',
        reason: `Identical bytes to "${known.fileName}", which is already in the dataset.`,
      };
    await turn.after;
    const earlier = seenContent.get(contentHash);
    const parsing = earlier ? null : parser.parseBytes(bytes, unit.fileName, { handOver: true });
    if (parsing)
      seenContent.set(contentHash, {
        displayName: unit.displayName,
        // The rejection is handled by this file's own await below; a copy only needs "not imported".
        status: parsing.then(
          (o) => o.status,
          () => 'damaged' as const,
        ),
      });
    turn.release();
    if (earlier && (await earlier.status) === 'imported') {
      return {
        ...base,
        format: null,
        sizeBytes: byteCount,
        contentHash,
        status: 'duplicate',
        reason: `Identical bytes to "${earlier.displayName}", earlier in this import.`,
      };
    }
    const outcome = await (parsing ?? parser.parseBytes(bytes, unit.fileName, { handOver: true }));
    if (outcome.status !== 'imported') {
      return { ...base, format: outcome.format ?? null, sizeBytes: byteCount, contentHash, status: outcome.status, reason: outcome.reason };
    }
    return {
      ...base,
      format: outcome.format,
      sizeBytes: byteCount,
      contentHash,
      status: 'imported',
      reason: 'Imported.',
      document: { text: outcome.text, textHash: textHash(outcome.text), sourcePath: unit.absolutePath, fileName: unit.fileName },
    };
  };

  let isExhausted = false;
  let sourceError: string | null = null;
  /** The next unit not settled by an earlier run; lanes share one iterator, so each unit is taken once. */
  const nextUnit = async (): Promise<{ unit: ImportUnit; turn: Turn } | null> => {
    while (!isExhausted) {
      try {
        const step = await source.next();
        if (step.done) isExhausted = true;
        // The turn is taken as the unit is: lanes await the shared iterator in turn.
        else if (!done.has(step.value.relPath)) return { unit: step.value, turn: turns.next() };
      } catch (error) {
        // A table that turned unreadable or invalid half-way: the rows before it are kept, then the job stops.
        sourceError ??= error instanceof Error ? error.message : String(error);
        isExhausted = true;
      }
    }
    return null;
  };
  const lane = async () => {
    while (!signal.aborted && !fatalError) {
      const next = await nextUnit();
      if (!next) break;
      const { unit, turn } = next;
      let item: ItemToWrite;
      try {
        item = await processUnit(unit, turn);
      } catch (error) {
        // A cancelled parse is dropped (redone on resume); anything else stops the whole run.
        if ((error as Error).name !== 'AbortError') fatalError = `The import stopped at "${unit.displayName}": ${(error as Error).message}`;
        continue;
      } finally {
        // A file that ended before its ordered step (judged, unreadable, already stored) gives its turn up.
        turn.release();
      }
      pending.push(item);
      parsedFiles++;
      if (pending.length >= batchSize) await flushBatch();
      else emitProgress(false, true);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  // Stops a table's reader early (cancel, failure) so its file is closed.
  await source.return?.();
  await writes.run(async () => {
    while (pending.length > 0 && !fatalError) await flush();
  });
  fatalError ??= sourceError;
  emitProgress(true);
  if (fatalError) return { state: 'failed', error: fatalError };
  return { state: signal.aborted ? 'cancelled' : 'finished' };
}
