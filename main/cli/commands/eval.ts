import { parseArgs } from 'node:util';
import { createCore } from '../../core/core';
import { resolveDataDir } from '../../core/data-dir';
import { DatasetError, loadLabelledDataset, readModelFile } from '../../datasets/index';
import { reevaluateRun } from '../../training/reevaluate';
import { evaluatePipeline, formatReport, screenTexts } from '../../../ml/index';
import type { Command } from '../command';

/** `resume-studio eval`: scores a saved model on a labelled dataset. */
export const evalCommand: Command = {
  name: 'eval',
  summary: 'Evaluate a saved model on labelled resumes (accuracy, F1, confusion, calibration)',
  usage:
    'resume-studio eval --data <folder|file.csv|file.jsonl> --model model.json [--text-column NAME] [--label-column NAME] [--json]\n' +
    "       resume-studio eval --data-dir DIR [--run N] [--json]   (recomputes a stored run's holdout from the database; default: the active model's run)",
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        model: { type: 'string' },
        'text-column': { type: 'string' },
        'label-column': { type: 'string' },
        json: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        run: { type: 'string' },
      },
    });
    if (!values.data && !values.model) {
      const core = await createCore({ dataDir: resolveDataDir(values['data-dir']), transport: 'cli' });
      try {
        const runId = values.run ? Number(values.run) : (await core.call('models.active', {}))?.runId;
        if (!runId) throw new Error('there is no active trained model; pass --run N (see resume-studio runs)');
        const report = reevaluateRun(core.databasePath, await core.call('training.run', { runId }));
        if (values.json) io.stdout(JSON.stringify(report));
        else {
          io.stdout(`run ${runId} recomputed from ${core.databasePath}:`);
          for (const line of formatReport(report)) io.stdout(line);
        }
        return 0;
      } finally {
        await core.close();
      }
    }
    if (!values.data || !values.model) {
      io.stderr(`error: --data and --model are required\nUsage: ${this.usage}`);
      return 2;
    }
    const { pipeline } = readModelFile(values.model);
    const dataset = loadLabelledDataset(values.data, { textColumn: values['text-column'], labelColumn: values['label-column'] });
    for (const w of dataset.warnings) io.stderr(`warning: ${w}`);
    if (dataset.texts.length === 0) throw new Error(`${values.data}: no labelled texts found`);
    const known = new Set(pipeline.classes);
    const unknown = [...new Set(dataset.labels.filter((l) => !known.has(l)))];
    if (unknown.length)
      throw new Error(`${values.data}: label(s) the model does not know: ${unknown.join(', ')} (model classes: ${pipeline.classes.join(', ')})`);
    // Texts without enough real words are refused with their sentence, as predict refuses them.
    const { usable, unusable } = screenTexts(dataset.texts);
    for (const u of unusable.slice(0, 10)) io.stderr(`warning: ${dataset.origins[u.index]}: ${u.reason} (left out)`);
    if (unusable.length > 10) io.stderr(`warning: … and ${unusable.length - 10} more document(s) with no usable text left out`);
    if (usable.length === 0) throw new DatasetError(values.data, `no document has usable text (the first: ${unusable[0]!.reason})`);
    const report = evaluatePipeline(pipeline, { texts: usable.map((i) => dataset.texts[i]!), labels: usable.map((i) => dataset.labels[i]!) });
    if (values.json) {
      io.stdout(JSON.stringify(report));
      return 0;
    }
    io.stdout(`${values.model} on ${values.data}:`);
    for (const line of formatReport(report)) io.stdout(line);
    return 0;
  },
};
