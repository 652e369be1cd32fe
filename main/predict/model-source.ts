/**
 * Where the model to predict with comes from: a model file (`serve --model`, the CLI) or the
 * studio's active model. A source answers with the model's JSON and identity plus the validation
 * predictions its default review threshold is chosen from, or with a sentence saying why there is
 * no model; it announces changes. Plain Node; used by the prediction engine.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ModelSourceEntry } from './predict-document';
import type { ValidationPrediction } from './review-threshold';

/** The current model of a source, or why there is none. */
export type ModelSourceState = { entry: ModelSourceEntry; validation: ValidationPrediction[] } | { entry: null; reason: string };

/** A place the current model is read from. */
export interface ModelSource {
  /** Reads the current model (called at start and after each change). */
  read(): ModelSourceState;
  /** Calls `listener` when the current model may have changed; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/**
 * A model file, read once: its identity is the hash of its bytes, so two servers started from the
 * same file report the same model id. A missing or unreadable file throws a sentence naming it.
 */
export function fileModelSource(file: string): ModelSource {
  let json: string;
  try {
    json = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : `it cannot be read (${code ?? (error as Error).message})`;
    throw new Error(`The model file ${file} cannot be used: ${why}.`);
  }
  let trainedAt: string | null = null;
  try {
    trainedAt = fs.statSync(file).mtime.toISOString();
  } catch {
    // The time is only informative.
  }
  const id = `sha256:${createHash('sha256').update(json).digest('hex').slice(0, 16)}`;
  const state: ModelSourceState = { entry: { id, name: path.basename(file), trainedAt, json }, validation: [] };
  return { read: () => state, subscribe: () => () => undefined };
}
