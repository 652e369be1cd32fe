/**
 * The import capability behind the contract's `import.*` methods and the CLI: preview, start,
 * cancel, resume and report, one job at a time, parsing in a worker pool that lives only while a
 * job runs. Plain Node; built by the composition root.
 */
import fs from 'node:fs/promises';
import nodePath from 'node:path';
import type { ImportJob, ImportPreview } from '../../preload/contract';
import { AppError } from '../rpc/app-error';
import type { EventBus } from '../rpc/event-bus';
import type { ImportRepo } from '../store/import-repo';
import { runImport, type FileParser, type ImportUnit, type RunOutcome, type UnitStream } from './import-runner';
import type { ImportLock } from './import-lock';
import type { BatchWriter } from './batch-writer';
import { describeSource, listUnits, type ImportOptions } from './import-units';
import type { WriteQueue } from '../store/write-queue';

/** A parser that can be shut down when the job ends. */
export interface ClosableParser extends FileParser {
  close(): Promise<void>;
}

/** What the service is built from. */
export interface ImportServiceDeps {
  repo: ImportRepo;
  events: EventBus;
  createParser: () => ClosableParser;
  /** Writes a job's batches off the main thread (batch-writer.ts); without it, `repo` writes them here. */
  createWriter?: () => BatchWriter;
  /**
   * Awaited after each job, before `import.finished`: flags near-duplicates, announces new counts.
   * `signal` aborts when the job is cancelled or the service closes: it must not hold up quitting.
   */
  afterJob?: (job: ImportJob, signal: AbortSignal) => Promise<void>;
  batchSize?: number;
  concurrency?: number;
  /** Keeps two processes from running imports in one data folder. */
  lock?: ImportLock;
  /**
   * Started when a job's rows start flowing and stopped when they end (e.g. moves WAL checkpoints
   * off the main thread); `afterBatch` is awaited between batches (it keeps the WAL bounded).
   */
  whileWriting?: () => { stop(): Promise<void>; afterBatch?(): Promise<void> };
  /** The core's write queue: a batch waits its turn behind a long action on the curation thread instead of blocking in SQLite. */
  writes?: WriteQueue;
}

