import { parseArgs } from 'node:util';
import { createCore } from '../../core/core';
import { resolveDataDir } from '../../core/data-dir';
import type { Command } from '../command';

/** `resume-studio info`: what a data directory holds, through the same core as the app. */
export const infoCommand: Command = {
  name: 'info',
  summary: 'Show the data directory, schema version and dataset counts',
  usage: 'resume-studio info [--data-dir DIR] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } } });
    const core = await createCore({ dataDir: resolveDataDir(values['data-dir']), transport: 'cli' });
    try {
      const i = await core.call('app.info', {});
      const s = await core.call('dataset.summary', {});
      if (values.json) {
        io.stdout(JSON.stringify({ info: i, summary: s }));
        return 0;
      }
      io.stdout(`Resume Studio ${i.version}`);
      io.stdout(`data directory  ${i.dataDir}`);
      io.stdout(`database        ${i.databasePath} (schema ${i.schemaVersion})`);
      io.stdout(`documents       ${s.documents} (${s.labelled} labelled)`);
      io.stdout(`categories      ${s.categories.length}`);
      for (const c of s.categories) io.stdout(`  ${c.category.padEnd(28)} ${c.documents}`);
      io.stdout(`import jobs     ${s.importJobs}`);
      io.stdout(`training runs   ${s.trainingRuns}`);
      io.stdout(`models          ${s.models}`);
      return 0;
    } finally {
      await core.close();
    }
  },
};
