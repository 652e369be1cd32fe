// A corpus read once and fitted on by rows: a fit on some rows learns only from them, the rows it
// scores read as transform() reads their texts, and the final model can take the holdout model's choices.
import { describe, expect, it } from 'vitest';
import { TextClassifier } from '../../ml/models/pipeline';
import { restrictPrepared } from '../../ml/models/prepared-corpus';
import { generateResumeSample } from '../../ml/sample/generate';

const sample = generateResumeSample({ seed: 21, perClass: 12, classes: ['Nurse', 'Accountant', 'Software Engineer', 'Teacher'] });
const texts = sample.map((s) => s.text);
const labels = sample.map((s) => s.category);
const rows = texts.map((_, i) => i).filter((i) => i % 3 !== 0);
const others = texts.map((_, i) => i).filter((i) => i % 3 === 0);
const pick = <T>(items: T[], at: number[]) => at.map((i) => items[i]!);
// Every candidate term kept (no chi² choice) and no tuning: the vocabulary shows exactly what the fit counted.
const params = { seed: 3, tune: false as const, fast: { C: 0.5 }, vectorizer: { chi2Features: 0 } };

describe('prepared corpus', () => {
  it('a fit on some rows has the vocabulary, idf, data hash and predictions of a fit on those texts alone', () => {
    const prepared = new TextClassifier(params).prepare(texts, labels);
    const onRows = new TextClassifier(params).fitPrepared(prepared, rows);
    const alone = new TextClassifier(params).fit(pick(texts, rows), pick(labels, rows));
    expect(onRows.vectorizer.vocabulary).toEqual(alone.vectorizer.vocabulary);
    expect(Array.from(onRows.vectorizer.idf!)).toEqual(Array.from(alone.vectorizer.idf!));
    expect(onRows.training!.dataHash).toBe(alone.training!.dataHash);
    expect(onRows.predict(pick(texts, others))).toEqual(alone.predict(pick(texts, others)));
  });

  it('rows scored from the prepared corpus are the matrix transform() makes of their texts', () => {
    const prepared = new TextClassifier(params).prepare(texts, labels);
    const fitted = new TextClassifier(params).fitPrepared(prepared, rows);
    expect(fitted.transformPrepared(prepared, others)).toEqual(fitted.transform(pick(texts, others)));
    const restricted = restrictPrepared(prepared, others);
    expect(fitted.transformPrepared(restricted, [1, 0])).toEqual(fitted.transform(pick(texts, [others[1]!, others[0]!])));
  });

  it('a fit on every row uses up the corpus (its token arrays are released), and a later use says so', () => {
    const prepared = new TextClassifier(params).prepare(texts, labels);
    const all = new TextClassifier(params).fitPrepared(prepared, null);
    expect(all.training!.dataHash).toBe(new TextClassifier(params).fit(texts, labels).training!.dataHash);
    expect(() => new TextClassifier(params).fitPrepared(prepared, rows)).toThrow(/consumed by a fit/);
    expect(() => all.transformPrepared(prepared, others)).toThrow(/consumed by a fit/);
  });

  it('a hand-over restriction fits like a plain one and leaves its source holding no documents', () => {
    const kept = new TextClassifier(params).fitPrepared(restrictPrepared(new TextClassifier(params).prepare(texts, labels), rows), null);
    const source = new TextClassifier(params).prepare(texts, labels);
    const handedOver = restrictPrepared(source, rows, { handOver: true });
    expect(source.pool.docs.every((doc) => doc.length === 0)).toBe(true);
    expect(() => new TextClassifier(params).fitPrepared(source, rows)).toThrow(/consumed by a fit/);
    const fitted = new TextClassifier(params).fitPrepared(handedOver, null);
    expect(fitted.vectorizer.vocabulary).toEqual(kept.vectorizer.vocabulary);
    expect(fitted.predict(pick(texts, others))).toEqual(kept.predict(pick(texts, others)));
  });

  it('refuses a pipeline whose vectorizer reads texts differently', () => {
    const prepared = new TextClassifier(params).prepare(texts, labels);
    expect(() => new TextClassifier({ ...params, vectorizer: { ngramMax: 1 } }).fitPrepared(prepared, rows)).toThrow(/other vectorizer settings/);
  });

  it('reuseChoicesOf: the final model takes the tuned model’s feature count, title weight, C and temperature without tuning again', () => {
    const tuned = new TextClassifier({ seed: 3, tune: { grid: { features: [300, 600], headlineWeight: [0.5], C: [0.25, 1, 4] } } }).fit(
      pick(texts, rows),
      pick(labels, rows),
    );
    const stages: string[] = [];
    const final = new TextClassifier({ seed: 3, tune: { grid: { features: [300, 600], headlineWeight: [0.5], C: [0.25, 1, 4] } } }).fit(
      texts,
      labels,
      { onProgress: (p) => stages.push(p.phase) },
      { reuseChoicesOf: tuned },
    );
    expect(stages).not.toContain('tune');
    expect(stages).not.toContain('calibrate');
    const chosen = tuned.training!.tuning!.chosen;
    expect(final.vectorizer.params.chi2Features).toBe(chosen.features);
    expect(final.vectorizer.params.headlineWeight).toBe(chosen.headlineWeight);
    expect((final.model.toJSON().params as { C: number }).C).toBe(chosen.C);
    expect(final.temperature).toBe(tuned.temperature);
    expect(final.training!.docs).toBe(texts.length);
  });
});
