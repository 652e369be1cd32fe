// Closing the studio (quitting the app, SIGTERM in browser mode, Ctrl+C in the CLI) while the
// near-duplicate pass after an import runs: the pass is aborted instead of awaited, the import
// stands, and the next pass checks exactly the documents the stopped one had not reached. The pass
// is made long by searching one document per worker task; the order of events is the finding.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core';
import { flagNearDuplicates } from '../../../main/import/near-duplicates';
import { createDocumentsRepo } from '../../../main/store/documents-repo';
import { createNearDuplicateIndexRepo } from '../../../main/store/near-duplicate-index-repo';
import { eventually } from '../../helpers/eventually';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

const documentCount = 120;
const open = () => createCore({ dataDir: path.join(temp.dir, 'data'), transport: 'cli', importOptions: { nearDuplicateChunk: 1 } });

describe('near-duplicate pass at shutdown', () => {
  it('is aborted by close() and resumes incrementally at the next pass', async () => {
    const folder = path.join(temp.dir, 'in', 'CLERK');
    await fs.mkdir(folder, { recursive: true });
    for (let i = 0; i < documentCount; i++)
      await fs.writeFile(path.join(folder, `r-${i}.txt`), `Clerk number ${i}, filing and records ${'w' + i.toString(36)} office work.`);
    const core = await open();
    const unchecked = () => createDocumentsRepo(core.db).countNotCheckedForNearDuplicates();
    await core.call('import.start', { path: path.dirname(folder) });
    // The job is finished and the pass under way: some documents checked, most not yet.
    await eventually(() => {
      const job = core.imports.jobs()[0];
      expect(job?.state).toBe('finished');
      expect(job?.counts.imported).toBe(documentCount);
      expect(unchecked()).toBeLessThan(documentCount);
    });
    await core.close();

    const reopened = await open();
    try {
      const left = createDocumentsRepo(reopened.db).countNotCheckedForNearDuplicates();
      // Stopped, not awaited: the pass had not reached every document.
      expect(left).toBeGreaterThan(0);
      expect((reopened.db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n).toBe(documentCount);
      const pass = await flagNearDuplicates(
        { db: reopened.db, documents: createDocumentsRepo(reopened.db), index: createNearDuplicateIndexRepo(reopened.db), databasePath: reopened.databasePath },
        { documentsPerChunk: 1_000 },
      );
      expect(pass.checked).toBe(left);
      expect(createDocumentsRepo(reopened.db).countNotCheckedForNearDuplicates()).toBe(0);
    } finally {
      await reopened.close();
    }
  });
});
