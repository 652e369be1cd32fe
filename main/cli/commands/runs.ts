import { parseArgs } from 'node:util';
import { createCore } from '../../core/core';
import { resolveDataDir } from '../../core/data-dir';
import type { Command } from '../command';

const fixed = (x: number | null) => (x === null ? '-' : x.toFixed(3));

/** `resume-studio runs`: the stored training runs of a data directory, newest first. */
export const runsCommand: Command = {
  name: 'runs',
  summary: 'List the training runs stored in the data directory',
  usage: 'resume-studio runs [--data-dir DIR] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } } });
    const core = await createCore({ dataDir: resolveDataDir(values['data-dir']), transport: 'cli' });
    try {
      const runs = await core.call('training.runs', {});
      if (values.json) {
        for (const run of runs) io.stdout(JSON.stringify(run));
        return 0;
      }
      if (runs.length === 0) {
        io.stdout('No training runs yet: run `resume-studio train --data-dir DIR` or press Train in the app.');
        return 0;
      }
      io.stdout('  run  state        engine  documents  classes  accuracy  macro-F1  seconds  started');
      for (const r of runs)
        io.stdout(
          `${r.isActiveModel ? '*' : ' '}${String(r.id).padStart(4)}  ${r.state.padEnd(11)}  ${r.engine.padEnd(6)}  ${String(r.documents ?? '-').padStart(9)}  ${String(r.classes ?? '-').padStart(7)}  ${fixed(r.accuracy).padStart(8)}  ${fixed(r.macroF1).padStart(8)}  ${(r.durationMs === null ? '-' : (r.durationMs / 1000).toFixed(1)).padStart(7)}  ${r.startedAt}`,
        );
      io.stdout('(* = the run of the active model)');
      return 0;
    } finally {
      await core.close();
    }
  },
};
