import { parseArgs } from 'node:util';
import { readModelFile, readTextFile } from '../../datasets/index';
import { predictText } from '../../predict/predict';
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
    for (const file of positionals) {
      let text: string;
      try {
        text = readTextFile(file);
      } catch (error) {
        failures++;
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        if (values.json) io.stdout(JSON.stringify({ file, error: reason }));
        else io.stderr(`${file}: cannot read (${reason})`);
        continue;
      }
      const prediction = predictText(pipeline, text, { top, terms });
      if (values.json) {
        io.stdout(JSON.stringify({ file, ...prediction }));
        continue;
      }
      io.stdout(`${file}: ${prediction.label} (${(prediction.probability * 100).toFixed(1)}%)`);
      io.stdout(`  top: ${prediction.top.map((a) => `${a.label} ${(a.probability * 100).toFixed(1)}%`).join(', ')}`);
      if (prediction.evidence.length) io.stdout(`  because of: ${prediction.evidence.map((e) => e.term).join(', ')}`);
    }
    return failures ? 1 : 0;
  },
};
