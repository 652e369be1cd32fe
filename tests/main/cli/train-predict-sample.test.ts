// `resume-studio train` and `predict` on the generated sample give exactly what the same
// computation gives when done directly through ml/ (same params, same seed). Comparing with ml/
// instead of frozen numbers keeps this true while the engine improves.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { predictCommand } from '../../../main/cli/commands/predict';
import { trainCommand } from '../../../main/cli/commands/train';
import { extractText } from '../../../main/parsing/extract/index';
import type { Command } from '../../../main/cli/command';
import {
  crossValidate,
  deserializeModel,
  explainPrediction,
  findDuplicateGroups,
  formatReport,
  generateResumeSample,
  holdoutEvaluation,
  serializeModel,
  TextClassifier,
} from '../../../ml/index';
import { makeTempDir } from '../../helpers/temp-dir';

const run = async (command: Command, argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
};

const seed = 7;
const testFraction = 0.25;
const folds = 3;
let temp: ReturnType<typeof makeTempDir>;
let modelFile: string;
let trainJson: Record<string, unknown>;
let trainText: { out: string[]; err: string[] };

/** The CLI's computation, done by hand through ml/: `--data sample:7` is 100 generated resumes per class with seed 7. */
function directly() {
  const rows = generateResumeSample({ seed, perClass: 100 });
  const corpus = { texts: rows.map((r) => r.text), labels: rows.map((r) => r.category) };
  const params = { engine: 'fast' as const, seed };
  const groups = findDuplicateGroups(corpus.texts);
  const holdout = holdoutEvaluation(corpus, params, { testFraction, seed, groups });
  const cv = crossValidate(corpus, params, { folds, seed, groups });
  // The final model takes the holdout model's chosen feature count, title weight, C and temperature.
  const pipeline = new TextClassifier(params).fit(corpus.texts, corpus.labels, {}, { reuseChoicesOf: holdout.pipeline });
  return { corpus, groups, holdout, cv, pipeline, modelJson: serializeModel(pipeline, holdout.report) };
}
let expected: ReturnType<typeof directly>;

beforeAll(async () => {
  temp = makeTempDir();
  modelFile = path.join(temp.dir, 'model.json');
  const args = ['--data', `sample:${seed}`, '--seed', String(seed), '--test-size', String(testFraction), '--cv', String(folds)];
  const json = await run(trainCommand, [...args, '--out', modelFile, '--json']);
  expect(json.code).toBe(0);
  trainJson = JSON.parse(json.out.join('\n'));
  const text = await run(trainCommand, [...args, '--out', path.join(temp.dir, 'model-2.json')]);
  expect(text.code).toBe(0);
  trainText = text;
  expected = directly();
}, 120_000);
afterAll(() => temp.cleanup());

