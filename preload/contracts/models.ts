/** The `models.*` methods and events: stored models, the active one, import, export and model cards. Pure. */
import { z } from 'zod';
import { method, noInput } from './define';

/** One stored model, without its (large) JSON. */
export interface ModelSummary {
  id: number;
  name: string;
  /** The training run that produced it; null for an imported model. */
  runId: number | null;
  origin: 'trained' | 'imported';
  engine: string;
  classes: string[];
  /** Documents the model was fitted on. */
  documents: number;
  /** Hash of the (text, label) pairs it was fitted on. */
  dataHash: string;
  /** Holdout macro-F1 of its run (or stored in the imported file); null when unknown. */
  macroF1: number | null;
  isActive: boolean;
  createdAt: string;
}

/** The active model with its versioned JSON (what prediction loads). */
export interface ActiveModel extends ModelSummary {
  modelJson: string;
}

/** An exported model file. */
export interface ModelFile {
  fileName: string;
  json: string;
}

/** A model card in both forms: Markdown for people, JSON for tools. */
export interface ModelCardFiles {
  markdown: string;
  json: string;
  /** Suggested file name stem, e.g. "model-3-card". */
  fileStem: string;
}

const modelId = z.object({ id: z.number().int().positive() }).strict();

/** The models domain's methods. */
export const modelsMethods = {
  'models.list': method<ModelSummary[]>()(noInput),
  'models.active': method<ActiveModel | null>()(noInput),
  'models.activate': method<ModelSummary>()(modelId),
  'models.export': method<ModelFile>()(modelId),
  'models.card': method<ModelCardFiles>()(modelId),
  'models.import': method<ModelSummary>()(
    z
      .object({
        fileName: z.string().min(1).max(500),
        json: z.string().max(200 * 1024 * 1024),
      })
      .strict(),
  ),
} as const;

/** The models domain's events. */
export interface ModelsEvents {
  /** The active model changed (a run finished, a model was activated); null when none is active. */
  'models.activated': { model: ModelSummary | null };
}
