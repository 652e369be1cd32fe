import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createCore } from '../../core/core';
import { databaseFileIn, resolveDataDir } from '../../core/data-dir';
import { newestGoodBackup } from '../../store/integrity';
import { isDamaged, restoreDatabase } from '../../store/restore';
import type { Command } from '../command';

/**
 * `resume-studio restore`: the command-line way back from a damaged database, the same restore the
 * app offers at start: the newest intact backup is copied in (or, with --empty, the store starts
 * empty) and the damaged file is kept aside, never deleted. A healthy database is left alone.
 */
export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Restore a damaged database from its newest intact backup (the damaged file is kept)',
  usage: 'resume-studio restore [--data-dir DIR] [--empty] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, empty: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    });
    const dataDir = resolveDataDir(values['data-dir']);
    const file = databaseFileIn(dataDir);
    if (!fs.existsSync(file)) {
      io.stderr(`error: There is no database in ${dataDir}; nothing to restore (check --data-dir).`);
      return 1;
    }
    if (!isDamaged(file)) {
      io.stdout(`The database ${file} passed its integrity check; nothing to restore.`);
      return 0;
    }
    const backup = newestGoodBackup(file);
    if (!backup && !values.empty) {
      io.stderr(
        `error: The database ${file} is damaged and there is no intact backup next to it. ` +
          `Run \`resume-studio restore --empty --data-dir "${dataDir}"\` to move it aside (it is kept) and start with an empty database.`,
      );
      return 1;
    }
    // --empty is the user's explicit choice even when a backup exists; the damaged file is kept either way.
    const outcome = restoreDatabase(file, values.empty ? 'empty' : 'backup');
    // Open it the way the app will (migrations included), so "restored" means "opens".
    const core = await createCore({ dataDir, transport: 'cli' });
    try {
      const summary = await core.call('dataset.summary', {});
      if (values.json) {
        io.stdout(JSON.stringify({ ...outcome, documents: summary.documents }));
        return 0;
      }
      io.stdout(
        outcome.restoredFrom
          ? `Restored ${file} from the backup ${outcome.restoredFrom} (made ${new Date(backup!.modifiedMs).toISOString()}); it opens with ${summary.documents} documents.`
          : `Started ${file} as an empty database.`,
      );
      io.stdout(`The damaged file is kept as ${outcome.keptAsidePaths.join(', ')}.`);
      return 0;
    } finally {
      await core.close();
    }
  },
};
