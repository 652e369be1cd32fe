/** A real fitted model's JSON on generated resumes, small enough for unit tests. */
import { generateResumeSample, serializeModel, TextClassifier } from '../../ml/index';

let cached: string | undefined;

/** The versioned JSON of a fast-engine model fitted on 8 generated resumes per category (cached per test file). */
export function tinyModelJson(): string {
  if (cached) return cached;
  const rows = generateResumeSample({ seed: 3, perClass: 8 });
  const pipeline = new TextClassifier({ engine: 'fast', seed: 1 }).fit(
    rows.map((r) => r.text),
    rows.map((r) => r.category),
  );
  cached = serializeModel(pipeline);
  return cached;
}
