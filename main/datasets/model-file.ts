/** Reads a saved model file for the CLI; errors name the file. Plain Node. */
import fs from 'node:fs';
import { deserializeModel, type EvaluationReport, type TextClassifier } from '../../ml/index';

/** Reads and validates a model file (format name and version are checked by deserializeModel). */
export function readModelFile(file: string): { pipeline: TextClassifier; metrics: EvaluationReport | null } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot read the model (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return deserializeModel(text);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}
