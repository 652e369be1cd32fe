// The training service: a run over a generated corpus, its progress, timings and cancellation.
import { describe, expect, it } from 'vitest';
import { runTraining, type RunStep } from '../../../main/training/run-training';
import { deserializeModel, generateResumeSample } from '../../../ml/index';

const rows = generateResumeSample({ seed: 3, perClass: 20, classes: ['Nurse', 'Accountant', 'Software Engineer'] });
const corpus = { texts: rows.map((r) => r.text), labels: rows.map((r) => r.category) };
const params = { engine: 'fast' as const, seed: 5, testFraction: 0.25, folds: 3 };

describe('runTraining', () => {
  it('reports each phase in order and returns a loadable model with its report and timings', () => {
    const events: RunStep[] = [];
    const result = runTraining(corpus, params, { onProgress: (p) => events.push(p) });
    const phases = events.map((e) => e.phase).filter((p, i, all) => p !== 'epoch' && p !== 'vectorized' && p !== all[i - 1]);
    expect(phases).toEqual(['screened', 'grouped', 'holdout', 'fold', 'final-fit-started']);
    expect(events[0]).toEqual({ phase: 'screened', usable: corpus.texts.length, unusable: 0 });
    expect(events[1]).toMatchObject({ phase: 'grouped', documents: corpus.texts.length, classes: 3 });
    // Both fits (holdout, final) report their vectorizing and their steps.
    for (const fit of ['holdout', 'final'])
      expect(events.some((e) => e.phase === 'vectorized' && e.fit === fit) && events.some((e) => e.phase === 'epoch' && e.fit === fit)).toBe(true);
    // Inside a fit, progress says which stage it is in: the holdout model tunes (vectorize → tune → fit);
    // the final model takes the holdout model's choices, so it only vectorizes and fits.
    const stagesOf = (fit: string) => events.flatMap((e) => (e.phase === 'epoch' && e.fit === fit ? [e.stage] : [])).filter((s, i, all) => s !== all[i - 1]);
    expect(stagesOf('holdout')).toEqual(['vectorize', 'tune', 'fit']);
    expect(stagesOf('final')).toEqual(['vectorize', 'fit']);
    // What the live chart plots: each tuning step's held-out accuracy, each fit step's training loss.
    const steps = events.flatMap((e) => (e.phase === 'epoch' ? [e] : []));
    for (const e of steps.filter((s) => s.stage === 'tune')) expect(e.validationAccuracy).toBeGreaterThanOrEqual(0);
    for (const e of steps.filter((s) => s.stage === 'tune')) expect(e.validationAccuracy).toBeLessThanOrEqual(1);
    for (const e of steps.filter((s) => s.stage === 'fit')) expect(Number.isFinite(e.trainLoss) && e.trainLoss >= 0).toBe(true);
    expect(events.filter((e) => e.phase === 'fold').map((e) => e.phase === 'fold' && e.fold)).toEqual([1, 2, 3]);
    expect(result.holdout.trainDocuments + result.holdout.testDocuments).toBe(corpus.texts.length);
    expect(result.cv?.macroF1PerFold).toHaveLength(3);
    expect(result.classes).toEqual(['Accountant', 'Nurse', 'Software Engineer']);
    const loaded = deserializeModel(result.modelJson);
    expect(loaded.pipeline.classes).toEqual(result.classes);
    expect(loaded.metrics).toEqual(JSON.parse(JSON.stringify(result.holdout.report)));
    // The final model was fitted with what the holdout model's inner cross-validation chose, and its temperature.
    expect(loaded.pipeline.temperature).toBe(result.holdout.temperature);
    expect(loaded.pipeline.training!.calibration!.source).toMatch(/kept for this one$/);
    const chosen = loaded.pipeline.training!.tuning!.chosen;
    expect(loaded.pipeline.vectorizer.params.chi2Features).toBe(chosen.features);
    expect((loaded.pipeline.model.toJSON().params as { C: number }).C).toBe(chosen.C);
    expect(loaded.pipeline.training!.docs).toBe(corpus.texts.length);
    const { screening, grouping, holdout, crossValidation, finalFit, total } = result.timingsMs;
    for (const ms of [screening, grouping, holdout, crossValidation, finalFit]) expect(ms).toBeGreaterThanOrEqual(0);
    expect(total).toBeCloseTo(screening + grouping + holdout + crossValidation + finalFit, 6);
  });

  it('leaves out texts with no usable text, names them by index, and refuses when fewer than two categories remain', () => {
    const withJunk = { texts: [...corpus.texts, '%%% ### 123', 'qzx bcd'], labels: [...corpus.labels, 'Nurse', 'Chef'] };
    const result = runTraining(withJunk, { ...params, folds: 0 });
    expect(result.documents).toBe(corpus.texts.length);
    expect(result.unusable).toEqual([
      { index: corpus.texts.length, reason: 'no usable text: no real words (at least 5 are needed)' },
      { index: corpus.texts.length + 1, reason: 'no usable text: no real words (at least 5 are needed)' },
    ]);
    // "Chef" had only the junk text, so the model does not learn it.
    expect(result.classes).toEqual(['Accountant', 'Nurse', 'Software Engineer']);
    // Test rows point into the given corpus, never at a left-out text.
    expect(result.holdout.testRows.every((row) => row < corpus.texts.length)).toBe(true);
    const oneLeft = { texts: [corpus.texts[0]!, corpus.texts[1]!, 'x y'], labels: ['Nurse', 'Nurse', 'Chef'] };
    expect(() => runTraining(oneLeft, params)).toThrow(
      expect.objectContaining({ code: 'bad_input', message: expect.stringMatching(/only the category "Nurse" is left; training needs at least two/) }),
    );
    expect(() => runTraining({ texts: ['', '???'], labels: ['A', 'B'] }, params)).toThrow(/^No document has usable text/);
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
