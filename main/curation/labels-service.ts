/**
 * Every labelling action people take — set a category, exclude / include, and the category
 * operations — runs here, in one transaction with its history step, so each can be undone and
 * redone (also after a restart). After each change it announces `documents.changed` and the new
 * `dataset.changed` counts. Plain Node; used by the curation handlers and the CLI.
 */
import type { DatasetSummary, DocumentFilter, HistoryStep, LabelChange, LabelHistory } from '../../preload/contract';
import { AppError } from '../rpc/app-error';
import type { EventBus } from '../rpc/event-bus';
import type { Db } from '../store/database';
import type { DocumentsRepo, LabelState } from '../store/documents-repo';
import { writeTransaction } from '../store/write-transaction';
import type { CategoryOp, DocumentChange, HistoryEntry, LabelHistoryRepo } from '../store/label-history-repo';

/** What the labels service is built from. */
export interface LabelsServiceDeps {
  db: Db;
  documents: DocumentsRepo;
  history: LabelHistoryRepo;
  events: EventBus;
  datasetSummary: () => DatasetSummary;
  /** Every document matching a filter (a whole search). */
  matchingIds: (filter: DocumentFilter) => number[];
}

/** Which documents an action applies to: named ids, or every document matching a filter. */
export type LabelTarget = { ids: readonly number[]; filter?: undefined } | { filter: DocumentFilter; ids?: undefined };

/** Options of an action. */
export interface ActionOptions {
  /** Count what would change; write nothing. */
  dryRun?: boolean;
  /** Runs inside the action's transaction once its history step is written (e.g. to record a queue answer with it). */
  onRecorded?: (step: HistoryStep) => void;
}

/** A label the model gave one document ("accept the confident ones"). */
export interface ModelLabel {
  id: number;
  category: string;
}

/** "1 resume", "12 resumes". */
export function resumes(count: number): string {
  return `${count} resume${count === 1 ? '' : 's'}`;
}

/** A planned action: its documents' states before and after (unchanged ones are dropped) and the category rows it touches. */
export interface PlannedAction {
  description: string;
  documents: DocumentChange[];
  /** Category rows, applied in order: `created` and `renamed` before the documents move, `deleted` after. */
  categories: CategoryOp[];
}

