// A one-vs-rest fit shared with a helper gives the solution of the fit alone, byte for byte, with its
// progress in class order, however the classes were split; a helper that declines leaves the fit to
// the caller, and one that stalls is given up on and its classes solved by the fitting thread.
// (A helper in a real worker thread: tests/main/training/second-thread.test.ts.)
import { describe, expect, it } from 'vitest';
import { fitOneVsRestSvm, type SvmSolution } from '../../ml/models/linear-svm';
import { nbFeatureScale } from '../../ml/models/svm-classifier';
import { fitSharingClasses, helpWithClasses, type ClassHelper, type SharedSvmJob } from '../../ml/models/svm-class-sharing';
import { noisyData } from '../helpers/sparse-rows';

const K = 6;
const { X, y } = noisyData(400, 60, K, 7);
const featureScale = nbFeatureScale(X, y, K, 1, 1);
const params = { C: 0.5, tol: 0.1, maxEpochs: 200, biasScale: 1, seed: 3 };

/** The fit alone, with the losses its progress reported in order. */
function alone(): { solution: SvmSolution; losses: [number, number][] } {
  const losses: [number, number][] = [];
  const solution = fitOneVsRestSvm(X, y, K, params, { featureScale, onClass: (k, loss) => losses.push([k, loss]) });
  return { solution, losses };
}

function expectSame(shared: SvmSolution | null, reference: SvmSolution): void {
  expect(shared).not.toBeNull();
  expect(Array.from(shared!.weights)).toEqual(Array.from(reference.weights));
  expect(Array.from(shared!.bias)).toEqual(Array.from(reference.bias));
  expect(shared!.epochs).toBe(reference.epochs);
  // The model keeps plain arrays, not shared memory.
  expect(shared!.weights.buffer).toBeInstanceOf(ArrayBuffer);
}

describe('a one-vs-rest fit shared with a helper', () => {
  it('gives the same solution and progress when the helper takes every class before the fitting thread starts', () => {
    const reference = alone();
    let helped = 0;
    const helper: ClassHelper = { offer: (job) => ((helped = helpWithClasses(job)), true), giveUp: () => expect.unreachable('nothing stalled') };
    const losses: [number, number][] = [];
    const shared = fitSharingClasses(X, y, K, params, { featureScale, helper, onClass: (k, loss) => losses.push([k, loss]) });
    expect(helped).toBe(K);
    expectSame(shared, reference.solution);
    expect(losses).toEqual(reference.losses);
  });

  it('gives the same solution when the classes are split between the two (a helper that arrives halfway)', () => {
    const reference = alone();
    let job: SharedSvmJob | null = null;
    let helped = 0;
    const helper: ClassHelper = { offer: (offered) => ((job = offered), true), giveUp: () => expect.unreachable('nothing stalled') };
    const losses: [number, number][] = [];
    // The fitting thread reports class 0 once solved: the helper then takes what is left.
    const shared = fitSharingClasses(X, y, K, params, {
      featureScale,
      helper,
      onClass: (k, loss) => {
        losses.push([k, loss]);
        if (k === 0) helped = helpWithClasses(job!);
      },
    });
    expect(helped).toBe(K - 1);
    expectSame(shared, reference.solution);
    expect(losses).toEqual(reference.losses);
  });

  it('solves the classes of a helper that took one and never finished it, after the stall limit, and gives that helper up', () => {
    const reference = alone();
    let givenUp = 0;
    const helper: ClassHelper = {
      // Takes class 0 as a helper would, then stops answering (a thread that died mid-class).
      offer: (job) => ((job.board[0] = 1), (job.board[3] = 1), true),
      giveUp: () => givenUp++,
    };
    const shared = fitSharingClasses(X, y, K, params, { featureScale, helper, stallMs: 30 });
    expect(givenUp).toBe(1);
    expectSame(shared, reference.solution);
  });

  it('is left to the caller when the helper declines the job', () => {
    const helper: ClassHelper = { offer: () => false, giveUp: () => undefined };
    expect(fitSharingClasses(X, y, K, params, { featureScale, helper })).toBeNull();
  });

  it('stops a helper that comes after the fit ended: it solves nothing and writes nothing', () => {
    let job: SharedSvmJob | null = null;
    const helper: ClassHelper = { offer: (offered) => ((job = offered), true), giveUp: () => undefined };
    const shared = fitSharingClasses(X, y, K, params, { featureScale, helper })!;
    const before = Array.from(job!.weights);
    expect(helpWithClasses(job!)).toBe(0);
    expect(Array.from(job!.weights)).toEqual(before);
    expectSame(shared, alone().solution);
  });
});
