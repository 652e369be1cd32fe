import { parseArgs } from 'node:util';
import { readModelFile, readTextFile } from '../../datasets/index';
import { predictText, TRUNCATED_NOTE, type Prediction } from '../../predict/predict';
import { AppError } from '../../rpc/app-error';
import type { Command } from '../command';

/** `resume-studio predict`: the category of each text file, with probabilities and the terms that decided it. */
export const predictCommand: Command = {
  name: 'predict',
  summary: 'Predict the job category of resume text files with a saved model',
  usage: 'resume-studio predict --model model.json <file.txt…> [--top 3] [--terms 5] [--json]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        model: { type: 'string' },
        top: { type: 'string', default: '3' },
        terms: { type: 'string', default: '5' },
        json: { type: 'boolean', default: false },
      },
    });
    if (!values.model || positionals.length === 0) {
      io.stderr(`error: --model and at least one file are required\nUsage: ${this.usage}`);
      return 2;
    }
    const top = Math.max(1, Number(values.top) || 3);
    const terms = Math.max(0, Number(values.terms) || 0);
    const { pipeline } = readModelFile(values.model);
    let failures = 0;
    // --json keeps a system error's bare code (ENOENT…) as before; sentences stay sentences.
    const refuse = (file: string, reason: string, code?: string) => {
      failures++;
      if (values.json) io.stdout(JSON.stringify({ file, error: code ?? reason }));
      else io.stderr(`${file}: ${reason}`);
    };
    for (const file of positionals) {
      let text: string;
      try {
        text = readTextFile(file);
      } catch (error) {
        // A DatasetError / NotRegularFileError already names the file; a system error gives its code.
        const e = error as NodeJS.ErrnoException;
        refuse(file, e.code ? `cannot read (${e.code})` : e.message.replace(`${file}: `, ''), e.code);
        continue;
      }
      let prediction: Prediction;
      try {
        prediction = predictText(pipeline, text, { top, terms });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        refuse(file, error.message);
        continue;
      }
      if (values.json) {
        io.stdout(JSON.stringify({ file, ...prediction }));
        continue;
      }
      io.stdout(`${file}: ${prediction.label} (${(prediction.probability * 100).toFixed(1)}%)${prediction.truncated ? ` — ${TRUNCATED_NOTE}` : ''}`);
      io.stdout(`  top: ${prediction.top.map((a) => `${a.label} ${(a.probability * 100).toFixed(1)}%`).join(', ')}`);
      if (prediction.evidence.length) io.stdout(`  because of: ${prediction.evidence.map((e) => e.term).join(', ')}`);
    }
    return failures ? 1 : 0;
  },
};
