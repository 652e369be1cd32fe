/**
 * The import capability behind the contract's `import.*` methods and the CLI: preview, start,
 * cancel, resume and report, one job at a time, parsing in a worker pool that lives only while a
 * job runs. Plain Node; built by the composition root.
 */
import type { ImportJob, ImportPreview } from '../../preload/contract';
import { AppError } from '../core/app-error';
import type { EventBus } from '../core/event-bus';
import type { ImportRepo } from '../store/import-repo';
import { runImport, type FileParser } from './import-runner';
import { describeSource, listUnits, type ColumnMapping } from './import-units';

/** A parser that can be shut down when the job ends. */
export interface ClosableParser extends FileParser {
  close(): Promise<void>;
}

/** What the service is built from. */
export interface ImportServiceDeps {
  repo: ImportRepo;
  events: EventBus;
  createParser: () => ClosableParser;
  /** Awaited after each job, before `import.finished`: flags near-duplicates, announces new counts. */
  afterJob?: (job: ImportJob) => Promise<void>;
  batchSize?: number;
  concurrency?: number;
}

/** Creates the service and marks jobs a previous process left running as interrupted. */
export function createImportService(deps: ImportServiceDeps) {
  deps.repo.markRunningInterrupted();
  let active: { jobId: number; controller: AbortController; finished: Promise<ImportJob> } | null = null;

  const mustGetJob = (jobId: number): ImportJob => {
    const job = deps.repo.getJob(jobId);
    if (!job) throw new AppError('not_found', `There is no import job ${jobId}.`);
    return job;
  };

  const launch = async (jobId: number, path: string, mapping: ColumnMapping): Promise<ImportJob> => {
    const controller = new AbortController();
    const units = await listUnits(path, mapping);
    const parser = deps.createParser();
    const finished = (async () => {
      try {
        const outcome = await runImport({
          jobId,
          units,
          repo: deps.repo,
          parser,
          signal: controller.signal,
          batchSize: deps.batchSize,
          concurrency: deps.concurrency,
          onProgress: (progress) => deps.events.emit('import.progressed', progress),
        });
        deps.repo.setState(jobId, outcome.state, outcome.state === 'failed' ? outcome.error : null);
      } catch (error) {
        deps.repo.setState(jobId, 'failed', error instanceof Error ? error.message : String(error));
      } finally {
        await parser.close();
      }
      await deps.afterJob?.(mustGetJob(jobId));
      const job = mustGetJob(jobId);
      active = null;
      deps.events.emit('import.finished', job);
      return job;
    })();
    active = { jobId, controller, finished };
    return mustGetJob(jobId);
  };

  const ensureIdle = () => {
    if (active) throw new AppError('conflict', `Import job ${active.jobId} is still running; cancel it or wait for it to finish.`);
  };

  return {
    /** Counts by category and type before anything is written. */
    preview(path: string, mapping: ColumnMapping): Promise<ImportPreview> {
      return describeSource(path, mapping);
    },
    /** Starts a job in the background and returns it in state 'running'. */
    async start(path: string, mapping: ColumnMapping): Promise<ImportJob> {
      ensureIdle();
      const { kind } = await describeSource(path, mapping, { countOnly: true });
      const jobId = deps.repo.createJob(path, kind, mapping);
      try {
        return await launch(jobId, path, mapping);
      } catch (error) {
        deps.repo.setState(jobId, 'failed', error instanceof Error ? error.message : String(error));
        throw error;
      }
    },
    /** Continues an interrupted, failed or cancelled job, skipping files it already recorded. */
    async resume(jobId: number): Promise<ImportJob> {
      ensureIdle();
      const job = mustGetJob(jobId);
      if (job.state === 'finished') throw new AppError('conflict', `Import job ${jobId} already finished.`);
      deps.repo.setState(jobId, 'running');
      return launch(jobId, job.rootPath, deps.repo.jobOptions(jobId) as ColumnMapping);
    },
    /** Asks the running job to stop; finished batches are kept. Resolves when it has stopped. */
    async cancel(jobId: number): Promise<ImportJob> {
      if (!active || active.jobId !== jobId) return mustGetJob(jobId);
      active.controller.abort();
      return active.finished;
    },
    /** Resolves with the running job once it ends (or undefined when idle). */
    async waitForIdle(): Promise<ImportJob | undefined> {
      return active?.finished;
    },
    jobs: () => deps.repo.listJobs(),
    report: (jobId: number, status: Parameters<ImportRepo['report']>[1], offset: number, limit: number) => ({ job: mustGetJob(jobId), ...deps.repo.report(jobId, status, offset, limit) }),
    /** Stops a running job (kept as cancelled) before the app quits. */
    async close(): Promise<void> {
      if (active) await this.cancel(active.jobId);
    },
  };
}

/** The import service's type. */
export type ImportService = ReturnType<typeof createImportService>;
