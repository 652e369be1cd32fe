// A training run's second thread, real worker threads: once the screening thread has answered, the
// helper thread takes classes of the run's SVM fits, and what it solves is byte for byte what this
// thread would have solved. (The sharing itself, with helpers in this thread: tests/ml/svm-class-sharing.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import type { ClassHelperWorkerApi } from '../../../main/training/class-helper-worker';
import { startSecondThread } from '../../../main/training/second-thread';
import { classHelperWorkerEntry } from '../../../main/training/worker-entry';
import { createWorkerGroup } from '../../../main/workers/worker-group';
import { CsrBuilder } from '../../../ml/features/csr';
import { fitOneVsRestSvm, svmProblem } from '../../../ml/models/linear-svm';
import { fitSharingClasses, sharedJobOf } from '../../../ml/models/svm-class-sharing';
import { createRng } from '../../../ml/random';
import { writeLabelledFolder } from '../../helpers/labelled-folder';
import { makeTempDir } from '../../helpers/temp-dir';

/** A fit big enough that each class takes a while: 24 overlapping classes. */
function problemRows(seed: number) {
  const rng = createRng(seed);
  const cols = 400;
  const b = new CsrBuilder(cols);
  const y = new Int32Array(3000);
  for (let r = 0; r < y.length; r++) {
    y[r] = rng.int(24);
    const idx = [...new Set([y[r]!, ...Array.from({ length: 12 }, () => rng.int(cols))])].sort((a, c) => a - c);
    b.addRow(
      idx,
      idx.map(() => 0.1 + rng.next()),
    );
  }
  return { X: b.build(), y };
}
const params = { C: 0.5, tol: 0.1, maxEpochs: 200, biasScale: 1, seed: 5 };

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
beforeAll(async () => {
  temp = makeTempDir();
  core = await createCore({ dataDir: `${temp.dir}/data`, transport: 'cli' });
  await core.call('import.start', { path: writeLabelledFolder(temp.dir, { perClass: 8, categories: 3 }) });
  await core.imports.waitForIdle();
}, 120_000);
afterAll(async () => {
  await core.close();
  temp.cleanup();
});

describe("a training run's second thread", () => {
  it('the helper entry solves every class of a job it is given alone, with the weights of the fit in this thread', async () => {
    const { X, y } = problemRows(1);
    const job = sharedJobOf(svmProblem(X, y, 24, params));
    const group = createWorkerGroup<ClassHelperWorkerApi>(classHelperWorkerEntry, { taskName: 'The helper' });
    try {
      expect(await group.request('solveClasses', job)).toBe(24);
    } finally {
      await group.close();
    }
    const reference = fitOneVsRestSvm(X, y, 24, params);
    expect(Array.from(job.weights)).toEqual(Array.from(reference.weights));
    expect(Array.from(job.bias)).toEqual(Array.from(reference.bias));
  }, 60_000);

  it('takes classes of the fits once it has screened, and they come out as this thread alone makes them', async () => {
    const input = { databasePath: core.databasePath, params: { ...params, memoryLimitMb: 1024, blind: false } as never, minDocumentsPerCategory: 5 };
    const second = startSecondThread(input);
    try {
      expect((await second.screening)?.screened.usable.length).toBeGreaterThan(0);
      const { X, y } = problemRows(2);
      const reference = fitOneVsRestSvm(X, y, 24, params);
      // How many of a fit's classes the helper takes depends on the machine's load: fit until it has
      // taken some (its answers, with the counts, are awaited after each fit), each fit checked against the reference.
      const deadline = Date.now() + 60_000;
      let fits = 0;
      while (Date.now() < deadline) {
        const shared = fitSharingClasses(X, y, 24, params, { helper: second.classHelper });
        fits++;
        expect(Array.from(shared!.weights)).toEqual(Array.from(reference.weights));
        expect(Array.from(shared!.bias)).toEqual(Array.from(reference.bias));
        await second.settled();
        if (second.classesSolved() > 0) break;
      }
      expect(second.classesSolved()).toBeGreaterThan(0);
      expect(fits).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
    // Closed: it declines further jobs, so a fit runs alone.
    const { X, y } = problemRows(3);
    expect(fitSharingClasses(X, y, 24, params, { helper: second.classHelper })).toBeNull();
  }, 120_000);
});