/** The one job slot; claimed synchronously so two calls can never both start a job. */
interface Slot {
  jobId: number | null;
  controller: AbortController;
  finished: Promise<ImportJob | undefined>;
  settle: (job: ImportJob | undefined) => void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Size and modification time of a dataset file: its rows are resumed by number, so it must not change. */
async function fingerprintOf(path: string): Promise<string> {
  const stats = await fs.stat(path);
  return `${stats.size}:${Math.round(stats.mtimeMs)}`;
}

/** Creates the service and marks jobs a previous process left running as interrupted. */
export function createImportService(deps: ImportServiceDeps) {
  // A 'running' job is only orphaned when no other live process is importing here.
  if (!deps.lock?.isHeldByOther()) deps.repo.markRunningInterrupted();
  let active: Slot | null = null;

  const mustGetJob = (jobId: number): ImportJob => {
    const job = deps.repo.getJob(jobId);
    if (!job) throw new AppError('not_found', `There is no import job ${jobId}.`);
    return job;
  };

  const claim = (): Slot => {
    if (active) {
      const which = active.jobId === null ? 'Another import is starting' : `Import job ${active.jobId} is still running`;
      throw new AppError('conflict', `${which}; cancel it or wait for it to finish.`);
    }
    const takeover = deps.lock?.acquire();
    // Taking over a stale lock is normal after a crash, but worth a line in the log.
    if (takeover) console.warn(takeover);
    let settle!: Slot['settle'];
    const finished = new Promise<ImportJob | undefined>((resolve) => (settle = resolve));
    active = { jobId: null, controller: new AbortController(), finished, settle };
    return active;
  };

  const release = (slot: Slot, job: ImportJob | undefined) => {
    if (active === slot) {
      active = null;
      deps.lock?.release();
    }
    if (job) deps.events.emit('import.finished', job);
    slot.settle(job);
  };

  /** Runs the units in the background; whatever fails, the slot is released and `import.finished` sent. */
  const runInBackground = (slot: Slot, jobId: number, units: ImportUnit[] | UnitStream) => {
    const parser = deps.createParser();
    const writer = deps.createWriter?.();
    // Cancelling closes the pool at once: files in flight are dropped and redone on resume.
    slot.controller.signal.addEventListener('abort', () => void parser.close().catch(() => undefined), { once: true });
    void (async () => {
      let outcome: RunOutcome;
      let writing: { stop(): Promise<void>; afterBatch?(): Promise<void> } | undefined;
      try {
        writing = deps.whileWriting?.();
        outcome = await runImport({
          jobId,
          units,
          repo: deps.repo,
          parser,
          signal: slot.controller.signal,
          batchSize: deps.batchSize,
          concurrency: deps.concurrency,
          afterBatch: writing?.afterBatch && (() => writing!.afterBatch!()),
          writes: deps.writes,
          writeBatch: writer && ((id, items) => writer.write(id, items)),
          onProgress: (p) => deps.events.emit('import.progressed', p),
        });
      } catch (error) {
        outcome = { state: 'failed', error: messageOf(error) };
      }
      await parser.close().catch(() => undefined);
      // Every batch has settled: runImport waits for its last write before it returns.
      await writer?.close().catch(() => undefined);
      await writing?.stop().catch(() => undefined);
      const error = outcome.state === 'failed' ? outcome.error : null;
      let job: ImportJob | undefined;
      try {
        deps.repo.setState(jobId, outcome.state, error);
        job = mustGetJob(jobId);
      } catch (writeError) {
        // A truly full disk can refuse even this small update: report the outcome from memory.
        const stored = deps.repo.getJob(jobId);
        job = stored && { ...stored, state: outcome.state, error: error ?? `The import ended but its state could not be saved: ${messageOf(writeError)}` };
      }
      try {
        if (job) await deps.afterJob?.(job, slot.controller.signal);
      } catch (afterError) {
        console.warn(`After import ${jobId}: ${messageOf(afterError)}`);
      }
      release(slot, job);
    })();
  };

  /** Lists the units for a claimed slot and starts them; on failure the job records why and the slot is freed. */
  const launch = async (slot: Slot, jobId: number, path: string, mapping: ImportOptions): Promise<ImportJob> => {
    slot.jobId = jobId;
    let units: ImportUnit[] | UnitStream;
    try {
      units = await listUnits(path, mapping, slot.controller.signal);
      if (slot.controller.signal.aborted) throw Object.assign(new Error('The import was cancelled before it started.'), { name: 'AbortError' });
    } catch (error) {
      const cancelled = slot.controller.signal.aborted;
      deps.repo.setState(jobId, cancelled ? 'cancelled' : 'failed', cancelled ? null : messageOf(error));
      release(slot, deps.repo.getJob(jobId));
      throw error;
    }
    runInBackground(slot, jobId, units);
    return mustGetJob(jobId);
  };

  return {
    /** Counts by category and type before anything is written. */
    preview(path: string, mapping: ImportOptions): Promise<ImportPreview> {
      const known = deps.repo.knownFiles(path);
      return describeSource(path, mapping, known ? { known: known.has, knownJobId: known.jobId } : {});
    },
    /** Starts a job in the background and returns it in state 'running'. */
    async start(path: string, mapping: ImportOptions): Promise<ImportJob> {
      const slot = claim();
      let jobId: number;
      try {
        const { kind } = await describeSource(path, mapping, { countOnly: true });
        const isTable = kind === 'csv' || kind === 'jsonl';
        jobId = deps.repo.createJob(path, kind, isTable ? { ...mapping, fingerprint: await fingerprintOf(path) } : mapping);
      } catch (error) {
        release(slot, undefined);
        throw error;
      }
      return launch(slot, jobId, path, mapping);
    },
    /** Continues an interrupted, failed or cancelled job, skipping files it already recorded. */
    async resume(jobId: number): Promise<ImportJob> {
      const job = mustGetJob(jobId);
      if (job.state === 'finished') throw new AppError('conflict', `Import job ${jobId} already finished.`);
      const { fingerprint, ...mapping } = deps.repo.jobOptions(jobId) as ImportOptions & { fingerprint?: string };
      if (fingerprint !== undefined && fingerprint !== (await fingerprintOf(job.rootPath).catch(() => 'missing'))) {
        throw new AppError(
          'conflict',
          `${nodePath.basename(job.rootPath)} changed since import ${jobId} started, so its rows cannot be matched up; start a new import of it instead.`,
        );
      }
      const slot = claim();
      deps.repo.setState(jobId, 'running');
      return launch(slot, jobId, job.rootPath, mapping);
    },
    /** Asks the running job to stop; finished batches are kept. Resolves when it has stopped. */
    async cancel(jobId: number): Promise<ImportJob> {
      const slot = active;
      if (!slot || slot.jobId !== jobId) return mustGetJob(jobId);
      slot.controller.abort();
      await slot.finished;
      return mustGetJob(jobId);
    },
    /** Resolves with the running job once it ends (or undefined when idle). */
    async waitForIdle(): Promise<ImportJob | undefined> {
      return active?.finished;
    },
    jobs: () => deps.repo.listJobs(),
    report: (jobId: number, status: Parameters<ImportRepo['report']>[1], offset: number, limit: number) => ({
      job: mustGetJob(jobId),
      ...deps.repo.report(jobId, status, offset, limit),
    }),
    /** Stops a running job (kept as cancelled) before the app quits. */
    async close(): Promise<void> {
      const slot = active;
      if (!slot) return;
      slot.controller.abort();
      await slot.finished;
    },
  };
}

/** The import service's type. */
export type ImportService = ReturnType<typeof createImportService>;