/** Creates the service that performs, undoes and redoes labelling actions. */
export function createLabelsService(deps: LabelsServiceDeps) {
  const { db, documents, history } = deps;

  const announce = (changed: number): void => {
    if (changed === 0) return;
    deps.events.emit('documents.changed', { changed, history: history.state() });
    deps.events.emit('dataset.changed', deps.datasetSummary());
  };

  /** Current states of `ids`, refusing ids that name no document (nothing is changed then). */
  const statesOf = (ids: readonly number[]): LabelState[] => {
    const unique = [...new Set(ids)];
    const states = documents.labelStates(unique);
    if (states.length !== unique.length) {
      const found = new Set(states.map((s) => s.id));
      const missing = unique.filter((id) => !found.has(id));
      throw new AppError('not_found', `No resume has the id ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}; nothing was changed.`);
    }
    return states;
  };

  /** The documents of a target: ids (all must exist) or a filter's current matches. */
  const statesOfTarget = (target: LabelTarget): LabelState[] => (target.ids ? statesOf(target.ids) : documents.labelStates(deps.matchingIds(target.filter)));
  const matching = (target: LabelTarget) => (target.filter?.q?.trim() ? ` matching "${target.filter.q.trim()}"` : target.filter ? ' of a filtered view' : '');

  /** Documents a rename moves; `isApplied`: whether the rename already happened (they carry the new name). */
  const renamedCount = (ops: readonly CategoryOp[], isApplied: boolean) =>
    ops.reduce((sum, op) => sum + (op.op === 'renamed' ? documents.countInCategory(isApplied ? op.newName : op.name) : 0), 0);

  const renameOrRefuse = (from: string, to: string, verb: string) => {
    if (documents.hasCategory(to)) throw new AppError('conflict', `Cannot ${verb}: a category named "${to}" exists again. Rename or merge it first.`);
    documents.renameCategory(from, to);
  };

  /** Applies an entry's category rows and document states forward (do / redo). */
  const applyForward = (documentsAfter: readonly LabelState[], ops: readonly CategoryOp[]) => {
    for (const op of ops) {
      if (op.op === 'created') documents.createCategory(op.name);
      if (op.op === 'renamed') renameOrRefuse(op.name, op.newName, `rename "${op.name}"`);
    }
    documents.applyLabelStates(documentsAfter);
    for (const op of ops) if (op.op === 'deleted') documents.deleteCategoryIfEmpty(op.name);
  };

  /** Reverts an entry: recreate what it deleted, restore the documents, undo renames, drop what it created (if still empty). */
  const applyBackward = (entry: HistoryEntry) => {
    const reversed = [...entry.categories].reverse();
    for (const op of reversed) {
      if (op.op === 'deleted') documents.createCategory(op.name);
      if (op.op === 'renamed') renameOrRefuse(op.newName, op.name, `undo "${entry.step.description}"`);
    }
    documents.applyLabelStates(entry.documents.map((d) => d.before));
    for (const op of reversed) if (op.op === 'created') documents.deleteCategoryIfEmpty(op.name);
  };

  const perform = (plan: () => PlannedAction, options: ActionOptions = {}): LabelChange => {
    // A dry run only reads: it needs no write lock, and waits for no other process.
    const run = options.dryRun ? <T>(_: Db, work: () => T) => db.transaction(work)() : writeTransaction;
    const result = run(db, (): LabelChange => {
      const action = plan();
      const matched = action.documents.length;
      const changes = action.documents.filter(
        ({ before, after }) => before.category !== after.category || before.isExcluded !== after.isExcluded || before.isModelLabelled !== after.isModelLabelled,
      );
      const changed = changes.length + renamedCount(action.categories, false);
      if (options.dryRun) return { changed, matched, step: null, history: history.state() };
      if (changes.length === 0 && action.categories.length === 0) return { changed: 0, matched, step: null, history: history.state() };
      applyForward(
        changes.map((c) => c.after),
        action.categories,
      );
      const step = history.record(action.description, changes, action.categories);
      options.onRecorded?.(step);
      return { changed, matched, step, history: history.state() };
    });
    announce(result.changed);
    return result;
  };

  return {
    /** Plans (inside the transaction) and runs an action with its history step. */
    perform,
    /**
     * Labels documents with a category (created on first use), or removes their label (null). A
     * person's label: a model-labelled document given its own label again is thereby confirmed.
     */
    setCategory(target: LabelTarget, category: string | null, options: ActionOptions = {}): LabelChange {
      return perform(() => {
        const before = statesOfTarget(target);
        const changing = before.filter((s) => s.category !== category || s.isModelLabelled).length;
        const created = category !== null && !documents.hasCategory(category);
        const which = `${resumes(changing)}${matching(target)}`;
        return {
          description: category === null ? `Removed the label of ${which}` : `Set ${which} to ${category}`,
          documents: before.map((s) => ({ before: s, after: { ...s, category, isModelLabelled: false } })),
          categories: created ? [{ op: 'created', name: category }] : [],
        };
      }, options);
    },
    /** Confirms the model's label of model-labelled documents: they keep it as a person's label (and join evaluation sets). */
    confirmModelLabels(target: LabelTarget, options: ActionOptions = {}): LabelChange {
      return perform(() => {
        const before = statesOfTarget(target);
        const changing = before.filter((s) => s.isModelLabelled).length;
        return {
          description: `Confirmed the model's label of ${resumes(changing)}${matching(target)}`,
          documents: before.map((s) => ({ before: s, after: { ...s, isModelLabelled: false } })),
          categories: [],
        };
      }, options);
    },
    /** Labels documents with the model's suggestions, marked model-labelled (one undoable step). */
    labelByModel(labels: readonly ModelLabel[], description: string, options: ActionOptions = {}): LabelChange {
      return perform(() => {
        const categoryOf = new Map(labels.map((l) => [l.id, l.category]));
        const before = statesOf([...categoryOf.keys()]);
        const created = [...new Set(categoryOf.values())].filter((name) => !documents.hasCategory(name));
        return {
          description,
          documents: before.map((s) => ({ before: s, after: { ...s, category: categoryOf.get(s.id)!, isModelLabelled: true } })),
          categories: created.map((name) => ({ op: 'created' as const, name })),
        };
      }, options);
    },
    /** Excludes documents from training, or includes them again. */
    setExcluded(target: LabelTarget, isExcluded: boolean, options: ActionOptions = {}): LabelChange {
      return perform(() => {
        const before = statesOfTarget(target);
        const changing = before.filter((s) => s.isExcluded !== isExcluded).length;
        return {
          description: `${isExcluded ? 'Excluded' : 'Included'} ${resumes(changing)}${matching(target)}`,
          documents: before.map((s) => ({ before: s, after: { ...s, isExcluded } })),
          categories: [],
        };
      }, options);
    },
    /** Keeps one document of its near-duplicate group (included) and excludes the other members. */
    keepOne(keepId: number): LabelChange {
      return perform(() => {
        const kept = documents.get(keepId);
        if (!kept) throw new AppError('not_found', `No resume has the id ${keepId}.`);
        const members = documents.groupMemberIds(kept.nearDuplicateOf ?? keepId);
        if (members.length < 2) throw new AppError('conflict', `"${kept.fileName}" is not in a duplicate group any more.`);
        const before = statesOf(members);
        const dropped = before.filter((s) => s.id !== keepId && !s.isExcluded).length;
        return {
          description: `Kept "${kept.fileName}" and excluded ${resumes(dropped)} of its duplicate group`,
          documents: before.map((s) => ({ before: s, after: { ...s, isExcluded: s.id !== keepId } })),
          categories: [],
        };
      });
    },
    /** Reverts the latest action not yet undone. */
    undo(): LabelChange {
      const result = writeTransaction(db, (): LabelChange => {
        const entry = history.nextUndo();
        if (!entry) return { changed: 0, matched: 0, step: null, history: history.state() };
        const changed = entry.documents.length + renamedCount(entry.categories, true);
        applyBackward(entry);
        history.markUndone(entry.step.id, true);
        return { changed, matched: changed, step: entry.step, history: history.state() };
      });
      announce(result.changed);
      return result;
    },
    /** Does the earliest undone action again. */
    redo(): LabelChange {
      const result = writeTransaction(db, (): LabelChange => {
        const entry = history.nextRedo();
        if (!entry) return { changed: 0, matched: 0, step: null, history: history.state() };
        const changed = entry.documents.length + renamedCount(entry.categories, false);
        applyForward(
          entry.documents.map((d) => d.after),
          entry.categories,
        );
        history.markUndone(entry.step.id, false);
        return { changed, matched: changed, step: entry.step, history: history.state() };
      });
      announce(result.changed);
      return result;
    },
    /** What undo and redo would do next. */
    history(): LabelHistory {
      return history.state();
    },
  };
}

/** The labels service's type. */
export type LabelsService = ReturnType<typeof createLabelsService>;
