/**
 * The active-model cache: loading a model means parsing and checking its JSON, which is too slow to
 * repeat per prediction. The cache keeps the loaded model of one key (e.g. the active model's id)
 * and loads again only when the key changes. Plain TypeScript over ml/.
 */
import { deserializeModel, type TextClassifier } from '../../ml/index';

/** What the cache asks for: the current model's key and its JSON, or null when there is none. */
export type ActiveModelSource = () => { key: string | number; json: string } | null;

/** The cache's interface. */
export interface ActiveModelCache {
  /** The loaded current model, or null when none is active; a changed key loads the new one. */
  get(): TextClassifier | null;
  /** Forgets the loaded model (e.g. after the active model was deleted). */
  clear(): void;
}

/** Creates a cache over `source`; a model that fails to load throws and is not cached. */
export function createActiveModelCache(source: ActiveModelSource): ActiveModelCache {
  let loaded: { key: string | number; model: TextClassifier } | null = null;
  return {
    get() {
      const current = source();
      if (!current) {
        loaded = null;
        return null;
      }
      if (loaded?.key !== current.key) loaded = { key: current.key, model: deserializeModel(current.json).pipeline };
      return loaded.model;
    },
    clear() {
      loaded = null;
    },
  };
}
