// A start whose database is refused as damaged: the recovery dispatcher answers health and restore
// only (anything else gets the damage sentence), a restore over the real file hands over to the
// normal core, and the command line says the same and restores the same way. Generated stores only.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import { createRecoveryDispatcher } from '../../../main/core/recovery';
import type { Dispatcher } from '../../../main/rpc/dispatcher';
import { DatabaseDamagedError } from '../../../main/store/integrity';
import { addDocuments, backUp, corruptInteriorPages, countDocuments } from '../../helpers/damaged-database';
import { makeTempDir } from '../../helpers/temp-dir';
import { runCliText } from '../../helpers/run-cli';

let temp: ReturnType<typeof makeTempDir>;
let dataDir: string;
let file: string;
beforeEach(async () => {
  temp = makeTempDir();
  dataDir = path.join(temp.dir, 'data');
  file = path.join(dataDir, 'studio.sqlite');
  await addDocuments(file, 3000);
});
afterEach(() => temp.cleanup());

const asideFiles = () => fs.readdirSync(dataDir).filter((name) => name.startsWith('studio.sqlite.corrupt-'));

async function refusedStart(): Promise<DatabaseDamagedError> {
  const failure = await createCore({ dataDir, transport: 'http' }).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(DatabaseDamagedError);
  return failure as DatabaseDamagedError;
}

describe('the recovery dispatcher', () => {
  it('serves health and restore only, then hands over to a core opened on the backup', async () => {
    const backup = backUp(file, new Date('2026-10-01T00:00:00Z'));
    await addDocuments(file, 100, 3000);
    corruptInteriorPages(file);
    let core: Core | undefined;
    let active: Dispatcher = createRecoveryDispatcher({
      damaged: await refusedStart(),
      reopen: async () => {
        core = await createCore({ dataDir, transport: 'http' });
        active = core.dispatcher;
      },
    });
    try {
      expect(await active.dispatch('app.databaseHealth', {})).toEqual({
        ok: true,
        value: {
          status: 'damaged',
          databasePath: file,
          message: expect.stringMatching(/^The database .*studio\.sqlite is damaged/),
          problems: expect.arrayContaining([expect.any(String)]),
          backup: { path: backup, modifiedAt: '2026-10-01T00:00:00.000Z' },
        },
      });
      expect(await active.dispatch('dataset.summary', {})).toEqual({ ok: false, error: { code: 'failed', message: expect.stringContaining('is damaged') } });
      expect(await active.dispatch('app.restoreDatabase', { from: 'sideways' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });

      const restored = await active.dispatch('app.restoreDatabase', { from: 'backup' });
      expect(restored).toEqual({ ok: true, value: { restoredFrom: backup, keptAsidePaths: [expect.stringMatching(/studio\.sqlite\.corrupt-/)] } });
      expect(asideFiles()).toHaveLength(1);
      // Now the normal core answers: the backup's data, a healthy database, no second restore.
      expect(await active.dispatch('dataset.summary', {})).toMatchObject({ ok: true, value: { documents: 3000 } });
      expect(await active.dispatch('app.databaseHealth', {})).toMatchObject({ ok: true, value: { status: 'ok', problems: [] } });
      expect(await active.dispatch('app.restoreDatabase', { from: 'backup' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    } finally {
      await core?.close();
    }
  });
});

describe('resume-studio restore', () => {
  const run = runCliText;

  it('a damaged database makes every command say so in a sentence that names restore; restore brings the backup back', async () => {
    const backup = backUp(file, new Date('2026-10-01T00:00:00Z'));
    await addDocuments(file, 100, 3000);
    corruptInteriorPages(file);
    const info = await run(['info', '--data-dir', dataDir]);
    expect(info.code).toBe(1);
    expect(info.err).toMatch(/^error: The database .*studio\.sqlite is damaged .* The newest intact backup is .*\.bak \(made 2026-10-01T00:00:00\.000Z\)/);
    expect(info.err).toContain(`run \`resume-studio restore --data-dir "${dataDir}"\``);

    const restored = await run(['restore', '--data-dir', dataDir]);
    expect(restored).toMatchObject({ code: 0, err: '' });
    expect(restored.out).toContain(`Restored ${file} from the backup ${backup} (made 2026-10-01T00:00:00.000Z); it opens with 3000 documents.`);
    expect(restored.out).toMatch(/The damaged file is kept as .*studio\.sqlite\.corrupt-\S+\.$/);
    expect(asideFiles()).toHaveLength(1);
    expect(countDocuments(file)).toBe(3000);

    // Healthy now: a second restore changes nothing.
    expect(await run(['restore', '--data-dir', dataDir])).toMatchObject({
      code: 0,
      out: expect.stringContaining('passed its integrity check; nothing to restore'),
    });
    expect(asideFiles()).toHaveLength(1);
  });

  it('without an intact backup it asks for --empty, which keeps the damaged file and starts empty', async () => {
    corruptInteriorPages(file);
    const refused = await run(['restore', '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`there is no intact backup next to it. Run \`resume-studio restore --empty --data-dir "${dataDir}"\``);
    expect(asideFiles()).toEqual([]);
    const emptied = await run(['restore', '--empty', '--data-dir', dataDir, '--json']);
    expect(emptied.code).toBe(0);
    expect(JSON.parse(emptied.out)).toEqual({ restoredFrom: null, keptAsidePaths: [expect.stringContaining('studio.sqlite.corrupt-')], documents: 0 });
    expect(asideFiles()).toHaveLength(1);
  });
});
