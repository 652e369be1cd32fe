/**
 * Bulk actions on the selected resumes, or on every resume the current search and filters match:
 * set a category, exclude, include, confirm the model's labels. The whole-search target goes to the backend as the filter, so
 * 50,000 matches cost one call.
 */
import { useState } from 'react';
import type { CategoryCount } from '../../../preload/contract';
import { formatCount } from '../../format/numbers';

/** What the bulk actions apply to. */
export type BulkTarget = { kind: 'selection'; ids: number[] } | { kind: 'all'; total: number };

/** Props of BulkBar. */
export interface BulkBarProps {
  target: BulkTarget;
  total: number;
  categories: CategoryCount[];
  onSelectAll(): void;
  onClear(): void;
  onSetCategory(category: string | null): void;
  onSetExcluded(isExcluded: boolean): void;
  /** Keeps the model's label of the model-labelled ones as a person's. */
  onConfirmModelLabels(): void;
}

const unlabelValue = '\u0000none';

/** The bar shown above the table while something is selected. */
export function BulkBar({ target, total, categories, onSelectAll, onClear, onSetCategory, onSetExcluded, onConfirmModelLabels }: BulkBarProps) {
  const [category, setCategory] = useState('');
  const count = target.kind === 'all' ? target.total : target.ids.length;
  return (
    <section className="bulk-bar" aria-label="Bulk actions" data-testid="bulk-bar">
      <p className="bulk-count" aria-live="polite">
        {target.kind === 'all' ? `All ${formatCount(count)} matching resumes` : `${formatCount(count)} selected`}
      </p>
      {target.kind === 'selection' && total > count ? (
        <button type="button" className="button link-button" onClick={onSelectAll}>
          Select all {formatCount(total)} matching
        </button>
      ) : null}
      <label className="visually-hidden" htmlFor="bulk-category">
        Category for the selected resumes
      </label>
      <select id="bulk-category" className="input" value={category} onChange={(event) => setCategory(event.target.value)}>
        <option value="">Choose a category…</option>
        <option value={unlabelValue}>No label (unlabelled)</option>
        {categories.map((c) => (
          <option key={c.category} value={c.category}>
            {c.category}
          </option>
        ))}
      </select>
      <button type="button" className="button primary" disabled={!category} onClick={() => onSetCategory(category === unlabelValue ? null : category)}>
        Set category
      </button>
      <button type="button" className="button" onClick={() => onSetExcluded(true)}>
        Exclude
      </button>
      <button type="button" className="button" onClick={() => onSetExcluded(false)}>
        Include
      </button>
      <button type="button" className="button" onClick={onConfirmModelLabels} title="Labels the model gave become yours: they join evaluation sets">
        Confirm model labels
      </button>
      <button type="button" className="button" onClick={onClear}>
        Clear selection
      </button>
    </section>
  );
}
