/** Reads a saved model file for the CLI; errors name the file. Plain Node. */
import fs from 'node:fs';
import { nonRegularKind, readRegularFileSync } from '../parsing/regular-file';
import { deserializeModel, modelTooLargeReason, type EvaluationReport, type TextClassifier } from '../../ml/index';

/** Reads and validates a model file; every failure is a sentence naming the file (ModelFormatError or a read error). */
export function readModelFile(file: string): { pipeline: TextClassifier; metrics: EvaluationReport | null } {
  const cannotRead = (error: unknown) => new Error(`${file}: cannot read the model (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  let stats: fs.Stats;
  try {
    stats = fs.statSync(file);
  } catch (error) {
    throw cannotRead(error);
  }
  // Only a regular file is opened: a FIFO named like a model would block the CLI for ever.
  const kind = nonRegularKind(stats);
  if (kind) throw new Error(`${file}: cannot read the model: it is ${kind}, not a regular file, so it was not opened.`);
  const tooLarge = modelTooLargeReason(stats.size, file);
  if (tooLarge) throw new Error(tooLarge);
  let text: string;
  try {
    text = readRegularFileSync(file).toString('utf8');
  } catch (error) {
    throw cannotRead(error);
  }
  // deserializeModel names the file in its one sentence ("<file> is not a Resume Studio model or is damaged: …").
  return deserializeModel(text, file);
}
