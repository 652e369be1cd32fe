import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../files/atomic-output';
import { assertTrainable, classCounts, loadLabelledDataset } from '../../datasets/index';
import { formatReport, type EngineName } from '../../../ml/index';
import { resolveDataDir } from '../../core/data-dir';
import { runTraining, type RunStep } from '../../training/run-training';
import type { Command } from '../command';
import { assertWritableOutput } from '../output-file';
import { readFolderThroughImporter } from './folder-dataset';
import { trainInStudio } from './studio-train';

/** Documents with no usable text named one per line, up to this many. */
const MAX_NAMED = 10;

/** The stderr line for one progress event (inside the final fit, one line per finished stage). */
function progressLine(p: RunStep): string | null {
  switch (p.phase) {
    case 'screened':
      return p.unusable ? `${p.unusable} document(s) with no usable text left out; ${p.usable} remain` : null;
    case 'grouped':
      return `${p.documents} documents, ${p.classes} classes, ${p.groups} after grouping duplicates (${p.exactDuplicates} exact, ${p.nearDuplicatePairs} near pairs)`;
    case 'holdout':
      return `holdout: trained on ${p.trainDocuments}, tested on ${p.testDocuments} (duplicate groups kept on one side)`;
    case 'fold':
      return `fold ${p.fold}/${p.folds}: macro-F1 ${p.macroF1.toFixed(3)}`;
    case 'final-fit-started':
      return 'fitting the final model on all documents…';
    case 'vectorized':
      return null;
    case 'epoch':
      if (p.fit === 'holdout') return null;
      return p.epoch === p.maxEpochs ? `  ${p.stage}: ${p.maxEpochs} step${p.maxEpochs === 1 ? '' : 's'} done` : null;
  }
}

/** `resume-studio train`: dedup-aware holdout evaluation, optional k-fold CV, then a model fitted on all rows. */
export const trainCommand: Command = {
  name: 'train',
  summary: 'Train a job-category classifier from labelled resumes and save it as JSON',
  usage:
    'resume-studio train --data <folder|file.csv|file.jsonl|sample> --out model.json [--engine fast|mljs] [--cv K] [--seed N] [--test-size 0.2] [--text-column NAME] [--label-column NAME] [--json]\n' +
    '       resume-studio train --data-dir DIR [--out model.json] [--engine fast|mljs] [--cv K] [--seed N] [--test-size 0.2] [--json]   (trains from the studio database as the Train button does: stored run, active model)',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        out: { type: 'string' },
        engine: { type: 'string', default: 'fast' },
        cv: { type: 'string' },
        seed: { type: 'string', default: '42' },
        'test-size': { type: 'string', default: '0.2' },
        'text-column': { type: 'string' },
        'label-column': { type: 'string' },
        json: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
      },
    });
    if (!values.data) {
      // No external data: train from the studio's database, the same path as the Train button.
      // Only the flags given: the rest come from Settings, as for the button.
      const given = (flag: string) => argv.some((a) => a === `--${flag}` || a.startsWith(`--${flag}=`));
      const studioParams = {
        ...(given('engine') ? { engine: values.engine as 'fast' | 'mljs' } : {}),
        ...(given('seed') ? { seed: Number(values.seed) } : {}),
        ...(given('test-size') ? { testFraction: Number(values['test-size']) } : {}),
        ...(given('cv') ? { folds: Number(values.cv) } : {}),
      };
      if (values.out) assertWritableOutput('out', values.out);
      return trainInStudio(resolveDataDir(values['data-dir']), studioParams, { out: values.out, json: values.json }, io);
    }
    if (!values.out) {
      io.stderr(`error: --data and --out are required\nUsage: ${this.usage}`);
      return 2;
    }
    const engine = values.engine as EngineName;
    if (engine !== 'fast' && engine !== 'mljs') {
      io.stderr(`error: --engine must be "fast" or "mljs", not "${values.engine}"`);
      return 2;
    }
    const seed = Number(values.seed);
    const testSize = Number(values['test-size']);
    const folds = values.cv === undefined ? 0 : Number(values.cv);
    if (!Number.isInteger(seed) || !(testSize > 0 && testSize < 1) || !Number.isInteger(folds) || folds === 1 || folds < 0) {
      io.stderr('error: --seed must be an integer, --test-size between 0 and 1, --cv an integer >= 2');
      return 2;
    }
    // Before loading or training: a bad --out must not cost the whole run.
    assertWritableOutput('out', values.out);
    // A folder goes through the importer's parsers (PDF, DOCX, DOC…), not only .txt files.
    const isFolder = fs.existsSync(values.data) && fs.statSync(values.data).isDirectory();
    const dataset = isFolder
      ? await readFolderThroughImporter(values.data)
      : loadLabelledDataset(values.data, { textColumn: values['text-column'], labelColumn: values['label-column'] });
    assertTrainable(dataset);
    for (const w of dataset.warnings) io.stderr(`warning: ${w}`);
    const counts = classCounts(dataset.labels);
    const tiny = counts.filter(([, n]) => n < 2).map(([l]) => l);
    if (tiny.length) io.stderr(`warning: ${tiny.length} class(es) have a single document and cannot be tested: ${tiny.join(', ')}`);
    const started = Date.now();
    const result = runTraining(
      { texts: dataset.texts, labels: dataset.labels },
      { engine, seed, testFraction: testSize, folds },
      {
        onProgress: (p) => {
          const line = progressLine(p);
          if (line !== null) io.stderr(line);
        },
      },
    );
    // Whole or not at all: a full disk after minutes of training must not leave a truncated model.
    writeFileAtomic(values.out, result.modelJson);
    const seconds = (Date.now() - started) / 1000;
    const unusable = result.unusable.map((u) => ({ origin: dataset.origins[u.index]!, reason: u.reason }));
    for (const u of unusable.slice(0, MAX_NAMED)) io.stderr(`warning: ${u.origin}: ${u.reason} (left out)`);
    if (unusable.length > MAX_NAMED) io.stderr(`warning: … and ${unusable.length - MAX_NAMED} more document(s) with no usable text left out`);
    const { cv } = result;
    if (values.json) {
      io.stdout(
        JSON.stringify({
          model: values.out,
          engine,
          documents: result.documents,
          classes: result.classes.length,
          features: result.features,
          holdout: result.holdout.report,
          cv: cv && { folds: cv.folds, meanAccuracy: cv.meanAccuracy, meanMacroF1: cv.meanMacroF1, macroF1PerFold: cv.macroF1PerFold, report: cv.report },
          unusable,
          seconds,
        }),
      );
      return 0;
    }
    io.stdout(`saved ${values.out} (${engine} engine, ${result.classes.length} classes, ${result.features} features, ${seconds.toFixed(1)} s)`);
    io.stdout('');
    io.stdout(`holdout (dedup-aware stratified ${Math.round(testSize * 100)}% test, seed ${seed}) of a model trained on the rest:`);
    for (const line of formatReport(result.holdout.report)) io.stdout(line);
    if (cv)
      io.stdout(
        `\n${folds}-fold CV (dedup-aware): accuracy ${cv.meanAccuracy.toFixed(3)}, macro-F1 ${cv.meanMacroF1.toFixed(3)} (folds ${cv.macroF1PerFold.map((x) => x.toFixed(3)).join(', ')})`,
      );
    return 0;
  },
};
