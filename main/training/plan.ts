/** What the next run will use, and the full parameters of a run from the user's choices and Settings. Plain Node. */
import type { Settings, TrainingParams, TrainingPlan } from '../../preload/contract';
import type { DocumentsRepo } from '../store/documents-repo';
import { engineDefaults } from './pipeline-params';

/** A category needs this many labelled documents to be split into train and test and still be learned. */
export const MIN_DOCUMENTS_PER_CATEGORY = 5;

/** Heap limit of the training worker unless the user sets one under Advanced. */
export const DEFAULT_MEMORY_LIMIT_MB = 4096;

/** The parameters of a run: what the user chose, then Settings' defaults, then the engine's; blind always from Settings. */
export function resolveParams(input: Partial<Omit<TrainingParams, 'blind'>>, settings: Settings): TrainingParams {
  const engine = input.engine ?? settings.defaultEngine;
  return {
    engine,
    testFraction: settings.testFraction,
    folds: 0,
    seed: settings.seed,
    ...engineDefaults(engine),
    memoryLimitMb: DEFAULT_MEMORY_LIMIT_MB,
    ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    blind: settings.blindMode,
  };
}

/** The plan of the next run: documents per category, the categories too small to use, what is set aside, and why training cannot start. */
export function planTraining(documents: DocumentsRepo, settings: Settings): TrainingPlan {
  const counts = documents.trainingCounts();
  const categories = counts.categories.map((c) => ({ ...c, isUsable: c.documents >= MIN_DOCUMENTS_PER_CATEGORY }));
  const usable = categories.filter((c) => c.isUsable);
  const tooSmall = categories.filter((c) => !c.isUsable);
  let problem: string | null = null;
  if (usable.length < 2) {
    const have =
      categories.length === 0
        ? 'there are no labelled documents yet (import labelled resumes: one folder per category, or a CSV/JSONL with a label column)'
        : usable.length === 1
          ? `only "${usable[0]!.category}" has enough`
          : 'no category has enough';
    const small = tooSmall.length ? `; too small: ${tooSmall.map((c) => `${c.category} (${c.documents})`).join(', ')}` : '';
    problem = `Training needs at least two categories with ${MIN_DOCUMENTS_PER_CATEGORY} or more labelled, not excluded documents each; ${have}${small}.`;
  }
  return {
    categories,
    minDocumentsPerCategory: MIN_DOCUMENTS_PER_CATEGORY,
    usableDocuments: usable.reduce((s, c) => s + c.documents, 0),
    unlabelled: counts.unlabelled,
    excluded: counts.excluded,
    modelLabelled: counts.modelLabelled,
    problem,
    defaults: resolveParams({}, settings),
  };
}
