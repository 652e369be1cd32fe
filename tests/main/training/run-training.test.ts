// The training service: a run over a generated corpus, its progress, timings and cancellation.
import { describe, expect, it } from 'vitest';
import { runTraining, type TrainingProgress } from '../../../main/training/run-training';
import { deserializeModel, generateResumeSample } from '../../../ml/index';

const rows = generateResumeSample({ seed: 3, perClass: 20, classes: ['Nurse', 'Accountant', 'Software Engineer'] });
const corpus = { texts: rows.map((r) => r.text), labels: rows.map((r) => r.category) };
const params = { engine: 'fast' as const, seed: 5, testFraction: 0.25, folds: 3 };

describe('runTraining', () => {
  it('reports each phase in order and returns a loadable model with its report and timings', () => {
    const events: TrainingProgress[] = [];
    const result = runTraining(corpus, params, { onProgress: (p) => events.push(p) });
    const phases = events.map((e) => e.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(['grouped', 'holdout', 'fold', 'final-fit-started', 'epoch']);
    expect(events[0]).toMatchObject({ phase: 'grouped', documents: corpus.texts.length, classes: 3 });
    expect(events.filter((e) => e.phase === 'fold').map((e) => e.phase === 'fold' && e.fold)).toEqual([1, 2, 3]);
    expect(result.holdout.trainDocuments + result.holdout.testDocuments).toBe(corpus.texts.length);
    expect(result.cv?.macroF1PerFold).toHaveLength(3);
    expect(result.classes).toEqual(['Accountant', 'Nurse', 'Software Engineer']);
    const loaded = deserializeModel(result.modelJson);
    expect(loaded.pipeline.classes).toEqual(result.classes);
    expect(loaded.metrics).toEqual(JSON.parse(JSON.stringify(result.holdout.report)));
    const { grouping, holdout, crossValidation, finalFit, total } = result.timingsMs;
    for (const ms of [grouping, holdout, crossValidation, finalFit]) expect(ms).toBeGreaterThanOrEqual(0);
    expect(total).toBeCloseTo(grouping + holdout + crossValidation + finalFit, 6);
  });

  it('skips cross-validation when folds is 0', () => {
    expect(runTraining(corpus, { ...params, folds: 0 }).cv).toBeNull();
  });

  it('stops with an AbortError when the signal aborts during a phase', () => {
    const controller = new AbortController();
    const seen: string[] = [];
    expect(() =>
      runTraining(corpus, params, {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.phase);
          if (p.phase === 'fold') controller.abort();
        },
      }),
    ).toThrow(expect.objectContaining({ name: 'AbortError', message: 'Training was cancelled.' }));
    expect(seen).not.toContain('final-fit-started');
  });
});
