/**
 * The training task as the worker runs it, from the database: open the snapshot, read every
 * resume's words while a second thread screens it and groups duplicates (or take both from this
 * thread's read-ahead, read-ahead.ts), then train on them (train-task.ts) with that thread's help.
 * Plain Node over ml/.
 */
import { TextClassifier, type PreparedCorpus, type FitProgress } from '../../ml/index';
import { takeReadAhead } from './read-ahead';
import { runPipelineParams, type PrecomputedInputs } from './run-training';
import { runScreenTask } from './screen-task';
import { screenInputOf, startSecondThread, type SecondThread } from './second-thread';
import { openSnapshot, type Snapshot } from './snapshot';
import { progressUnits, trainOnSnapshot, type TaskProgress, type TrainTaskInput, type TrainTaskResult } from './train-task';

/**
 * The whole task: when this thread read the snapshot's words ahead and the snapshot is still that
 * one, train on those at once; else open the snapshot and, while a second thread screens it and
 * groups duplicates, stream the resumes here into their words (token ids), one text at a time; then
 * train on those. This thread never holds every text: only the second thread does, while it screens.
 */
export async function runTrainTask(input: TrainTaskInput, progress: (p: TaskProgress) => void, signal?: AbortSignal): Promise<TrainTaskResult> {
  const started = performance.now();
  progress({ phase: 'reading', step: 'Reading the labelled resumes', epoch: null, maxEpochs: null, loss: null, validationAccuracy: null, fraction: 0 });
  const { total } = progressUnits(input.params);
  const ahead = takeReadAhead(input);
  if (ahead) {
    // Read while the Train page was open (read-ahead.ts): this run starts at its first fit.
    const readMs = performance.now() - started;
    const fraction = 0.5 / total;
    progress({
      phase: 'vectorize',
      step: 'Reading the words of every resume (read ahead)',
      epoch: null,
      maxEpochs: null,
      loss: null,
      validationAccuracy: null,
      fraction,
    });
    const second = startSecondThread(input, signal, { screened: ahead.screened });
    let result;
    try {
      result = await trainWithSecondThread(ahead, input, progress, signal, ahead.prepared, fraction, second);
    } finally {
      await second.close();
    }
    return withTimings(result, started, readMs, ahead.prepared.readMs);
  }
  const stream = openSnapshot(input.databasePath, input.minDocumentsPerCategory, { blind: input.params.blind });
  const readMs = performance.now() - started;
  const second = startSecondThread(input, signal);
  let result;
  try {
    // Reading every resume's words is the first half of the holdout model's unit of progress.
    let fraction = 0;
    const onProgress = (p: FitProgress) => {
      fraction = (0.5 * p.epoch) / p.maxEpochs / total;
      const step = `Reading the words of every resume, ${p.epoch} of ${p.maxEpochs}`;
      progress({ phase: 'vectorize', step, epoch: null, maxEpochs: null, loss: null, validationAccuracy: null, fraction });
    };
    let prepared;
    let hash: string;
    try {
      prepared = new TextClassifier(runPipelineParams(input.params)).prepare(stream.texts(), stream.labels, { onProgress });
      hash = stream.hash();
    } finally {
      stream.close();
    }
    const snapshot = { ids: stream.ids, labels: stream.labels, trainOnly: stream.trainOnly, leftOutCategories: stream.leftOutCategories, hash };
    result = await trainWithSecondThread(snapshot, input, progress, signal, prepared, fraction, second);
  } finally {
    await second.close();
  }
  return withTimings(result, started, readMs, null);
}

/**
 * A run's result with its timings from the task's start. `readAheadMs`: the words were read before
 * the press, in this long; the final fit counts that reading as its own, so it comes off here.
 */
function withTimings(result: ReturnType<typeof trainOnSnapshot>, started: number, readMs: number, readAheadMs: number | null): TrainTaskResult {
  const totalMs = performance.now() - started;
  const { fitMs } = result.timings;
  const vectorizeMs = Math.max(0, result.timings.vectorizeMs - (readAheadMs ?? 0));
  return {
    ...result,
    wordsReadAhead: readAheadMs !== null,
    timings: { readMs, vectorizeMs, fitMs, evaluateMs: Math.max(0, totalMs - readMs - vectorizeMs - fitMs), totalMs },
  };
}

/** The rest of a run once this thread has read the words: the second thread's screening (or its own), then training with that thread's help. */
async function trainWithSecondThread(
  snapshot: Omit<Snapshot, 'texts'>,
  input: TrainTaskInput,
  progress: (p: TaskProgress) => void,
  signal: AbortSignal | undefined,
  prepared: PreparedCorpus,
  fraction: number,
  second: SecondThread,
): Promise<ReturnType<typeof trainOnSnapshot>> {
  const { hash } = snapshot;
  const screened = await second.screening;
  let precomputed: PrecomputedInputs;
  if (screened?.hash === hash) precomputed = { screened: screened.screened, groups: screened.groups, prepared };
  else {
    // The second thread failed or read other data: run its task here, on a second read of the same
    // documents, streamed as it streams them (reading them all into memory cost 2.4 GB at 200k).
    const again = runScreenTask(screenInputOf(input));
    if (again.hash !== hash) throw new Error('The labelled documents changed while training read them; train again.');
    precomputed = { screened: again.screened, groups: again.groups, prepared };
  }
  return trainOnSnapshot(snapshot, input.params, progress, { signal, classHelper: second.classHelper }, precomputed, fraction);
}