describe('train on the sample', () => {
  it('writes the model ml/ produces for the same data, params and seed, byte for byte', () => {
    expect(fs.readFileSync(modelFile, 'utf8')).toBe(expected.modelJson);
    expect(fs.readFileSync(path.join(temp.dir, 'model-2.json'), 'utf8')).toBe(expected.modelJson);
  });

  it('--json reports the same holdout, cross-validation and sizes', () => {
    expect(trainJson).toMatchObject({
      model: modelFile,
      engine: 'fast',
      documents: expected.corpus.texts.length,
      classes: expected.pipeline.classes.length,
      features: expected.pipeline.training!.features,
      holdout: JSON.parse(JSON.stringify(expected.holdout.report)),
      cv: {
        folds,
        meanAccuracy: expected.cv.meanAccuracy,
        meanMacroF1: expected.cv.meanMacroF1,
        macroF1PerFold: expected.cv.folds.map((r) => r.macro.f1),
      },
    });
    expect(Object.keys(trainJson).sort()).toEqual(['classes', 'cv', 'documents', 'engine', 'features', 'holdout', 'model', 'seconds', 'unusable'].sort());
    expect(trainJson.unusable).toEqual([]);
  });

  it('prints the same report and progress lines', () => {
    const { holdout, cv, groups, corpus, pipeline } = expected;
    const [saved, blank, heading, ...rest] = trainText.out;
    expect(saved).toMatch(
      new RegExp(`^saved .*model-2\\.json \\(fast engine, ${pipeline.classes.length} classes, ${pipeline.training!.features} features, \\d+\\.\\d s\\)$`),
    );
    expect(blank).toBe('');
    expect(heading).toBe(`holdout (dedup-aware stratified 25% test, seed ${seed}) of a model trained on the rest:`);
    expect(rest).toEqual([
      ...formatReport(holdout.report),
      `\n${folds}-fold CV (dedup-aware): accuracy ${cv.meanAccuracy.toFixed(3)}, macro-F1 ${cv.meanMacroF1.toFixed(3)} (folds ${cv.folds
        .map((r) => r.macro.f1.toFixed(3))
        .join(', ')})`,
    ]);
    const classes = new Set(corpus.labels).size;
    expect(trainText.err.slice(0, 2 + folds + 1)).toEqual([
      `${corpus.texts.length} documents, ${classes} classes, ${groups.groupCount} after grouping duplicates (${groups.exactDuplicates} exact, ${groups.nearDuplicatePairs} near pairs)`,
      `holdout: trained on ${holdout.split.train.length}, tested on ${holdout.split.test.length} (duplicate groups kept on one side)`,
      ...cv.folds.map((r, f) => `fold ${f + 1}/${folds}: macro-F1 ${r.macro.f1.toFixed(3)}`),
      'fitting the final model on all documents…',
    ]);
    expect(trainText.err.slice(2 + folds + 1).every((line) => /^ {2}(vectorize|tune|fit|calibrate): \d+ steps? done$/.test(line))).toBe(true);
  });
});

describe('predict on the sample', () => {
  const files = generateResumeSample({ seed: 99, perClass: 1 }).slice(0, 3);
  let paths: string[];
  beforeAll(() => {
    paths = files.map((f, i) => {
      const file = path.join(temp.dir, `resume-${i}.txt`);
      fs.writeFileSync(file, f.text);
      return file;
    });
  });

  /** What ml/ explains for the text the importer's parsers read from each file (the CLI parses files as the app does). */
  const explained = async (i: number, terms: number) => {
    const extracted = await extractText(fs.readFileSync(paths[i]!), path.basename(paths[i]!));
    if (extracted.status !== 'imported') throw new Error(`cannot read ${paths[i]}`);
    return explainPrediction(deserializeModel(expected.modelJson).pipeline, extracted.text, { top: terms });
  };

  it('--json gives, per file, the API prediction object with the label, probabilities and evidence ml/ explains', async () => {
    const r = await run(predictCommand, ['--model', modelFile, '--json', ...paths]);
    expect(r.code).toBe(0);
    const expectedLines = await Promise.all(
      paths.map(async (file, i) => {
        const ex = await explained(i, 8);
        return {
          name: path.basename(file),
          label: ex.label,
          probability: ex.probability,
          needsReview: ex.probability < 0.5,
          reviewThreshold: 0.5,
          top: ex.probabilities.slice(0, 3),
          evidence: ex.toward.map((c) => ({ term: c.term, contribution: Number(c.contribution.toFixed(4)), spans: c.spans })),
          truncated: false,
          model: { id: expect.stringMatching(/^sha256:/), name: 'model.json' },
        };
      }),
    );
    expect(r.out.map((l) => JSON.parse(l))).toEqual(expectedLines);
  });

  it('prints one block per file with the same figures', async () => {
    const r = await run(predictCommand, ['--model', modelFile, ...paths]);
    expect(r.code).toBe(0);
    const blocks = await Promise.all(
      paths.map(async (file, i) => {
        const ex = await explained(i, 8);
        const top = ex.probabilities.slice(0, 3);
        return [
          `${file}: ${ex.label} (${(ex.probability * 100).toFixed(1)}%)${ex.probability < 0.5 ? ' — needs review (below 50.0%)' : ''}`,
          `  top: ${top.map((a) => `${a.label} ${(a.probability * 100).toFixed(1)}%`).join(', ')}`,
          // Headline terms read as the UI shows them, never as the model's internal "h:" names.
          ...(ex.toward.length ? [`  because of: ${ex.toward.map((c) => c.term.replace(/^h:(.*)$/, '$1 (in the title)')).join(', ')}`] : []),
        ];
      }),
    );
    expect(r.out).toEqual(blocks.flat());
  });
});
