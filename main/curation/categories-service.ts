/**
 * Category operations — create, rename, merge, delete — as undoable labelling actions. Each
 * answers first with its plan (what it does and how many resumes move), and applies only when not a
 * dry run. Plain Node; used by the categories handlers.
 */
import type { CategoryResult } from '../../preload/contract';
import { AppError } from '../rpc/app-error';
import type { DocumentsRepo } from '../store/documents-repo';
import { resumes, type LabelsService, type PlannedAction } from './labels-service';

/** Creates the category operations over the labels service. */
export function createCategoriesService(documents: DocumentsRepo, labels: LabelsService) {
  const mustExist = (name: string) => {
    if (!documents.hasCategory(name)) throw new AppError('not_found', `There is no category named "${name}".`);
  };
  /** Plans inside the action's transaction, then answers with the plan and (unless a dry run) the change. */
  const run = (dryRun: boolean | undefined, plan: () => PlannedAction & { moved: number }): CategoryResult => {
    let planned: { description: string; moved: number } | undefined;
    const change = labels.perform(
      () => {
        const action = plan();
        planned = { description: action.description, moved: action.moved };
        return action;
      },
      { dryRun },
    );
    return { plan: planned!, change: dryRun ? null : change };
  };
  const statesIn = (name: string) => documents.labelStates(documents.documentIdsInCategory(name));

  return {
    /** Creates an empty category. */
    create(name: string, dryRun?: boolean): CategoryResult {
      return run(dryRun, () => {
        if (documents.hasCategory(name)) throw new AppError('conflict', `A category named "${name}" already exists.`);
        return { description: `Created the category ${name}`, moved: 0, documents: [], categories: [{ op: 'created', name }] };
      });
    },
    /** Renames a category in place; its resumes follow. */
    rename(from: string, to: string, dryRun?: boolean): CategoryResult {
      return run(dryRun, () => {
        mustExist(from);
        if (from === to) throw new AppError('bad_input', `The category is already named "${to}".`);
        if (documents.hasCategory(to)) {
          throw new AppError('conflict', `A category named "${to}" already exists; merge "${from}" into it instead.`);
        }
        const moved = documents.countInCategory(from);
        return { description: `Renamed ${from} to ${to} (${resumes(moved)})`, moved, documents: [], categories: [{ op: 'renamed', name: from, newName: to }] };
      });
    },
    /** Moves every resume of `from` into `into` (created if new) and deletes the `from` categories. */
    merge(from: readonly string[], into: string, dryRun?: boolean): CategoryResult {
      return run(dryRun, () => {
        const sources = [...new Set(from)].filter((name) => name !== into);
        if (sources.length === 0) throw new AppError('bad_input', `Name at least one category other than "${into}" to merge into it.`);
        sources.forEach(mustExist);
        const before = sources.flatMap(statesIn);
        const created = !documents.hasCategory(into);
        return {
          description: `Merged ${sources.join(', ')} into ${into} (${resumes(before.length)})`,
          moved: before.length,
          documents: before.map((s) => ({ before: s, after: { ...s, category: into } })),
          categories: [...(created ? [{ op: 'created' as const, name: into }] : []), ...sources.map((name) => ({ op: 'deleted' as const, name }))],
        };
      });
    },
    /** Deletes a category; its resumes become unlabelled. */
    remove(name: string, dryRun?: boolean): CategoryResult {
      return run(dryRun, () => {
        mustExist(name);
        const before = statesIn(name);
        return {
          description: `Deleted the category ${name} (${resumes(before.length)} now unlabelled)`,
          moved: before.length,
          documents: before.map((s) => ({ before: s, after: { ...s, category: null, isModelLabelled: false } })),
          categories: [{ op: 'deleted', name }],
        };
      });
    },
  };
}

/** The categories service's type. */
export type CategoriesService = ReturnType<typeof createCategoriesService>;
