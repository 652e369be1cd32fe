/**
 * The training service: one run at a time, in a worker thread on the task runner (with a heap
 * limit), reading its own snapshot. It turns worker progress into `training.progressed` events with
 * an ETA, stores every run (finished, failed, cancelled), and only a finished run's model becomes
 * active; a failure or a cancel leaves the previous model as it was. Plain Node.
 */
import type { RunSummary, TrainingParams, TrainingPlan, TrainingProgress, LearningCurvePoint } from '../../preload/contract';
import { currentProcess, lockHolderState } from '../import/process-identity';
import { AppError } from '../rpc/app-error';
import type { EventBus } from '../rpc/event-bus';
import type { DocumentsRepo } from '../store/documents-repo';
import type { ModelsRepo } from '../store/models-repo';
import type { SettingsRepo } from '../store/settings-repo';
import type { TrainingRepo } from '../store/training-repo';
import { createWriteQueue, type WriteQueue } from '../store/write-queue';
import { runWorkerTask, WorkerTaskError } from '../workers/run-task';
import { planTraining, resolveParams, MIN_DOCUMENTS_PER_CATEGORY } from './plan';
import { createReadyTrainingThread, READ_AHEAD_MAX_DOCUMENTS, trainingTaskOptions } from './ready-thread';
import { storeFinishedRun } from './store-run';
import type { TrainTaskResult } from './train-task';
import type { TrainingWorkerApi } from './training-worker';
import { trainingWorkerEntry } from './worker-entry';

/** What the service uses. */
export interface TrainingServiceDeps {
  databasePath: string;
  documents: DocumentsRepo;
  runs: TrainingRepo;
  models: ModelsRepo;
  settings: SettingsRepo;
  events: EventBus;
  /** Announces new counts (runs, models) after a run ends. */
  onDatasetChanged?: () => void;
  /**
   * The core's write queue: a run's result is stored in its turn, after a long labelling action on
   * the curation thread, instead of waiting for SQLite's lock (and failing after the busy timeout,
   * losing the run).
   */
  writes?: WriteQueue;
}

/** The run in progress. */
interface ActiveRun {
  runId: number;
  controller: AbortController;
  startedMs: number;
  progress: TrainingProgress | null;
  done: Promise<RunSummary>;
}

/** Estimated time left from the share done so far (none before 5%, where it would be noise). */
function etaOf(fraction: number, elapsedMs: number): number | null {
  return fraction >= 0.05 && fraction < 1 ? Math.round((elapsedMs * (1 - fraction)) / fraction) : null;
}

/** The sentence stored and shown for a run that ended without a model. */
function failureOf(error: unknown): { state: 'failed' | 'cancelled'; message: string } {
  if (error instanceof Error && error.name === 'AbortError')
    return { state: 'cancelled', message: 'Training was cancelled; the previous model is still active.' };
  if (error instanceof WorkerTaskError) return { state: 'failed', message: `${error.message} The previous model is still active.` };
  return { state: 'failed', message: `Training failed: ${error instanceof Error ? error.message : String(error)} The previous model is still active.` };
}

