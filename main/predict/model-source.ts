/**
 * Where the model to predict with comes from: a model file (`serve --model`, the CLI) or the
 * studio's active model. A source answers with the model's JSON and identity plus the validation
 * predictions its default review threshold is chosen from, or with a sentence saying why there is
 * no model; it announces changes. Plain Node; used by the prediction engine.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { modelTooLargeReason } from '../../ml/index';
import { nonRegularKind, readRegularFileSync } from '../parsing/regular-file';
import type { ModelSourceEntry } from './predict-document';
import type { ThresholdChoice, ValidationPrediction } from './review-threshold';

/**
 * The current model of a source, or why there is none. `reviewThreshold`: chosen when the model was
 * trained (the studio stores it with the run); without it the engine chooses from `validation`.
 */
export type ModelSourceState =
  { entry: ModelSourceEntry; validation: ValidationPrediction[]; reviewThreshold?: ThresholdChoice } | { entry: null; reason: string };

/** A place the current model is read from. */
export interface ModelSource {
  /** Reads the current model (called at start and after each change). */
  read(): ModelSourceState;
  /** Calls `listener` when the current model may have changed; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/**
 * A model file, read once: its identity is the hash of its bytes, so two servers started from the
 * same file report the same model id. A missing, unreadable or non-regular file throws a sentence naming it.
 */
export function fileModelSource(file: string): ModelSource {
  // The CLI's wording for model files (datasets/model-file.ts): the path, then what is wrong.
  const cannotRead = (why: string) => new Error(`${file}: cannot read the model${why}`);
  let stats: fs.Stats;
  try {
    stats = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw cannotRead(code === 'ENOENT' ? ': it does not exist.' : ` (${code ?? (error as Error).message})`);
  }
  // Only a regular file is opened: a FIFO named like a model would block for ever.
  const kind = nonRegularKind(stats);
  if (kind) throw cannotRead(`: it is ${kind}, not a regular file, so it was not opened.`);
  // Before reading: a file too large to load would only fail later as "ran out of memory … try again".
  const tooLarge = modelTooLargeReason(stats.size, file);
  if (tooLarge) throw new Error(tooLarge);
  let json: string;
  try {
    json = readRegularFileSync(file).toString('utf8');
  } catch (error) {
    throw cannotRead(` (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const trainedAt = stats.mtime.toISOString();
  const id = `sha256:${createHash('sha256').update(json).digest('hex').slice(0, 16)}`;
  const state: ModelSourceState = { entry: { id, name: path.basename(file), trainedAt, json }, validation: [] };
  return { read: () => state, subscribe: () => () => undefined };
}
