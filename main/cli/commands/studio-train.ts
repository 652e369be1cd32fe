/**
 * `resume-studio train --data-dir DIR`: trains from the studio's own database exactly as the Train
 * button does (training.start → worker → stored run, model activated), printing progress to
 * stderr and the stored run's metrics. Plain Node; called by the train command.
 */
import { writeFileAtomic } from '../../files/atomic-output';
import { formatReport } from '../../../ml/index';
import type { TrainingParams } from '../../../preload/contract';
import { createCore } from '../../core/core';
import type { CliIO } from '../command';

/** Runs one training in the data directory; resolves to the exit code. */
export async function trainInStudio(dataDir: string, params: Partial<TrainingParams>, options: { out?: string; json: boolean }, io: CliIO): Promise<number> {
  const core = await createCore({ dataDir, transport: 'cli' });
  let lastStep = '';
  const unsubscribe = core.events.subscribe((event) => {
    if (event.name !== 'training.progressed' || options.json) return;
    const p = event.payload;
    if (p.step === lastStep) return;
    lastStep = p.step;
    io.stderr(`${String(Math.round(p.fraction * 100)).padStart(3)}%  ${p.step}`);
  });
  const stop = () => void core.call('training.cancel', {});
  process.once('SIGINT', stop);
  try {
    const { runId } = await core.call('training.start', params);
    await core.training.waitForIdle();
    const run = await core.call('training.run', { runId });
    if (run.state !== 'finished') {
      io.stderr(`error: run ${runId} ${run.state}: ${run.error ?? 'no reason recorded'}`);
      return 1;
    }
    if (options.out && run.modelId !== null) writeFileAtomic(options.out, (await core.call('models.export', { id: run.modelId })).json);
    if (options.json) {
      io.stdout(JSON.stringify(run));
      return 0;
    }
    io.stdout(
      `run ${run.id}: ${run.engine} engine, ${run.documents} documents, ${run.classes} classes, ${((run.durationMs ?? 0) / 1000).toFixed(1)} s; model ${run.modelId} is now active` +
        (options.out ? `, saved to ${options.out}` : ''),
    );
    io.stdout('');
    io.stdout(`holdout (dedup-aware stratified ${Math.round(run.params.testFraction * 100)}% test, seed ${run.params.seed}) of a model trained on the rest:`);
    for (const line of formatReport(run.holdout!)) io.stdout(line);
    if (run.cv) io.stdout(`\n${run.cv.folds}-fold CV (dedup-aware): accuracy ${run.cv.meanAccuracy.toFixed(3)}, macro-F1 ${run.cv.meanMacroF1.toFixed(3)}`);
    return 0;
  } finally {
    process.removeListener('SIGINT', stop);
    unsubscribe();
    await core.close();
  }
}
