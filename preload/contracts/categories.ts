/**
 * The `categories.*` methods: create, rename, merge and delete job categories. Each can first be
 * asked with `dryRun` to say how many resumes would move; each applied change is undoable through
 * `documents.undo`. Pure.
 */
import { z } from 'zod';
import type { CategoryCount } from './dataset';
import { method, noInput } from './define';
import { categoryNameSchema, type LabelChange } from './documents';

/** What a category operation does, in words and in resumes moved. */
export interface CategoryPlan {
  description: string;
  /** Resumes whose label changes. */
  moved: number;
}

/** A category operation's answer: its plan, and what was done (null with dryRun). */
export interface CategoryResult {
  plan: CategoryPlan;
  change: LabelChange | null;
}

/** An existing category, named exactly as stored. */
const existingName = z.string().min(1).max(200);
const dryRun = z.boolean().optional();

/** The categories domain's methods. */
export const categoriesMethods = {
  'categories.list': method<CategoryCount[]>()(noInput),
  'categories.create': method<CategoryResult>()(z.object({ name: categoryNameSchema, dryRun }).strict()),
  /** Renames a category; its resumes follow. A name another category has is refused (merge instead). */
  'categories.rename': method<CategoryResult>()(z.object({ from: existingName, to: categoryNameSchema, dryRun }).strict()),
  /** Moves every resume of the `from` categories into `into` (created if new) and deletes them. */
  'categories.merge': method<CategoryResult>()(z.object({ from: z.array(existingName).min(1).max(100), into: categoryNameSchema, dryRun }).strict()),
  /** Deletes a category; its resumes become unlabelled. */
  'categories.delete': method<CategoryResult>()(z.object({ name: existingName, dryRun }).strict()),
} as const;
