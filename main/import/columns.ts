/**
 * Which columns of a CSV / JSONL table hold the text and the label: the user's choice, or the
 * usual names. One rule for the importer and the CLI; each phrases how to choose. Pure.
 */
import type { ColumnMapping } from '../../preload/contract';

/** Column names tried, in order, when none is given (compared case-insensitively). */
export const TEXT_COLUMN_CANDIDATES = ['text', 'resume', 'resume_str', 'resume_text', 'content', 'body'];
/** Label column names tried, in order, when none is given. */
export const LABEL_COLUMN_CANDIDATES = ['category', 'label', 'class', 'job_category', 'role'];

/** The first column whose name matches a candidate (case-insensitive), or null. */
export function guessColumn(columns: readonly string[], candidates: readonly string[]): string | null {
  for (const candidate of candidates) {
    const hit = columns.find((c) => c.trim().toLowerCase() === candidate);
    if (hit !== undefined) return hit;
  }
  return null;
}

/** What must be found, and how the caller tells its user to choose a column. */
export interface ResolveOptions {
  requireText: boolean;
  requireLabel: boolean;
  /** The end of the "not found" sentence, e.g. "Choose one." or "Pass --text-column NAME." */
  howToChoose: (role: 'text' | 'label') => string;
}

/** The resolved columns, or why they could not be (a sentence naming the file). */
export type ResolvedColumns = { ok: true; textColumn: string | null; labelColumn: string | null } | { ok: false; message: string };

/**
 * Resolves the mapping against a table's columns. A named column must exist; an omitted one is
 * guessed from the usual names; a label column of null means "unlabelled".
 */
export function resolveColumns(fileName: string, columns: readonly string[], mapping: ColumnMapping, options: ResolveOptions): ResolvedColumns {
  const present = columns.join(', ') || 'none';
  for (const chosen of [mapping.textColumn, mapping.labelColumn]) {
    if (chosen && !columns.includes(chosen)) return { ok: false, message: `${fileName} has no column "${chosen}"; columns are: ${present}.` };
  }
  const textColumn = mapping.textColumn ?? guessColumn(columns, TEXT_COLUMN_CANDIDATES);
  const labelColumn = mapping.labelColumn === undefined ? guessColumn(columns, LABEL_COLUMN_CANDIDATES) : mapping.labelColumn;
  const missing = (role: 'text' | 'label', candidates: string[]) =>
    `${fileName} has no ${role} column (looked for ${candidates.join(', ')}); columns are: ${present}. ${options.howToChoose(role)}`;
  if (options.requireText && !textColumn) return { ok: false, message: missing('text', TEXT_COLUMN_CANDIDATES) };
  if (options.requireLabel && !labelColumn) return { ok: false, message: missing('label', LABEL_COLUMN_CANDIDATES) };
  return { ok: true, textColumn, labelColumn };
}
