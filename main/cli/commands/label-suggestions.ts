/**
 * `resume-studio label --suggest` and `label --accept-confident`: the "Label with suggestions" loop
 * headless, over the same labelling service as the app (the model is fitted from the data folder's
 * current labels first). Plain Node; called by the label command.
 */
import type { QueueOrder } from '../../../preload/contract';
import { createCore } from '../../core/core';
import type { CliIO } from '../command';

const percent = (share: number) => `${(Math.round(share * 1000) / 10).toFixed(1)}%`;

/** Prints the next `limit` resumes the queue would ask about, with their suggestions; resolves to the exit code. */
export async function printSuggestions(dataDir: string, options: { limit: number; order: QueueOrder; json: boolean }, io: CliIO): Promise<number> {
  const core = await createCore({ dataDir, transport: 'cli' });
  try {
    const page = await core.call('labelling.next', { limit: options.limit, order: options.order });
    const { status } = page;
    if (!status.model) {
      io.stderr(`error: no suggestions yet. ${status.problem ?? (status.unlabelled === 0 ? 'Every resume is labelled.' : '')}`.trim());
      return 1;
    }
    if (!options.json) {
      io.stdout(
        `Model ${status.model.version}: fitted on ${status.model.trainedOn} resumes labelled by people in ${status.model.classes.length} categories; ` +
          `${status.unlabelled} unlabelled left, ${status.confident} at or above the review threshold (${percent(status.reviewThreshold!.value)}).`,
      );
      if (status.problem) io.stdout(status.problem);
      io.stdout('');
    }
    for (const item of page.items) {
      const s = item.suggestion!;
      if (options.json) {
        io.stdout(JSON.stringify({ documentId: item.documentId, fileName: item.fileName, suggestion: s }));
        continue;
      }
      io.stdout(`#${item.documentId} ${item.fileName}: ${s.label} (${percent(s.probability)})${s.needsReview ? ', needs review' : ''}`);
      io.stdout(`  top: ${s.top.map((t) => `${t.label} ${percent(t.probability)}`).join(', ')}`);
      if (s.evidence.length) io.stdout(`  because of: ${s.evidence.map((e) => e.term).join(', ')}`);
    }
    return 0;
  } finally {
    await core.close();
  }
}

/** Labels every unlabelled resume whose suggestion reaches the review threshold, as model-labelled (or counts them with dryRun). */
export async function acceptConfident(dataDir: string, options: { dryRun: boolean; json: boolean }, io: CliIO): Promise<number> {
  const core = await createCore({ dataDir, transport: 'cli' });
  try {
    // A model of the labels as they are now, not of an earlier session.
    const status = await core.call('labelling.refresh', {});
    if (!status.model) {
      io.stderr(`error: no model to accept suggestions from. ${status.problem ?? ''}`.trim());
      return 1;
    }
    const result = await core.call('labelling.acceptConfident', { dryRun: options.dryRun });
    if (options.json) {
      io.stdout(JSON.stringify({ dryRun: options.dryRun, accepted: result.accepted, threshold: result.threshold, step: result.change?.step ?? null }));
    } else if (options.dryRun) {
      io.stdout(`${result.accepted} of ${status.unlabelled} unlabelled resumes are at least ${percent(result.threshold)} sure (dry run: nothing was changed).`);
    } else {
      io.stdout(
        `Labelled ${result.accepted} of ${status.unlabelled} unlabelled resumes with the model's suggestion (at least ${percent(result.threshold)} sure).`,
      );
      io.stdout('They are marked model-labelled: training uses them, evaluation leaves them out until you confirm them.');
      if (result.change?.step) io.stdout(`Undo it in the app with Ctrl+Z (Cmd+Z on macOS): "${result.change.step.description}".`);
    }
    return 0;
  } finally {
    await core.close();
  }
}