/** Creates the training service. */
export function createTrainingService(deps: TrainingServiceDeps) {
  const { runs, events } = deps;
  const writes = deps.writes ?? createWriteQueue();
  let active: ActiveRun | null = null;
  const readyThread = createReadyTrainingThread();

  const emitFinished = (runId: number) => {
    const run = runs.summary(runId)!;
    events.emit('training.finished', { run });
    deps.onDatasetChanged?.();
    return run;
  };

  const execute = async (runId: number, params: TrainingParams, controller: AbortController, startedMs: number): Promise<RunSummary> => {
    let result: TrainTaskResult;
    try {
      result = await runWorkerTask<TrainingWorkerApi, 'train'>(
        trainingWorkerEntry,
        'train',
        { databasePath: deps.databasePath, params, minDocumentsPerCategory: MIN_DOCUMENTS_PER_CATEGORY },
        {
          ...trainingTaskOptions(params.memoryLimitMb),
          signal: controller.signal,
          onProgress: (p) => {
            const elapsedMs = Date.now() - startedMs;
            const progress: TrainingProgress = { runId, ...p, elapsedMs, etaMs: etaOf(p.fraction, elapsedMs) };
            if (active?.runId === runId) active.progress = progress;
            events.emit('training.progressed', progress);
          },
        },
        readyThread.take(params.memoryLimitMb) ?? undefined,
      );
    } catch (error) {
      const { state, message } = failureOf(error);
      await writes.run(() => runs.end(runId, state, message));
      return emitFinished(runId);
    }
    try {
      const modelId = await writes.run(() => storeFinishedRun(runs, runId, params, result, controller.signal));
      events.emit('models.activated', { model: deps.models.get(modelId)! });
    } catch (error) {
      const { state, message } = failureOf(error);
      await writes.run(() => runs.end(runId, state, message));
    }
    return emitFinished(runId);
  };

  return {
    /** What the next run will use; while none runs, it also readies the next run's thread, which reads its words ahead (ready-thread.ts). */
    plan(): TrainingPlan {
      const plan = planTraining(deps.documents, deps.settings.get());
      if (!active && !plan.problem) {
        const readAhead = { databasePath: deps.databasePath, params: plan.defaults, minDocumentsPerCategory: MIN_DOCUMENTS_PER_CATEGORY };
        readyThread.prepare(plan.defaults.memoryLimitMb, plan.usableDocuments <= READ_AHEAD_MAX_DOCUMENTS ? readAhead : null);
      }
      return plan;
    },
    /** Starts a run with Settings' defaults for anything not given; refuses while one runs or when the data cannot train. */
    start(input: Partial<TrainingParams>): { runId: number } {
      if (active) throw new AppError('conflict', `Training run ${active.runId} is still running; wait for it or cancel it first.`);
      const plan = planTraining(deps.documents, deps.settings.get());
      if (plan.problem) throw new AppError('bad_input', plan.problem);
      const params = resolveParams(input, deps.settings.get());
      // One training per data folder, across processes (the app, the browser bridge, the CLI):
      // whichever finished last would otherwise have become the active model.
      const claim = runs.createExclusive(params, currentProcess(), (owner) => lockHolderState(owner) === 'running');
      if ('heldBy' in claim) {
        const { pid, runId: otherRun, startedAt } = claim.heldBy;
        throw new AppError(
          'conflict',
          `Another Resume Studio process (pid ${pid}) is training in this data folder (run ${otherRun}, since ${startedAt}); one training runs at a time, so this one was not started. Wait for it to finish or cancel it there, then train again.`,
        );
      }
      const { runId } = claim;
      const controller = new AbortController();
      const startedMs = Date.now();
      const run: ActiveRun = { runId, controller, startedMs, progress: null, done: Promise.resolve(null as unknown as RunSummary) };
      active = run;
      run.done = execute(runId, params, controller, startedMs).finally(() => {
        if (active === run) active = null;
      });
      return { runId };
    },
    /** Cancels the run in progress (the worker is terminated at once); false when none runs. */
    cancel(): { isCancelled: boolean } {
      if (!active) return { isCancelled: false };
      active.controller.abort();
      return { isCancelled: true };
    },
    /** The run in progress with its latest progress, or null. */
    current(): { run: RunSummary; progress: TrainingProgress | null } | null {
      if (!active) return null;
      return { run: runs.summary(active.runId)!, progress: active.progress };
    },
    /** Resolves once the thread the plan readied for the next run has loaded and read its words ahead (what a user's pause before pressing Train gives it). */
    threadLoaded: (): Promise<void> => readyThread.loaded(),
    /** True while a thread readied by the plan waits for the next run. */
    hasReadyThread: (): boolean => readyThread.isHolding(),
    /** Resolves with the run once it has ended (null when none runs). */
    async waitForIdle(): Promise<RunSummary | null> {
      return active ? active.done : null;
    },
    /** A run's learning curve: stored, or computed in a worker (on the run's own data) and stored. */
    async learningCurve(runId: number): Promise<LearningCurvePoint[]> {
      const run = runs.get(runId);
      if (!run) throw new AppError('not_found', `There is no training run ${runId}.`);
      if (run.learningCurve) return run.learningCurve;
      if (run.state !== 'finished' || !run.datasetHash) throw new AppError('conflict', `Run ${runId} did not finish, so it has no learning curve.`);
      try {
        const points = await runWorkerTask<TrainingWorkerApi, 'learningCurve'>(
          trainingWorkerEntry,
          'learningCurve',
          {
            databasePath: deps.databasePath,
            params: run.params,
            minDocumentsPerCategory: MIN_DOCUMENTS_PER_CATEGORY,
            datasetHash: run.datasetHash,
          },
          { taskName: 'The learning curve', maxOldGenerationSizeMb: run.params.memoryLimitMb },
        );
        runs.setLearningCurve(runId, points);
        return points;
      } catch (error) {
        throw new AppError('conflict', error instanceof Error ? error.message.replace(/^The learning curve failed: /, '') : String(error));
      }
    },
    /** Stops a run in progress and waits until it is recorded as cancelled. */
    async close(): Promise<void> {
      await readyThread.close();
      const run = active;
      if (!run) return;
      run.controller.abort();
      await run.done;
    },
  };
}

/** The training service's type. */
export type TrainingService = ReturnType<typeof createTrainingService>;
