import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readableTerm, type Prediction } from '../../../preload/contract';
import { TRUNCATED_NOTE } from '../../predict/predict';
import { nonRegularKind } from '../../parsing/regular-file';
import { shownFileName, withBlindPredictions } from '../../privacy/blind-predictions';
import type { Command } from '../command';
import { openPrediction } from '../open-prediction';

/** `resume-studio predict`: the category of each resume file, with probabilities and the terms that decided it. */
export const predictCommand: Command = {
  name: 'predict',
  summary: "Predict the job category of resume files (PDF, DOCX, DOC, TXT, MD, HTML) with the studio's active model or a model file",
  usage: 'resume-studio predict [--data-dir DIR | --model model.json] <file…> [--review-threshold 0.8] [--json]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        model: { type: 'string' },
        'review-threshold': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    if (positionals.length === 0) {
      io.stderr(`error: name at least one file\nUsage: ${this.usage}`);
      return 2;
    }
    const threshold = values['review-threshold'] === undefined ? undefined : Number(values['review-threshold']);
    if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) {
      io.stderr('error: --review-threshold must be a number between 0 and 1');
      return 2;
    }
    const opened = await openPrediction({ modelFile: values.model, dataDir: values['data-dir'], reviewThreshold: threshold });
    try {
      const status = opened.engine.status();
      if (!status.model) throw new Error(status.reason ?? `No model could be loaded from ${opened.origin}.`);
      let failures = 0;
      // Blind mode (the data directory's setting): the file names printed are masked, as the app shows them.
      const isBlind = opened.isBlind();
      const engine = withBlindPredictions(opened.engine, opened.isBlind);
      for (const file of positionals) {
        const shown = shownFileName(file, isBlind);
        const answer = notRegular(file) ?? (await engine.predictPath(path.resolve(file), path.basename(file)));
        if (!answer.ok) {
          failures++;
          // The same shape as a failed item of the API's batch answer.
          if (values.json)
            io.stdout(
              JSON.stringify({
                name: shownFileName(path.basename(file), isBlind),
                error: { code: 'unreadable', status: answer.status, message: answer.reason },
              }),
            );
          else io.stderr(`${shown}: ${answer.reason}`);
          continue;
        }
        if (values.json) io.stdout(JSON.stringify(answer.prediction satisfies Prediction));
        else printPrediction(io.stdout, shown, answer.prediction);
      }
      return failures ? 1 : 0;
    } finally {
      await opened.close();
    }
  },
};

/** A path that is there but not a regular file (a FIFO would block a reader) is refused here, in words. */
function notRegular(file: string): { ok: false; status: 'unsupported'; reason: string } | null {
  let kind: string | null;
  try {
    kind = nonRegularKind(fs.statSync(file));
  } catch {
    return null; // The parse pool says why a missing or unreadable file cannot be read.
  }
  return kind ? { ok: false, status: 'unsupported', reason: `cannot read it: it is ${kind}, not a regular file, so it was not opened.` } : null;
}

/** The human-readable lines for one prediction. */
function printPrediction(print: (line: string) => void, file: string, p: Prediction): void {
  const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
  const review = p.needsReview ? ` — needs review (below ${percent(p.reviewThreshold)})` : '';
  print(`${file}: ${p.label} (${percent(p.probability)})${review}${p.truncated ? ` — ${TRUNCATED_NOTE}` : ''}`);
  print(`  top: ${p.top.map((a) => `${a.label} ${percent(a.probability)}`).join(', ')}`);
  if (p.evidence.length) print(`  because of: ${p.evidence.map((e) => readableTerm(e.term)).join(', ')}`);
}
